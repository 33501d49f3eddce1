/**
 * Who is asking, for My account: the signed-in member (req.user from Payload's auth, from the
 * members collection only), or why nobody is. A request whose cookie was really ours, for a member
 * whose record is gone, is told plainly that the account was erased; any other request without a
 * member session is "signed out". Staff users are never members here.
 */
import { timingSafeEqual } from 'node:crypto'
import type { Payload } from 'payload'
import { readMember, type AccountMember } from './accountMember'
import { parseRecordId, type RecordId } from './recordId'
import { cookieTokenOf } from './sessionStrategy'
import { hmac } from './tokens'

export type Caller =
  { ok: true; member: AccountMember } | { ok: false; status: 'signed-out' | 'erased'; message: string }

export const SIGNED_OUT_MESSAGE =
  'You are not signed in. Sign in on the My account page: we email you a link.'
export const ERASED_MESSAGE =
  'This account no longer exists: it was erased, so we hold nothing about you any more. You can join again at any time.'

/**
 * The member id in a session cookie signed with our secret (HS256, as Payload signs it), expired
 * or not; null for anything else. Only used to tell an erased member why they are signed out.
 */
export const signedMemberId = (secret: string, token: string | null): RecordId | null => {
  const parts = token?.split('.') ?? []
  if (parts.length !== 3 || parts[2].length > 100) return null
  const expected = Buffer.from(hmac(secret, `${parts[0]}.${parts[1]}`))
  const given = Buffer.from(parts[2])
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>
    return claims.collection === 'members' ? parseRecordId(claims.id) : null
  } catch {
    return null
  }
}

/** The user Payload found for the request, as far as My account needs it. */
export type RequestUser = { id: RecordId; collection: string } | null | undefined

/** The signed-in member behind a request, or why there is none. */
export const callerOf = async (payload: Payload, user: RequestUser, headers: Headers): Promise<Caller> => {
  if (user && user.collection === 'members') {
    const member = await readMember(payload, user.id)
    if (member) return { ok: true, member }
    return { ok: false, status: 'erased', message: ERASED_MESSAGE }
  }
  // The cookie as the member strategy reads it: only from the site or the CMS itself (csrf list).
  const id = user ? null : signedMemberId(payload.secret, cookieTokenOf(headers, payload))
  if (id !== null && !(await readMember(payload, id)))
    return { ok: false, status: 'erased', message: ERASED_MESSAGE }
  return { ok: false, status: 'signed-out', message: SIGNED_OUT_MESSAGE }
}
