/**
 * Keeping registrations tidy: first tries never confirmed are deleted after
 * PENDING_REGISTRATION_DAYS, and free places go to people waiting: a session given more places, or
 * a member deleted by a path that did not call forgetRegistrationsOf (the members collection's
 * hook deletes their registrations without moving anyone up).
 */
import type { Payload } from 'payload'
import { moveUpWaiting } from './cancel'
import { PENDING_REGISTRATION_DAYS, REGISTRATION_STATES as S } from './states'

/** Deletes registrations unconfirmed PENDING_REGISTRATION_DAYS after their latest link (updatedAt: a row may be an old one used again); how many went. */
export const deleteUnconfirmedRegistrations = async (payload: Payload, now = new Date()) => {
  const before = new Date(now.getTime() - PENDING_REGISTRATION_DAYS * 24 * 60 * 60 * 1000).toISOString()
  const res = await payload.delete({
    collection: 'registrations',
    where: { and: [{ state: { equals: S.PENDING } }, { updatedAt: { less_than: before } }] },
    overrideAccess: true,
  })
  return res.docs.length
}

/** Moves people up wherever an upcoming session has free places and a waiting list; how many moved. */
export const fillFreePlaces = async (payload: Payload, now = new Date()) => {
  const waiting = await payload.find({
    collection: 'registrations',
    where: { state: { equals: S.WAITING } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { session: true },
  })
  const sessions = new Set(
    waiting.docs.map((r) => (typeof r.session === 'object' ? r.session.id : r.session)),
  )
  let moved = 0
  for (const session of sessions) moved += (await moveUpWaiting(payload, session, now)).length
  return moved
}
