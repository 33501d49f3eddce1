/**
 * A member's session on the CMS: started by a sign-in link, ended by signing out (this device, or
 * everywhere). All of it is Payload's: its sessions list on the member, its token (jwtSign), its
 * cookie (generatePayloadCookie, with the members collection's SameSite and Secure settings) and
 * its logout operation; nothing is kept anywhere else.
 */
import {
  generateExpiredPayloadCookie,
  generatePayloadCookie,
  getFieldsToSign,
  jwtSign,
  logoutOperation,
  type Payload,
  type PayloadRequest,
} from 'payload'
import { addSessionToUser } from 'payload/shared'
import type { Member } from '../../content-models/payload-types'
import { isMemberUser } from '../../content-models/access/roles'
import type { RecordId } from './recordId'

const membersOf = (payload: Payload) => payload.collections.members

/**
 * Starts a session for the member and returns the Set-Cookie value that carries it. The token
 * holds the member's id and the session's id, never their address.
 */
export const startMemberSession = async (req: PayloadRequest, memberId: RecordId): Promise<string> => {
  const { payload } = req
  const collection = membersOf(payload)
  const member = await payload.db.findOne<Member>({
    collection: 'members',
    where: { id: { equals: memberId } },
    req,
  })
  if (!member) throw new Error(`Member ${memberId} is gone: no session started.`)
  const user = { ...member, collection: 'members' as const }
  const { sid } = await addSessionToUser({ collectionConfig: collection.config, payload, req, user })
  const { token } = await jwtSign({
    fieldsToSign: getFieldsToSign({ collectionConfig: collection.config, email: '', sid, user }),
    secret: payload.secret,
    tokenExpiration: collection.config.auth.tokenExpiration,
  })
  return generatePayloadCookie({
    collectionAuthConfig: collection.config.auth,
    cookiePrefix: payload.config.cookiePrefix,
    token,
  })
}

/** The Set-Cookie value that removes the session cookie from the browser. */
export const expiredSessionCookie = (payload: Payload): string =>
  generateExpiredPayloadCookie({
    collectionAuthConfig: membersOf(payload).config.auth,
    cookiePrefix: payload.config.cookiePrefix,
  })

/**
 * Signs the request's member out with Payload's logout: this session, or every session of theirs
 * (`everywhere`, "sign out everywhere"). False when the request has no signed-in member.
 */
export const endMemberSession = async (req: PayloadRequest, everywhere: boolean): Promise<boolean> => {
  if (!isMemberUser(req.user)) return false
  await logoutOperation({ allSessions: everywhere, collection: membersOf(req.payload), req })
  return true
}
