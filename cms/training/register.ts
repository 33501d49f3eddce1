/**
 * Registering for a training session: a signed-in member at once, anyone else by email with a
 * link to confirm (double opt-in). Places are given atomically (places.ts): a session that filled
 * while the form was open answers "you are number N on the waiting list", never loses anyone;
 * two tabs at once end with one registration.
 */
import type { Payload } from 'payload'
import type { Registration } from '../../content-models/payload-types'
import { isUniqueViolation } from '../campaigns/sign'
import { errorForLog } from '../email/scrub'
import type { RecordId } from '../members/recordId'
import { refId } from '../members/recordId'
import { sendPlaced, type Recipient } from './emails'
import { placeRegistration, relationId } from './places'
import { activeRegistration, recipientOf, registrationsOf, waitingNumber } from './registrations'
import { capacityOf, closedBecause, sessionById, sessionBySlug, type SessionForTraining } from './session'
import { isActiveRegistration, REGISTRATION_STATES as S } from './states'

/** Where a registration stands, for the member, the page or the island. */
export type PlaceOutcome =
  | { status: 'registered'; already: boolean; registration: RecordId }
  | { status: 'waiting'; number: number; already: boolean; registration: RecordId }

export type RegisterOutcome =
  | PlaceOutcome
  | { status: 'not-found' }
  | { status: 'closed'; reason: 'cancelled' | 'started' | 'external' }
  | { status: 'signed-out' }

/** A registration's standing as an outcome. */
export const standing = async (payload: Payload, r: Registration, already: boolean): Promise<PlaceOutcome> =>
  r.state === S.WAITING
    ? { status: 'waiting', number: (await waitingNumber(payload, r)) ?? 1, already, registration: r.id }
    : { status: 'registered', already, registration: r.id }

/** Sends the "you have a place / you are number N" email; a failure is logged (ids only), the place stands. */
export const tellPlaced = async (
  payload: Payload,
  m: Recipient,
  s: SessionForTraining,
  outcome: PlaceOutcome,
) => {
  try {
    await sendPlaced(
      payload,
      m,
      s,
      outcome.registration,
      outcome.status === 'waiting' ? outcome.number : null,
    )
  } catch (error) {
    payload.logger.error({
      err: errorForLog(error),
      msg: `Training email for registration ${outcome.registration} not sent`,
    })
  }
}

/** The registration a member's new request starts from: an old cancelled or pending one, or a new row. */
const startingRow = async (
  payload: Payload,
  member: RecordId,
  session: RecordId,
): Promise<Registration | { active: Registration }> => {
  for (let tries = 0; tries < 3; tries++) {
    const rows = await registrationsOf(payload, member, session)
    const active = rows.find((r) => isActiveRegistration(r.state))
    if (active) return { active }
    const pending = rows.find((r) => r.state === S.PENDING)
    if (pending) return pending
    try {
      // A cancelled row is used again (through Payload, so its activeKey becomes member:session).
      if (rows[0])
        return await payload.update({
          collection: 'registrations',
          id: rows[0].id,
          data: { state: S.PENDING, cancelledAt: null, remindedAt: null, movedUpAt: null },
          overrideAccess: true,
          depth: 0,
        })
      return await payload.create({
        collection: 'registrations',
        data: { member: relationId(member), session: relationId(session), state: S.PENDING },
        overrideAccess: true,
        depth: 0,
      })
    } catch (error) {
      // The other tab made it first: read it again.
      if (!isUniqueViolation(error)) throw error
    }
  }
  throw new Error(`Registration of member ${member} for session ${session} kept clashing; try again.`)
}

/**
 * Gives a member (known to own their address) a place or a spot on the waiting list, and emails
 * them where they stand. Safe to repeat: an active registration is answered as it is.
 */
export const placeMember = async (
  payload: Payload,
  m: Recipient,
  s: SessionForTraining,
  now = new Date(),
): Promise<PlaceOutcome> => {
  const row = await startingRow(payload, m.id, s.id)
  if ('active' in row) return standing(payload, row.active, true)
  const placed = await placeRegistration(
    payload,
    { id: row.id, session: s.id, member: m.id, from: S.PENDING },
    capacityOf(s),
    now,
  )
  if (!placed) {
    const twin = await activeRegistration(payload, m.id, s.id)
    if (twin) return standing(payload, twin, true)
    throw new Error(`Registration ${row.id} changed while it was placed; try again.`)
  }
  const outcome = await standing(payload, { ...row, ...placed }, false)
  await tellPlaced(payload, m, s, outcome)
  return outcome
}

/**
 * A signed-in member registers for the session with this slug.
 * @example await registerMember(payload, req.user.id, 'holiday-pay-basics')
 */
export const registerMember = async (
  payload: Payload,
  memberId: RecordId,
  slug: string,
  now = new Date(),
): Promise<RegisterOutcome> => {
  const s = await sessionBySlug(payload, slug)
  if (!s) return { status: 'not-found' }
  const closed = closedBecause(s, now)
  if (closed) return { status: 'closed', reason: closed }
  const m = await recipientOf(payload, memberId)
  if (!m) return { status: 'signed-out' }
  return placeMember(payload, m, s, now)
}

/** Where a member stands for a session (for the page's island): their registration's outcome, or null. */
export const memberStanding = async (payload: Payload, memberId: RecordId, sessionId: RecordId) => {
  const r = await activeRegistration(payload, memberId, sessionId)
  return r ? standing(payload, r, true) : null
}

/**
 * Places every pending registration of a member who has just proved their address (a join
 * confirmed, for the session chosen on the join form): a place or the waiting list, and the email
 * that says which. Sessions that no longer take registrations are left pending (deleted after
 * PENDING_REGISTRATION_DAYS).
 * @returns how many were placed
 */
export const placePendingRegistrations = async (payload: Payload, memberId: RecordId, now = new Date()) => {
  const pending = await payload.find({
    collection: 'registrations',
    where: { and: [{ member: { equals: memberId } }, { state: { equals: S.PENDING } }] },
    limit: 20,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const m = pending.docs.length ? await recipientOf(payload, memberId) : null
  let placed = 0
  for (const r of pending.docs) {
    const s = m && (await sessionById(payload, refId(r.session)))
    if (!m || !s || closedBecause(s, now)) continue
    await placeMember(payload, m, s, now)
    placed++
  }
  return placed
}

export { refId }
