/**
 * Reading registrations: one member's for one session, the waiting-list number, and the member
 * a training email goes to. Shared by registering, cancelling and the jobs.
 */
import type { Payload } from 'payload'
import type { Registration } from '../../content-models/payload-types'
import { refId, type RecordId } from '../members/recordId'
import type { Recipient } from './emails'
import { isActiveRegistration, REGISTRATION_STATES as S } from './states'

/** A member's registrations for a session, newest first (at most one is active). */
export const registrationsOf = async (payload: Payload, member: RecordId, session: RecordId) =>
  (
    await payload.db.find<Registration>({
      collection: 'registrations',
      where: { and: [{ member: { equals: member } }, { session: { equals: session } }] },
      sort: '-createdAt',
      limit: 10,
      pagination: false,
    })
  ).docs

/** The member's registration that holds a place or spot for the session, if any. */
export const activeRegistration = async (payload: Payload, member: RecordId, session: RecordId) =>
  (await registrationsOf(payload, member, session)).find((r) => isActiveRegistration(r.state))

/** A registration by id, or null. */
export const registrationById = (payload: Payload, id: RecordId): Promise<Registration | null> =>
  payload.db.findOne<Registration>({ collection: 'registrations', where: { id: { equals: id } } })

/**
 * Someone's number on a session's waiting list (1 = next to get a place), or null when the
 * registration is not waiting.
 */
export const waitingNumber = async (
  payload: Payload,
  r: Pick<Registration, 'state' | 'position' | 'session'>,
): Promise<number | null> => {
  if (r.state !== S.WAITING || typeof r.position !== 'number') return null
  const ahead = await payload.db.count({
    collection: 'registrations',
    where: {
      and: [
        { session: { equals: refId(r.session) } },
        { state: { equals: S.WAITING } },
        { position: { less_than: r.position } },
      ],
    },
  })
  return ahead.totalDocs + 1
}

/** How many places are taken and how many people wait, for a session. */
export const placesTaken = async (payload: Payload, session: RecordId) => {
  const count = async (state: string) =>
    (
      await payload.db.count({
        collection: 'registrations',
        where: { and: [{ session: { equals: session } }, { state: { equals: state } }] },
      })
    ).totalDocs
  return { registered: await count(S.REGISTERED), waiting: await count(S.WAITING) }
}

/** The member a training email goes to, or null if they are gone (erased). */
export const recipientOf = (payload: Payload, member: RecordId): Promise<Recipient | null> =>
  payload.db.findOne<Recipient>({
    collection: 'members',
    where: { id: { equals: member } },
    select: { firstName: true, email: true, emailCanonical: true },
  })
