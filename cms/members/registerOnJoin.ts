/**
 * The training session chosen on the join form, kept as a registration (members no longer hold one
 * session of their own). Registering for training on its own, with places and a waiting list, is
 * cms/training's; this is only what joining did before registrations existed.
 */
import type { Payload } from 'payload'
import { REGISTRATION_STATES } from '../../content-models/constants'
import type { Registration } from '../../content-models/payload-types'
import { isUniqueViolation } from '../campaigns/sign'
import { refId, type RecordId } from './recordId'

/** A session as stored in a member's pendingChanges or a relationship: an id, populated, or none. */
export type SessionRef = RecordId | { id: RecordId } | null | undefined

/**
 * Keeps the session chosen when joining as a pending registration: it holds no place until the
 * member confirms their address (applyMemberConfirmation then places it, or puts it on the
 * waiting list: cms/training's placePendingRegistrations). Already registered for it: nothing
 * changes (joining twice with the same choice is harmless).
 */
export const registerOnJoin = async (payload: Payload, member: RecordId, session: SessionRef) => {
  if (session === null || session === undefined) return
  try {
    await payload.create({
      collection: 'registrations',
      // The generated types have SQLite's number ids; on MongoDB ids are ObjectId strings.
      data: { member, session: refId(session), state: REGISTRATION_STATES.PENDING } as Pick<
        Registration,
        'member' | 'session' | 'state'
      >,
      overrideAccess: true,
      depth: 0,
    })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
  }
}

/** The session of the member's latest registration that is not cancelled (what their join email names). */
export const latestSessionOf = async (payload: Payload, member: RecordId): Promise<RecordId | undefined> => {
  const { docs } = await payload.find({
    collection: 'registrations',
    where: {
      and: [{ member: { equals: member } }, { state: { not_equals: REGISTRATION_STATES.CANCELLED } }],
    },
    sort: '-createdAt',
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { session: true },
  })
  return docs[0] ? refId(docs[0].session) : undefined
}

/** Each member's sessions (titles, not cancelled), for the organisers' CSV. */
export const sessionTitlesOf = async (
  payload: Payload,
  members: RecordId[],
): Promise<Map<RecordId, string[]>> => {
  const titles = new Map<RecordId, string[]>()
  if (!members.length) return titles
  const { docs } = await payload.find({
    collection: 'registrations',
    where: {
      and: [{ member: { in: members } }, { state: { not_equals: REGISTRATION_STATES.CANCELLED } }],
    },
    sort: 'createdAt',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: { member: true, session: true },
  })
  const sessionIds = [...new Set(docs.map((r) => refId(r.session)))]
  const sessions = await payload.find({
    collection: 'training-sessions',
    where: { id: { in: sessionIds } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: { title: true },
  })
  const titleOf = new Map<RecordId, string>(sessions.docs.map((s) => [s.id, s.title]))
  for (const r of docs) {
    const title = titleOf.get(refId(r.session))
    if (!title) continue
    const member = refId(r.member)
    titles.set(member, [...(titles.get(member) ?? []), title])
  }
  return titles
}
