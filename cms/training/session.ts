/**
 * A training session as the training emails and rules need it: found by slug or id, its times in
 * UK words, where it happens, and whether it still takes registrations here. Reads here and in
 * registrations.ts go straight to the database adapter (payload.db): they are on the path of every
 * registration, and Payload's find costs several times more (access, hooks) for nothing we need.
 */
import type { Payload } from 'payload'
import type { TrainingSession } from '../../content-models/payload-types'
import type { RecordId } from '../members/recordId'
import { PUBLISHED } from '../../content-models/access/publishedOrStaff'

/** The session fields training reads (the joining link only where it is sent: the reminder). */
export type SessionForTraining = Pick<
  TrainingSession,
  | 'id'
  | 'title'
  | 'slug'
  | 'start'
  | 'end'
  | 'format'
  | 'venue'
  | 'address'
  | 'region'
  | 'capacity'
  | 'status'
  | 'registration'
  | 'facilitator'
  | 'summary'
  | 'updatedAt'
  | 'cancelledAt'
  | 'cancelReason'
>

const SELECT = {
  title: true,
  slug: true,
  start: true,
  end: true,
  format: true,
  venue: true,
  address: true,
  region: true,
  capacity: true,
  status: true,
  registration: true,
  facilitator: true,
  summary: true,
  updatedAt: true,
  cancelledAt: true,
  cancelReason: true,
} as const

/** A published session by its slug (public URL) or null: one never published is not found. */
export const sessionBySlug = async (payload: Payload, slug: string): Promise<SessionForTraining | null> => {
  if (!slug || slug.length > 200) return null
  return payload.db.findOne<SessionForTraining>({
    collection: 'training-sessions',
    where: { and: [{ slug: { equals: slug } }, PUBLISHED] },
    select: SELECT,
  })
}

/** A session by id, or null. */
export const sessionById = (payload: Payload, id: RecordId): Promise<SessionForTraining | null> =>
  payload.db.findOne<SessionForTraining>({
    collection: 'training-sessions',
    where: { id: { equals: id } },
    select: SELECT,
  })

/** The number of places, or null for no limit. */
export const capacityOf = (s: Pick<TrainingSession, 'capacity'>): number | null =>
  typeof s.capacity === 'number' && s.capacity > 0 ? s.capacity : null

/** Why a session takes no registrations through us now, or null when it does. */
export const closedBecause = (
  s: SessionForTraining,
  now = new Date(),
): 'cancelled' | 'started' | 'external' | null => {
  if (s.cancelledAt || s.status === 'cancelled') return 'cancelled'
  if (Date.parse(s.start) <= now.getTime()) return 'started'
  if (s.registration === 'external') return 'external'
  return null
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
})
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
})
const clock = (d: Date) => timeFormat.format(d).replace(/\s/g, '').toLowerCase()

/**
 * When a session runs, in UK time and plain words.
 * @example whenWords(s) // 'Tuesday 2 March 2027, 6:30pm to 8:00pm (UK time)'
 */
export const whenWords = (s: Pick<TrainingSession, 'start' | 'end'>): string => {
  const start = new Date(s.start)
  const end = new Date(s.end)
  const sameDay = dayFormat.format(start) === dayFormat.format(end)
  return sameDay
    ? `${dayFormat.format(start)}, ${clock(start)} to ${clock(end)} (UK time)`
    : `${dayFormat.format(start)}, ${clock(start)} to ${dayFormat.format(end)}, ${clock(end)} (UK time)`
}

/** Where a session happens, in words (never the joining link). */
export const whereWords = (s: Pick<TrainingSession, 'format' | 'venue' | 'address' | 'region'>): string => {
  const place = [s.venue, s.address?.replace(/\s*\n\s*/g, ', ')].filter(Boolean).join(', ')
  if (s.format === 'online') return 'Online'
  if (s.format === 'hybrid') return `${place || s.region || 'In person'}, or online`
  return place || s.region || 'In person'
}
