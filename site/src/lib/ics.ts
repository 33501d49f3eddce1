/**
 * Calendar files for training sessions (RFC 5545, written by the `ics` package): one event per
 * session and a feed of upcoming sessions. Times are written in UTC, so every calendar app shows
 * them in its own time zone with the UK's summer and winter time already right.
 */
import { createEvent, createEvents, type EventAttributes } from 'ics'
import type { SnapshotTrainingSession } from '../../../content-models/snapshot'
import { sessionWhen } from './time'

/** What the calendar shows as the calendar's name when someone subscribes. */
export const CALENDAR_NAME = 'Better Work training sessions'
const PRODUCT_ID = 'better-work/training'

/** The session's public page. */
export const sessionUrl = (siteUrl: string, slug: string): string =>
  new URL(`/training/${slug}/`, siteUrl).href

/**
 * A UID that stays the same for a session across builds, so calendars update the event instead of
 * adding a copy. Built from the slug, which is also the session's stable public URL.
 * @example sessionUid({ slug: 'holiday-pay' }, 'https://example.org') // 'training-holiday-pay@example.org'
 */
export const sessionUid = (session: Pick<SnapshotTrainingSession, 'slug'>, siteUrl: string): string =>
  `training-${session.slug}@${new URL(siteUrl).hostname}`

const where = (s: SnapshotTrainingSession): string => {
  if (s.format === 'online') return 'Online'
  const place = [s.venue, s.address?.replace(/\s*\n\s*/g, ', ')].filter(Boolean).join(', ')
  return s.format === 'hybrid'
    ? `${place || s.region || 'In person'} (or online)`
    : place || s.region || 'In person'
}

const describe = (s: SnapshotTrainingSession, siteUrl: string): string =>
  [
    s.status === 'cancelled'
      ? 'This session is cancelled.'
      : s.status === 'full'
        ? 'This session is full.'
        : null,
    s.summary,
    `When: ${sessionWhen(s.start, s.end)}`,
    s.facilitator ? `Run by: ${s.facilitator}` : null,
    `Details and how to take part: ${sessionUrl(siteUrl, s.slug)}`,
  ]
    .filter(Boolean)
    .join('\n\n')

/** The calendar event for one session. */
export const sessionEvent = (s: SnapshotTrainingSession, siteUrl: string): EventAttributes => ({
  uid: sessionUid(s, siteUrl),
  title: s.status === 'cancelled' ? `Cancelled: ${s.title}` : s.title,
  description: describe(s, siteUrl),
  location: where(s),
  url: sessionUrl(siteUrl, s.slug),
  start: Date.parse(s.start),
  startInputType: 'utc',
  startOutputType: 'utc',
  end: Date.parse(s.end),
  endInputType: 'utc',
  endOutputType: 'utc',
  status: s.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
  // Minutes since 1970 of the last edit: grows with every change, so apps take the newer copy.
  sequence: Math.floor(Date.parse(s.updatedAt) / 60_000),
  lastModified: Date.parse(s.updatedAt),
  productId: PRODUCT_ID,
  calName: CALENDAR_NAME,
})

const unwrap = (result: { error: Error | null; value: string | null }, what: string): string => {
  if (result.error || !result.value)
    throw new Error(
      `Could not write the calendar file for ${what}: ${result.error?.message ?? 'no output'}. Check its start and end times.`,
      { cause: result.error },
    )
  return result.value
}

/** One session as a whole .ics file. */
export const sessionIcs = (s: SnapshotTrainingSession, siteUrl: string): string =>
  unwrap(createEvent(sessionEvent(s, siteUrl)), `"${s.slug}"`)

/**
 * The subscribable feed: every session that has not ended by `now`, cancelled ones included (marked
 * STATUS:CANCELLED, so a calendar that had them removes or strikes them out).
 */
export const calendarFeed = (sessions: SnapshotTrainingSession[], siteUrl: string, now: Date): string => {
  const upcoming = sessions
    .filter((s) => Date.parse(s.end) > now.getTime())
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
  return unwrap(
    createEvents(
      upcoming.map((s) => sessionEvent(s, siteUrl)),
      { productId: PRODUCT_ID, calName: CALENDAR_NAME },
    ),
    'the training feed',
  )
}
