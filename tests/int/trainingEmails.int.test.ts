/**
 * The training jobs against a real Payload and SQLite file: the reminder 24 hours before (once,
 * with the .ics and the joining link), the notice of a cancelled session (once each, to everyone
 * registered or waiting), and the organisers' attendance sheet.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
  process.env.SITE_URL = 'http://site.test'
})

import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { exportSnapshot } from '../../cms/publish'
import { attendanceCsv } from '../../cms/training/attendance'
import { sendCancellationNotices, sendDueReminders } from '../../cms/training/notices'
import { claimReminder } from '../../cms/training/places'
import { registerMember } from '../../cms/training/register'
import { make } from '../helpers/factories'
import { startHarness, type ServedHarness } from '../helpers/harness'

let t: ServedHarness
let n = 0
const HOUR = 60 * 60 * 1000
const JOIN = 'https://meet.example.org/holiday-pay-4821'

const member = (firstName: string) => {
  const i = ++n
  return make.member(t.payload, {
    firstName,
    email: `${firstName.toLowerCase()}.${i}@example.org`,
    emailCanonical: `${firstName.toLowerCase()}.${i}@example.org`,
    state: 'confirmed',
  })
}

/** A session starting `hours` from now. */
const sessionIn = (hours: number, data: Parameters<typeof make.session>[1] = {}) =>
  make.session(t.payload, {
    start: new Date(Date.now() + hours * HOUR).toISOString(),
    end: new Date(Date.now() + (hours + 1.5) * HOUR).toISOString(),
    ...data,
  })

const outboxWith = async (subject: string) => (await t.outbox()).filter((m) => m.subject === subject)

beforeAll(async () => {
  t = await startHarness({ withServer: true })
})
afterAll(async () => {
  await t?.close()
})

