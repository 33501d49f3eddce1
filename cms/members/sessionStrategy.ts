/**
 * How the CMS knows a signed-in member: Payload's auth strategy for the members collection.
 * Payload's own local-jwt strategy refuses every collection without the local (password) strategy,
 * so this one verifies the same token Payload's jwtSign made (jose, as Payload does) and finds its
 * session among the member's Payload sessions: signing out, or out everywhere, ends it at once.
 */
import { jwtVerify } from 'jose'
import {
  JWT_AUTH_VERSION,
  type AuthStrategy,
  type AuthStrategyFunctionArgs,
  type CollectionConfig,
  type Payload,
} from 'payload'
import { parseCookies } from 'payload/shared'
import type { Member } from '../../content-models/payload-types'
import { parseRecordId, idTypeOf } from './recordId'

/** The strategy's name, as req.user._strategy says it. */
export const MEMBER_STRATEGY = 'members-session'

/**
 * The session cookie's token, read as Payload reads it (extractJWT's cookie rule): only when the
 * request's Origin is in the csrf list or, with no Origin, the browser says it is same-site.
 */
export const cookieTokenOf = (headers: Headers, payload: Payload): string | null => {
  const token = parseCookies(headers).get(`${payload.config.cookiePrefix}-token`)
  if (!token) return null
  const { csrf } = payload.config
  const origin = headers.get('Origin')
  if (origin) return csrf.length === 0 || csrf.includes(origin) ? token : null
  if (csrf.length === 0) return token
  const site = headers.get('Sec-Fetch-Site')
  return site === 'same-origin' || site === 'same-site' || site === 'none' ? token : null
}

type Claims = { id: number | string; sid: string }

/** The member id and session id of a member's token, if it is ours, unexpired and unaltered. */
const verify = async (token: string, secret: string): Promise<Claims | null> => {
  try {
    const { payload: claims, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(secret))
    if (protectedHeader.authVersion !== JWT_AUTH_VERSION) return null
    const { id, sid, collection } = claims as Record<string, unknown>
    if (collection !== 'members' || typeof sid !== 'string') return null
    return typeof id === 'number' || typeof id === 'string' ? { id, sid } : null
  } catch {
    return null
  }
}

type StoredMember = Member & { sessions?: { id: string; expiresAt: string }[] | null }

/** Authenticates a member's session cookie; anything else (no cookie, staff's, forged, ended) is no user. */
export const authenticateMember = async ({ headers, payload }: AuthStrategyFunctionArgs) => {
  const token = cookieTokenOf(headers, payload)
  const claims = token ? await verify(token, payload.secret) : null
  const id = claims ? parseRecordId(claims.id, idTypeOf(payload)) : null
  if (!claims || id === null) return { user: null }
  const member = await payload.db.findOne<StoredMember>({
    collection: 'members',
    where: { id: { equals: id } },
  })
  const now = Date.now()
  const session = member?.sessions?.find((s) => s.id === claims.sid && Date.parse(s.expiresAt) > now)
  if (!member || !session) return { user: null }
  return {
    user: { ...member, collection: 'members' as const, _strategy: MEMBER_STRATEGY, _sid: claims.sid },
  }
}

/** The strategy, for the members collection's auth. */
export const memberSessionStrategy: AuthStrategy = {
  name: MEMBER_STRATEGY,
  authenticate: authenticateMember,
}

/** The members collection with its session strategy (cms/config.ts). */
export const withMemberSessions = (members: CollectionConfig): CollectionConfig => {
  const auth = typeof members.auth === 'object' ? members.auth : {}
  return { ...members, auth: { ...auth, strategies: [...(auth.strategies ?? []), memberSessionStrategy] } }
}
