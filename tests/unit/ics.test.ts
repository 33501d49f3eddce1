import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import type { SnapshotTrainingSession } from '../../content-models/snapshot'
import { calendarFeed, sessionIcs, sessionUid } from '../../site/src/lib/ics'

const SITE = 'https://betterwork.example'

const session = (over: Partial<SnapshotTrainingSession> = {}): SnapshotTrainingSession => ({
  id: 1,
  title: 'Know your rights: holiday pay',
  slug: 'holiday-pay-talk',
  summary: 'How much holiday you get.',
  format: 'online',
  start: '2027-01-14T18:30:00.000Z',
  end: '2027-01-14T20:00:00.000Z',
  venue: null,
  address: null,
  region: 'Online',
  accessibility: null,
  capacity: 40,
  registration: 'platform',
  externalUrl: null,
  facilitator: 'Priya, advice worker',
  status: 'scheduled',
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-02T10:00:00.000Z',
  descriptionHtml: '<p>Bring your payslip.</p>',
  topics: [],
  ...over,
})

const events = (ics: string) =>
  new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))

describe('calendar files for training sessions', () => {
  it('writes one session that a real parser reads back with the same start and end', () => {
    const [event] = events(sessionIcs(session(), SITE))
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-01-14T18:30:00.000Z')
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-01-14T20:00:00.000Z')
    expect(event.startDate.zone?.tzid).toBe('UTC')
    expect(event.summary).toBe('Know your rights: holiday pay')
    expect(event.location).toBe('Online')
    expect(event.description).toContain('Thursday 14 January 2027, 6:30pm to 8pm (UK time)')
    expect(event.description).toContain(`${SITE}/training/holiday-pay-talk/`)
  })

  it('keeps the exact moments for a session across the clock change on 28 March 2027', () => {
    const text = sessionIcs(
      session({ slug: 'night-shift', start: '2027-03-28T00:30:00.000Z', end: '2027-03-28T01:30:00.000Z' }),
      SITE,
    )
    expect(text).toContain('DTSTART:20270328T003000Z')
    expect(text).toContain('DTEND:20270328T013000Z')
    const [event] = events(text)
    expect((event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()) / 60_000).toBe(60)
    expect(event.description).toContain('12:30am to 2:30am (UK time)')
  })

  it('writes summer sessions in UTC, an hour before the UK clock time', () => {
    const [event] = events(
      sessionIcs(session({ start: '2026-10-15T17:30:00.000Z', end: '2026-10-15T19:00:00.000Z' }), SITE),
    )
    expect(event.startDate.toString()).toBe('2026-10-15T17:30:00Z')
    expect(event.description).toContain('6:30pm to 8pm')
  })

  it('marks a cancelled session STATUS:CANCELLED and a scheduled or full one CONFIRMED', () => {
    const feed = calendarFeed(
      [
        session({ slug: 'a', status: 'cancelled' }),
        session({ slug: 'b', status: 'full' }),
        session({ slug: 'c' }),
      ],
      SITE,
      new Date('2026-12-01T00:00:00Z'),
    )
    const bySlug = Object.fromEntries(
      events(feed).map((e) => [e.uid, e.component.getFirstPropertyValue('status')]),
    )
    expect(bySlug).toEqual({
      [sessionUid({ slug: 'a' }, SITE)]: 'CANCELLED',
      [sessionUid({ slug: 'b' }, SITE)]: 'CONFIRMED',
      [sessionUid({ slug: 'c' }, SITE)]: 'CONFIRMED',
    })
  })

  it('gives each session a UID that stays the same from build to build', () => {
    const first = events(sessionIcs(session(), SITE))[0].uid
    const again = events(
      sessionIcs(session({ title: 'A new title', updatedAt: '2026-12-01T00:00:00.000Z' }), SITE),
    )[0].uid
    expect(first).toBe('training-holiday-pay-talk@betterwork.example')
    expect(again).toBe(first)
  })

  it('raises the sequence when the session is edited, so calendars take the new version', () => {
    const before = events(sessionIcs(session(), SITE))[0].sequence
    const after = events(sessionIcs(session({ updatedAt: '2026-11-03T10:00:00.000Z' }), SITE))[0].sequence
    expect(after).toBeGreaterThan(before)
  })

  it('puts only sessions that have not ended in the feed, soonest first, with the calendar name', () => {
    const feed = calendarFeed(
      [
        session({ slug: 'later', start: '2027-02-01T10:00:00Z', end: '2027-02-01T11:00:00Z' }),
        session({ slug: 'gone', start: '2026-10-01T10:00:00Z', end: '2026-10-01T11:00:00Z' }),
        session({ slug: 'soon' }),
      ],
      SITE,
      new Date('2026-11-29T12:00:00Z'),
    )
    expect(events(feed).map((e) => e.uid)).toEqual([
      sessionUid({ slug: 'soon' }, SITE),
      sessionUid({ slug: 'later' }, SITE),
    ])
    expect(new ICAL.Component(ICAL.parse(feed)).getFirstPropertyValue('x-wr-calname')).toBe(
      'Better Work training sessions',
    )
  })

  it('writes a valid empty feed when there are no upcoming sessions', () => {
    const feed = calendarFeed([], SITE, new Date())
    expect(events(feed)).toEqual([])
    expect(feed).toContain('BEGIN:VCALENDAR')
  })

  it('gives an in-person session its venue and address as the location', () => {
    const [event] = events(
      sessionIcs(
        session({ format: 'in-person', venue: 'Trades Hall', address: '1 High Street\nGlasgow' }),
        SITE,
      ),
    )
    expect(event.location).toBe('Trades Hall, 1 High Street, Glasgow')
  })
})