describe('Training emails', () => {
  it('reminds each registered person once, 24 hours before, with the .ics and the joining link', async () => {
    const session = await sessionIn(20, { slug: 'tomorrow-online', joiningLink: JOIN, capacity: 2 })
    const later = await sessionIn(40, { slug: 'not-yet', joiningLink: JOIN })
    const [ana, ben, cat] = [await member('Ana'), await member('Ben'), await member('Cat')]
    for (const m of [ana, ben, cat]) await registerMember(t.payload, m.id, session.slug)
    await registerMember(t.payload, ana.id, later.slug)

    // Two workers at once, then the job again: still one reminder each, and none for Cat (waiting).
    const sent = await Promise.all([sendDueReminders(t.payload), sendDueReminders(t.payload)])
    expect(sent[0] + sent[1]).toBe(2)
    await t.payload.jobs.queue({ task: 'sendTrainingEmails', input: {}, queue: 'training' })
    await t.payload.jobs.run({ queue: 'training' })
    const reminders = await outboxWith(`Reminder: ${session.title} is tomorrow`)
    expect(reminders.map((m) => m.to[0]).sort()).toEqual([ana.email, ben.email].sort())
    for (const r of reminders) {
      expect(r.text).toContain(JOIN)
      expect(r.attachments).toHaveLength(1)
      expect(r.attachments![0]).toMatchObject({
        filename: 'tomorrow-online.ics',
        contentType: 'text/calendar',
      })
      expect(r.attachments![0].content).toContain('BEGIN:VCALENDAR')
      expect(r.attachments![0].content).toContain('UID:training-tomorrow-online@site.test')
      expect(r.attachments![0].content.replace(/\r\n /g, '')).toContain(JOIN)
    }
    expect(await outboxWith(`Reminder: ${later.title} is tomorrow`)).toHaveLength(0)
  })

  it('sends no reminder twice when a run was killed after claiming it', async () => {
    const session = await sessionIn(10, { slug: 'killed-run', format: 'in-person', venue: 'Unity Hall' })
    const [dev, eve] = [await member('Dev'), await member('Eve')]
    const outcome = await registerMember(t.payload, dev.id, session.slug)
    await registerMember(t.payload, eve.id, session.slug)
    // The killed run had claimed Dev's reminder (remindedAt set) and then stopped.
    if (outcome.status !== 'registered') throw new Error('Dev should have a place')
    expect(await claimReminder(t.payload, outcome.registration)).toBe(true)
    expect(await sendDueReminders(t.payload)).toBe(1)
    const reminders = await outboxWith(`Reminder: ${session.title} is tomorrow`)
    expect(reminders.map((m) => m.to[0])).toEqual([eve.email])
    // In person: no joining link, and the .ics says where.
    expect(reminders[0].text).not.toContain('Join the session')
    expect(reminders[0].attachments![0].content).toContain('LOCATION:Unity Hall')
  })

  it('never shows the joining link on the public API or in the snapshot', async () => {
    const session = await sessionIn(50, { slug: 'secret-link', joiningLink: JOIN })
    const res = await fetch(`${t.api}/training-sessions/${session.id}`)
    expect(res.status).toBe(200)
    const body = await res.text()
    expect(body).toContain('secret-link')
    expect(body).not.toContain(JOIN)
    const dir = path.join(t.dir, 'snapshot')
    await exportSnapshot(t.payload, dir)
    const sessions = await readFile(path.join(dir, 'training-sessions.json'), 'utf8')
    expect(sessions).toContain('secret-link')
    expect(sessions).not.toContain(JOIN)
  })

  it('emails everyone registered or waiting once when a session is cancelled', async () => {
    const session = await sessionIn(72, { slug: 'called-off', capacity: 2 })
    const people = [await member('Fay'), await member('Gus'), await member('Hal')]
    for (const m of people) await registerMember(t.payload, m.id, session.slug)
    // Deleting it now would leave people expecting a session: refused, with what to do instead.
    await expect(
      t.payload.delete({ collection: 'training-sessions', id: session.id, overrideAccess: true }),
    ).rejects.toThrow('Set its status to "Cancelled" and save first')
    // An organiser sets the status to Cancelled (cancelledAt is stamped for them).
    await t.payload.update({
      collection: 'training-sessions',
      id: session.id,
      data: {
        status: 'cancelled',
        cancelReason: 'The trainer is ill.',
      },
      overrideAccess: true,
    })
    const sent = await Promise.all([sendCancellationNotices(t.payload), sendCancellationNotices(t.payload)])
    expect(sent[0] + sent[1]).toBe(3)
    expect(await sendCancellationNotices(t.payload)).toBe(0)
    const notices = await outboxWith(`Cancelled: ${session.title}`)
    expect(notices.map((m) => m.to[0]).sort()).toEqual(people.map((m) => m.email).sort())
    expect(notices[0].text).toContain('Why: The trainer is ill.')
    // A cancelled session takes no more registrations, and can now be deleted with its registrations.
    expect(await registerMember(t.payload, (await member('Ivy')).id, session.slug)).toEqual({
      status: 'closed',
      reason: 'cancelled',
    })
    await t.payload.delete({ collection: 'training-sessions', id: session.id, overrideAccess: true })
    expect(
      (
        await t.payload.count({
          collection: 'registrations',
          where: { session: { equals: session.id } },
          overrideAccess: true,
        })
      ).totalDocs,
    ).toBe(0)
  })

  it('gives organisers an attendance sheet of names only, and nobody else', async () => {
    const session = await sessionIn(100, { slug: 'sheet', capacity: 2 })
    for (const name of ['Zoe', 'Amir', 'Noor'])
      await registerMember(t.payload, (await member(name)).id, session.slug)
    expect(await attendanceCsv(t.payload, session.id)).toBe('"Name","Attended"\r\n"Amir",""\r\n"Zoe",""\r\n')
    const anonymous = await fetch(`${t.api}/organise/training/${session.id}/attendance.csv`)
    expect(anonymous.status).toBe(403)
  })
})
