/**
 * Links in emails. A confirmation token is random and only its hash is stored, so a leaked
 * database cannot confirm anyone. Unsubscribe and erase links are signed (HMAC) over the record's
 * id and canonical email, so they keep working in every email ever sent and stop working once the
 * record is gone or anonymised, even if its id is reused.
 */
import {
  createHmac,
  createSecretKey,
  hash,
  randomFillSync,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto'
import type { RecordId } from './recordId'

/** The two kinds of record a link can point at. */
export const RECORD_KINDS = { SIGNATURE: 'signature', MEMBER: 'member' } as const
export type RecordKind = (typeof RECORD_KINDS)[keyof typeof RECORD_KINDS]
export const isRecordKind = (v: string): v is RecordKind => v === 'signature' || v === 'member'

/** The collection a kind of record lives in. */
export const collectionOf = (kind: RecordKind) =>
  (kind === 'signature' ? 'signatures' : 'members') as 'signatures' | 'members'

/** The hash we store for a confirmation token. */
export const hashToken = (token: string): string => hash('sha256', token, 'hex')

/** A new confirmation token and the hash to store. */
/** Random bytes drawn from the CSPRNG in blocks, so a busy petition does not pay a system call per token. */
const pool = Buffer.alloc(24 * 256)
let poolAt = pool.length

export const newConfirmToken = (): { token: string; hash: string } => {
  if (poolAt === pool.length) {
    randomFillSync(pool)
    poolAt = 0
  }
  const token = pool.toString('base64url', poolAt, (poolAt += 24))
  return { token, hash: hashToken(token) }
}

const keys = new Map<string, KeyObject>()

/** HMAC-SHA256 of `text` with the secret, base64url: the one keyed hash of links, form stamps and client addresses (the key is prepared once per secret). */
export const hmac = (secret: string, text: string): string => {
  let key = keys.get(secret)
  if (!key) {
    if (keys.size > 10) keys.clear()
    keys.set(secret, (key = createSecretKey(Buffer.from(secret))))
  }
  return createHmac('sha256', key).update(text).digest('base64url')
}

/** What a signed link lets someone do: stop emails, delete the record, or stay in the network (members asked after a long quiet time). */
export type LinkPurpose = 'unsubscribe' | 'erase' | 'keep'

/** The signed token for an unsubscribe, erase or keep link. */
export const linkToken = (
  secret: string,
  purpose: LinkPurpose,
  kind: RecordKind,
  id: RecordId,
  emailCanonical: string,
): string => hmac(secret, `${purpose}:${kind}:${id}:${emailCanonical}`).slice(0, 32)

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
    unsubscribe: (kind: RecordKind, id: RecordId, token: string) =>
      `${base}/unsubscribe/${kind}/${id}/${token}`,
    erase: (kind: RecordKind, id: RecordId, token: string) => `${base}/erase/${kind}/${id}/${token}`,
    /** Members only: "yes, keep me in the network" (cms/api/keep.ts). */
    keep: (id: RecordId, token: string) => `${base}/keep/member/${id}/${token}`,
  }
}

/** The CMS's public address. */
export const cmsUrl = (): string => process.env.CMS_URL || 'http://localhost:3000'
/** The site's public address. */
export const siteUrl = (): string => (process.env.SITE_URL || 'http://localhost:4321').replace(/\/$/, '')
