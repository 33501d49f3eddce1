/**
 * Signed, expiring preview links (JWTs signed with jose, HS256): what a link shows (a collection,
 * a document and one exact version) and until when. The key is derived from the CMS secret for
 * this purpose only, so a preview link can never pass as a session or any other link.
 */
import { createHash } from 'node:crypto'
import { jwtVerify, SignJWT } from 'jose'
import { isPublicCollection, type PublicCollection } from '../../content-models/constants'

/** What a preview link lets its holder see. */
export type PreviewClaims = { collection: PublicCollection; id: string; version: string }

const AUDIENCE = 'better-work-preview'

/** How long a preview link works: PREVIEW_LINK_DAYS (1–30), 7 by default. */
export const previewLinkDays = (): number => {
  const n = Number(process.env.PREVIEW_LINK_DAYS ?? 7)
  return Number.isInteger(n) && n >= 1 && n <= 30 ? n : 7
}

const keyOf = (secret: string): Uint8Array =>
  new Uint8Array(createHash('sha256').update(`preview-links\0${secret}`).digest())

/** A signed link token for `claims`, and when it stops working. */
export const previewToken = async (
  secret: string,
  claims: PreviewClaims,
  now = new Date(),
): Promise<{ token: string; expiresAt: string }> => {
  const expires = new Date(now.getTime() + previewLinkDays() * 86_400_000)
  const token = await new SignJWT({ c: claims.collection, d: claims.id, v: claims.version })
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expires.getTime() / 1000))
    .sign(keyOf(secret))
  return { token, expiresAt: expires.toISOString() }
}

/** The claims of a valid, unexpired token; null for anything else (tampered, expired, not a token). */
export const checkPreviewToken = async (secret: string, token: string): Promise<PreviewClaims | null> => {
  if (token.length > 2048) return null
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), { audience: AUDIENCE, algorithms: ['HS256'] })
    const { c, d, v } = payload as { c?: unknown; d?: unknown; v?: unknown }
    if (!isPublicCollection(c) || typeof d !== 'string' || typeof v !== 'string') return null
    return { collection: c, id: d, version: v }
  } catch {
    return null
  }
}
