/** Working days (Monday to Friday; bank holidays are not counted out), for the expected reply time. */

/**
 * The date `days` working days after `from`.
 * @example addWorkingDays(new Date('2026-12-04T10:00:00Z'), 3) // Wednesday 2026-12-09, 10:00
 */
export const addWorkingDays = (from: Date, days: number): Date => {
  const d = new Date(from)
  let left = days
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1)
    const day = d.getUTCDay()
    if (day !== 0 && day !== 6) left--
  }
  return d
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
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

/** A date in words for the asker (UTC day). @example replyByWords('2026-12-09T10:00:00Z') // 'Wednesday 9 December 2026' */
export const replyByWords = (iso: string | Date): string => {
  const d = new Date(iso)
  return `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`
}
