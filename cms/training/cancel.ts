/**
 * Cancelling a place or a spot on the waiting list: from the link in an email (a hashed token;
 * GET shows a button, POST cancels) or from My account. A freed place goes at once to the first
 * person waiting, who gets an email. Also what erasing a member does to their registrations.
 */
import type { Payload } from 'payload'
import { errorForLog } from '../email/scrub'
import { hashToken } from '../members/tokens'
import { refId, type RecordId } from '../members/recordId'
import { sendMovedUp } from './emails'
import { promoteWaiting, releasePlace } from './places'
import { recipientOf, registrationById } from './registrations'
import { capacityOf, sessionById } from './session'
import { REGISTRATION_STATES as S } from './states'

export type CancelOutcome =
  | { status: 'cancelled'; was: 'registered' | 'waiting'; session: RecordId }
  | { status: 'already-cancelled' }
  | { status: 'unknown' }

/**
 * Fills the session's free places from its waiting list and emails each person moved up. A
 * failed email is logged (ids only): the place is theirs all the same.
 * @returns the ids of the registrations moved up
 */
export const moveUpWaiting = async (payload: Payload, sessionId: RecordId, now = new Date()) => {
  const s = await sessionById(payload, sessionId)
  if (!s || s.cancelledAt || s.status === 'cancelled' || Date.parse(s.start) <= now.getTime()) return []
  const moved = await promoteWaiting(payload, s.id, capacityOf(s), now)
  for (const id of moved) {
    const r = await registrationById(payload, id)
    const m = r?.member ? await recipientOf(payload, refId(r.member)) : null
    if (!m) continue
    try {
      await sendMovedUp(payload, m, s, id)
    } catch (error) {
      payload.logger.error({ err: errorForLog(error), msg: `Moved-up email for registration ${id} not sent` })
    }
  }
  return moved
}

/** Cancels one registration (already known to be the person's) and moves the waiting list up. */
const cancelOne = async (
  payload: Payload,
  id: RecordId,
  session: RecordId,
  now: Date,
): Promise<CancelOutcome> => {
  const was = await releasePlace(payload, id, now)
  if (!was) return { status: 'already-cancelled' }
  if (was === S.REGISTERED) await moveUpWaiting(payload, session, now)
  return { status: 'cancelled', was, session }
}

/** The cancel button of an emailed link. Pressing it twice answers "already cancelled". */
export const cancelByToken = async (
  payload: Payload,
  token: string,
  now = new Date(),
): Promise<CancelOutcome> => {
  if (!token || token.length > 100) return { status: 'unknown' }
  const r = (
    await payload.find({
      collection: 'registrations',
      where: { cancelTokenHash: { equals: hashToken(token) } },
      limit: 1,
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
  ).docs[0]
  if (!r?.session) return { status: 'unknown' }
  return cancelOne(payload, r.id, refId(r.session), now)
}

/**
 * A signed-in member cancels one of their registrations (My account). Someone else's id answers
 * "unknown", the same as an id that does not exist.
 * @example await cancelRegistration(payload, req.user.id, 42)
 */
export const cancelRegistration = async (
  payload: Payload,
  memberId: RecordId,
  registrationId: RecordId,
  now = new Date(),
): Promise<CancelOutcome> => {
  const r = await registrationById(payload, registrationId)
  if (!r?.member || !r.session || String(refId(r.member)) !== String(memberId)) return { status: 'unknown' }
  return cancelOne(payload, r.id, refId(r.session), now)
}

/**
 * Before a member is erased: their registrations are deleted (the database refuses to delete a
 * member someone's registration still points at) and each place they held goes to the next
 * person waiting. Call it from every path that deletes a member.
 */
export const forgetRegistrationsOf = async (payload: Payload, memberId: RecordId, now = new Date()) => {
  const rows = await payload.find({
    collection: 'registrations',
    where: { member: { equals: memberId } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const freed = new Set<string>()
  for (const r of rows.docs) {
    if ((await releasePlace(payload, r.id, now)) === S.REGISTERED && r.session)
      freed.add(String(refId(r.session)))
  }
  await payload.delete({
    collection: 'registrations',
    where: { member: { equals: memberId } },
    overrideAccess: true,
  })
  for (const session of freed) {
    const s = rows.docs.find((r) => r.session && String(refId(r.session)) === session)
    if (s?.session) await moveUpWaiting(payload, refId(s.session), now)
  }
  return { deleted: rows.docs.length, placesFreed: freed.size }
}
