/**
 * Links in emails. A confirmation token is random and only its hash is stored, so a leaked
 * database cannot confirm anyone. Unsubscribe and erase links are signed (HMAC) over the record's
 * id and canonical email, so they keep working in every email ever sent and stop working once the
 * record is gone or anonymised, even if its id is reused.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { RecordId } from './recordId'

/** The two kinds of record a link can point at. */
export const RECORD_KINDS = { SIGNATURE: 'signature', MEMBER: 'member' } as const
export type RecordKind = (typeof RECORD_KINDS)[keyof typeof RECORD_KINDS]
export const isRecordKind = (v: string): v is RecordKind => v === 'signature' || v === 'member'

/** The collection a kind of record lives in. */
export const collectionOf = (kind: RecordKind) => (kind === 'signature' ? 'signatures' : 'members') as 'signatures' | 'members'

/** The hash we store for a confirmation token. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/** A new confirmation token and the hash to store. */
export const newConfirmToken = (): { token: string; hash: string } => {
  const token = randomBytes(24).toString('base64url')
  return { token, hash: hashToken(token) }
}

/** What a signed link lets someone do: stop emails, delete the record, or stay in the network (members asked after a long quiet time). */
export type LinkPurpose = 'unsubscribe' | 'erase' | 'keep'

/** The signed token for an unsubscribe, erase or keep link. */
export const linkToken = (secret: string, purpose: LinkPurpose, kind: RecordKind, id: RecordId, emailCanonical: string): string =>
  createHmac('sha256', secret).update(`${purpose}:${kind}:${id}:${emailCanonical}`).digest('base64url').slice(0, 32)

/** Whether a signed link token is right for this record. */
export const checkLinkToken = (
  secret: string,
  token: string,
  purpose: LinkPurpose,
  kind: RecordKind,
  id: RecordId,
  emailCanonical: string | null | undefined,
): boolean => {
  if (!emailCanonical || !token) return false
  const expected = Buffer.from(linkToken(secret, purpose, kind, id, emailCanonical))
  const given = Buffer.from(token)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/** Public links, on the CMS (which serves the confirm, unsubscribe, erase and keep pages). */
export const links = (cmsUrl: string) => {
  const base = `${cmsUrl.replace(/\/$/, '')}/api/public`
  return {
    confirm: (kind: RecordKind, token: string) => `${base}/confirm/${kind}/${token}`,
    unsubscribe: (kind: RecordKind, id: RecordId, token: string) => `${base}/unsubscribe/${kind}/${id}/${token}`,
    erase: (kind: RecordKind, id: RecordId, token: string) => `${base}/erase/${kind}/${id}/${token}`,
    /** Members only: "yes, keep me in the network" (cms/endpoints/keep.ts). */
    keep: (id: RecordId, token: string) => `${base}/keep/member/${id}/${token}`,
  }
}

/** The CMS's public address. */
export const cmsUrl = (): string => process.env.CMS_URL || 'http://localhost:3000'
/** The site's public address. */
export const siteUrl = (): string => (process.env.SITE_URL || 'http://localhost:4321').replace(/\/$/, '')
