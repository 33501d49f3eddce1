/**
 * Who has a place: giving one, moving people up from the waiting list, cancelling and claiming a
 * reminder. On SQLite each is one statement of our own (cms/db/registrationRows.ts), atomic under
 * any number of requests at once. On MongoDB the same steps go through Payload with a check after
 * (no statement of ours there); run MongoDB as a replica set so Payload's transactions hold.
 */
import type { Payload, Where } from 'payload'
import { sqlRows, type Placed } from '../db/rows'
import type { RecordId } from '../members/recordId'
import { REGISTRATION_STATES as S } from './states'

export type { Placed }

const byId = (id: RecordId): Where => ({ id: { equals: id } })

/**
 * An id as a relationship value in Payload's generated types (numbers: they are generated for
 * SQLite); on MongoDB the same value is an ObjectId string, which Payload takes as it is.
 */
export const relationId = (id: RecordId) => id as number

/** Sets fields on one registration if it is still in one of `states`; true if it was. */
const updateIf = async (payload: Payload, id: RecordId, states: string[], data: Record<string, unknown>) => {
  const res = await payload.update({
    collection: 'registrations',
    where: { and: [byId(id), { state: { in: states } }] },
    data,
    overrideAccess: true,
    depth: 0,
  })
  return res.docs.length === 1
}

const countIn = async (payload: Payload, session: RecordId, state: string) =>
  (
    await payload.count({
      collection: 'registrations',
      where: { and: [{ session: { equals: session } }, { state: { equals: state } }] },
      overrideAccess: true,
    })
  ).totalDocs

/** MongoDB: the place decided by counting, then checked again (over capacity: back to the queue). */
const placeWithPayload = async (
  payload: Payload,
  r: { id: RecordId; session: RecordId; member: RecordId; from: string },
  capacity: number | null,
  now: string,
): Promise<Placed | null> => {
  const twin = await payload.count({
    collection: 'registrations',
    where: {
      and: [
        { member: { equals: r.member } },
        { session: { equals: r.session } },
        { state: { in: [S.REGISTERED, S.WAITING] } },
        { id: { not_equals: r.id } },
      ],
    },
    overrideAccess: true,
  })
  if (twin.totalDocs > 0) return null
  const waiting = await countIn(payload, r.session, S.WAITING)
  const free = capacity === null || ((await countIn(payload, r.session, S.REGISTERED)) < capacity && !waiting)
  const placed: Placed = free
    ? { state: S.REGISTERED, position: null }
    : { state: S.WAITING, position: Date.parse(now) }
  return (await updateIf(payload, r.id, [r.from], placed)) ? placed : null
}

/**
 * Gives a registration a place, or the next spot on the waiting list. Null when it was placed
 * already or the member holds a place or spot for the session through another registration.
 */
export const placeRegistration = (
  payload: Payload,
  r: { id: RecordId; session: RecordId; member: RecordId; from: string },
  capacity: number | null,
  now = new Date(),
): Promise<Placed | null> => {
  const sql = sqlRows(payload)
  return sql
    ? sql.registrations.place(r, capacity, now.toISOString())
    : placeWithPayload(payload, r, capacity, now.toISOString())
}

/** Moves people up from the waiting list into free places, first come first served; their ids. */
export const promoteWaiting = async (
  payload: Payload,
  session: RecordId,
  capacity: number | null,
  now = new Date(),
): Promise<RecordId[]> => {
  const sql = sqlRows(payload)
  if (sql) return sql.registrations.promote(session, capacity, now.toISOString())
  const free = capacity === null ? Infinity : capacity - (await countIn(payload, session, S.REGISTERED))
  if (free <= 0) return []
  const next = await payload.find({
    collection: 'registrations',
    where: { and: [{ session: { equals: session } }, { state: { equals: S.WAITING } }] },
    sort: ['position', 'createdAt'],
    limit: Number.isFinite(free) ? free : 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const moved: RecordId[] = []
  for (const r of next.docs) {
    const data = { state: S.REGISTERED, position: null, movedUpAt: now.toISOString() }
    if (await updateIf(payload, r.id, [S.WAITING], data)) moved.push(r.id)
  }
  return moved
}

/** Cancels a registration that holds a place or spot; what it held, or null if nothing. */
export const releasePlace = async (
  payload: Payload,
  id: RecordId,
  now = new Date(),
): Promise<'registered' | 'waiting' | null> => {
  const sql = sqlRows(payload)
  if (sql) return sql.registrations.cancel(id, now.toISOString())
  for (const from of [S.WAITING, S.REGISTERED] as const) {
    const data = { state: S.CANCELLED, position: null, cancelledAt: now.toISOString() }
    if (await updateIf(payload, id, [from], data)) return from
  }
  return null
}

/** Marks a registered person reminded; true if this call did it. */
export const claimReminder = async (payload: Payload, id: RecordId, now = new Date()): Promise<boolean> => {
  const sql = sqlRows(payload)
  if (sql) return sql.registrations.claimReminder(id, now.toISOString())
  const res = await payload.update({
    collection: 'registrations',
    where: { and: [byId(id), { state: { equals: S.REGISTERED } }, { remindedAt: { exists: false } }] },
    data: { remindedAt: now.toISOString() },
    overrideAccess: true,
    depth: 0,
  })
  return res.docs.length === 1
}
