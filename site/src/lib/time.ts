/**
 * Training times: stored in UTC, shown in Europe/London, so a reader always sees the clock time on
 * the wall in the UK, summer (BST, UTC+1) or winter (GMT, UTC+0). Plain functions, no state.
 */

const LONDON = 'Europe/London'

/** The wall-clock parts of a moment in the UK. */
export type LondonParts = {
  weekday: string
  day: number
  month: string
  year: number
  hour: number
  minute: number
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
})

const toDate = (iso: string | Date): Date => {
  const date = iso instanceof Date ? iso : new Date(iso)
  if (Number.isNaN(date.getTime()))
    throw new Error(`Not a date: "${String(iso)}". Use an ISO 8601 time such as 2027-01-14T18:30:00Z.`)
  return date
}

/** Splits a UTC moment into its UK wall-clock parts. */
export const londonParts = (iso: string | Date): LondonParts => {
  const parts = Object.fromEntries(partsFormat.formatToParts(toDate(iso)).map((p) => [p.type, p.value]))
  return {
    weekday: parts.weekday,
    day: Number(parts.day),
    month: parts.month,
    year: Number(parts.year),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
  }
}

/**
 * The hours UK time is ahead of UTC at that moment: 1 in summer (BST), 0 in winter (GMT).
 * @example ukOffsetHours('2027-03-28T01:00:00Z') // 1
 */
export const ukOffsetHours = (iso: string | Date): number => {
  const date = toDate(iso)
  const p = londonParts(date)
  const wall = Date.UTC(p.year, MONTHS.indexOf(p.month), p.day, p.hour, p.minute)
  const utc = Date.UTC(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
  )
  return Math.round((wall - utc) / 3_600_000)
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** "BST" in summer time, "GMT" in winter. */
export const ukZoneName = (iso: string | Date): 'BST' | 'GMT' => (ukOffsetHours(iso) === 1 ? 'BST' : 'GMT')

/**
 * A clock time as people say it: "6:30pm", "8pm", "12pm" for midday, "12am" for midnight.
 * @example clockTime(londonParts('2027-01-14T18:30:00Z')) // '6:30pm'
 */
export const clockTime = ({ hour, minute }: Pick<LondonParts, 'hour' | 'minute'>): string => {
  const h12 = hour % 12 === 0 ? 12 : hour % 12
  const suffix = hour < 12 ? 'am' : 'pm'
  return minute === 0 ? `${h12}${suffix}` : `${h12}:${String(minute).padStart(2, '0')}${suffix}`
}

/**
 * The day in words, in the UK.
 * @example ukDay('2027-01-14T18:30:00Z') // 'Thursday 14 January 2027'
 */
export const ukDay = (iso: string | Date): string => {
  const p = londonParts(iso)
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`
}

/** A moment as "6:30pm" in UK time. */
export const ukTime = (iso: string | Date): string => clockTime(londonParts(iso))

/**
 * When a session runs, in UK time, in words.
 * @example sessionWhen('2027-01-14T18:30:00Z', '2027-01-14T20:00:00Z')
 * // 'Thursday 14 January 2027, 6:30pm to 8pm (UK time)'
 */
export const sessionWhen = (start: string | Date, end: string | Date): string => {
  const startDay = ukDay(start)
  const endDay = ukDay(end)
  if (startDay === endDay) return `${startDay}, ${ukTime(start)} to ${ukTime(end)} (UK time)`
  return `${startDay}, ${ukTime(start)} to ${endDay}, ${ukTime(end)} (UK time)`
}

/**
 * A warning when the UK clocks change during a session, else null.
 * @example clockChangeNote('2027-03-28T00:30:00Z', '2027-03-28T01:30:00Z')
 * // 'The clocks go forward one hour during this session.'
 */
export const clockChangeNote = (start: string | Date, end: string | Date): string | null => {
  const diff = ukOffsetHours(end) - ukOffsetHours(start)
  if (diff > 0) return 'The clocks go forward one hour during this session.'
  if (diff < 0) return 'The clocks go back one hour during this session.'
  return null
}

/** True once the session has finished at the moment `now`. */
export const hasEnded = (end: string | Date, now: Date = new Date()): boolean =>
  toDate(end).getTime() <= now.getTime()

/** How long a session lasts, in words: "1 hour 30 minutes". */
export const durationWords = (start: string | Date, end: string | Date): string => {
  const minutes = Math.round((toDate(end).getTime() - toDate(start).getTime()) / 60_000)
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  const hours = h === 0 ? '' : `${h} hour${h === 1 ? '' : 's'}`
  const mins = m === 0 ? '' : `${m} minute${m === 1 ? '' : 's'}`
  return [hours, mins].filter(Boolean).join(' ') || '0 minutes'
}
