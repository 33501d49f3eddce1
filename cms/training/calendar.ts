/**
 * The .ics file attached to a reminder (RFC 5545, written by the `ics` package). It has the same
 * UID as the site's calendar file for the session (site/src/lib/ics.ts), so a calendar that already
 * has the session updates it instead of adding a copy. For an online session it carries the
 * joining link: the file goes only to the registered person, never onto the site.
 */
import { createEvent } from 'ics'
import { siteUrl } from '../members/tokens'
import { whereWords, whenWords, type SessionForTraining } from './session'

/** An email attachment, as both email adapters take it. */
export type Attachment = { filename: string; content: string; contentType: string }

/**
 * The session as a calendar file for one person.
 * @example sessionCalendar(session, 'https://meet.example/abc').filename // 'holiday-pay.ics'
 */
export const sessionCalendar = (s: SessionForTraining, joiningLink?: string | null): Attachment => {
  const site = siteUrl()
  const page = new URL(`/training/${s.slug}/`, site).href
  const online = s.format !== 'in-person' && joiningLink ? joiningLink : null
  const result = createEvent({
    uid: `training-${s.slug}@${new URL(site).hostname}`,
    title: s.title,
    description: [
      s.summary,
      `When: ${whenWords(s)}`,
      online ? `Join online: ${online}` : null,
      `Details: ${page}`,
    ]
      .filter(Boolean)
      .join('\n\n'),
    location: s.format === 'online' && online ? online : whereWords(s),
    url: page,
    start: Date.parse(s.start),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(s.end),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: 'CONFIRMED',
    sequence: Math.floor(Date.parse(s.updatedAt) / 60_000),
    productId: 'better-work/training',
  })
  if (result.error || !result.value)
    throw new Error(
      `Could not write the calendar file for training session ${s.id}: ${result.error?.message ?? 'no output'}. Check its start and end times.`,
      { cause: result.error },
    )
  return { filename: `${s.slug}.ics`, content: result.value, contentType: 'text/calendar; charset=utf-8' }
}
