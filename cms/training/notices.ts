/**
 * The training emails the jobs send (cms/jobs/training): the reminder 24 hours before, and the
 * notice that a session is cancelled. Each person's email is claimed in the database before it is
 * sent (remindedAt; the registration moved to cancelled), so two workers, or a job killed and run
 * again, never send one twice: a job killed between the claim and the send sends that one none.
 */
import type { Payload } from 'payload'
import { errorForLog } from '../email/scrub'
import { refId, type RecordId } from '../members/recordId'
import { sendReminder, sendSessionCancelled } from './emails'
import { claimReminder, releasePlace } from './places'
import { recipientOf } from './registrations'
import type { SessionForTraining } from './session'
import { sessionById } from './session'
import { REGISTRATION_STATES as S, REMINDER_BEFORE_MS } from './states'

const sessionsWhere = async (payload: Payload, where: Parameters<Payload['find']>[0]['where']) =>
  (
    await payload.find({
      collection: 'training-sessions',
      where,
      limit: 200,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { title: true },
    })
  ).docs.map((d) => d.id)

const registrationsIn = async (payload: Payload, session: RecordId, states: string[], extra = {}) =>
  (
    await payload.find({
      collection: 'registrations',
      where: { and: [{ session: { equals: session } }, { state: { in: states } }, extra] },
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
  ).docs

/** The session's joining link: staff-only to read, so read here with access overridden, for the reminder only. */
const joiningLinkOf = async (payload: Payload, id: RecordId): Promise<string | null> => {
  const s = await payload.findByID({
    collection: 'training-sessions',
    id,
    depth: 0,
    overrideAccess: true,
    select: { joiningLink: true },
  })
  return s.joiningLink ?? null
}

/** Reminds everyone registered for one session; how many were sent. */
const remindSession = async (payload: Payload, s: SessionForTraining, now: Date) => {
  const joiningLink = s.format === 'in-person' ? null : await joiningLinkOf(payload, s.id)
  let sent = 0
  for (const r of await registrationsIn(payload, s.id, [S.REGISTERED], { remindedAt: { exists: false } })) {
    const m = r.member ? await recipientOf(payload, refId(r.member)) : null
    if (!m || !(await claimReminder(payload, r.id, now))) continue
    try {
      await sendReminder(payload, m, s, r.id, joiningLink)
      sent++
    } catch (error) {
      // Not sent: let the next run try again.
      await payload.update({
        collection: 'registrations',
        id: r.id,
        data: { remindedAt: null },
        overrideAccess: true,
        depth: 0,
      })
      payload.logger.error({ err: errorForLog(error), msg: `Reminder for registration ${r.id} not sent` })
    }
  }
  return sent
}

/** Sends the day-before reminder (with the .ics and, online, the joining link) to everyone registered. */
export const sendDueReminders = async (payload: Payload, now = new Date()) => {
  const ids = await sessionsWhere(payload, {
    and: [
      { start: { greater_than: now.toISOString() } },
      { start: { less_than_equal: new Date(now.getTime() + REMINDER_BEFORE_MS).toISOString() } },
      { cancelledAt: { exists: false } },
      { status: { not_equals: 'cancelled' } },
    ],
  })
  let sent = 0
  for (const id of ids) {
    const s = await sessionById(payload, id)
    if (s) sent += await remindSession(payload, s, now)
  }
  return sent
}

/** Tells everyone registered or waiting for a cancelled session, once each; how many were told. */
export const sendCancellationNotices = async (payload: Payload, now = new Date()) => {
  // Sessions that ended more than a week ago are left alone: nobody needs telling any more.
  const since = new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000).toISOString()
  const ids = await sessionsWhere(payload, {
    and: [{ cancelledAt: { exists: true } }, { end: { greater_than: since } }],
  })
  let sent = 0
  for (const id of ids) {
    const active = await registrationsIn(payload, id, [S.REGISTERED, S.WAITING])
    if (!active.length) continue
    const s = await sessionById(payload, id)
    if (!s) continue
    for (const r of active) {
      const m = r.member ? await recipientOf(payload, refId(r.member)) : null
      const was = m ? await releasePlace(payload, r.id, now) : null
      if (!m || !was) continue
      try {
        await sendSessionCancelled(payload, m, s)
        sent++
      } catch (error) {
        // Not sent: back as it was, so the next run tries again.
        await payload.update({
          collection: 'registrations',
          id: r.id,
          data: { state: was },
          overrideAccess: true,
          depth: 0,
        })
        payload.logger.error({
          err: errorForLog(error),
          msg: `Cancellation email for registration ${r.id} not sent`,
        })
      }
    }
  }
  return sent
}
