/** The review cycle of a guide or letter: plain date rules, shared by the hook, the admin, the site and tests. */
import type { Where } from 'payload'

/** A guide is due for another review this many months after it was reviewed. */
export const REVIEW_INTERVAL_MONTHS = 6

/** The note added to a guide's public history when a reviewer marks it reviewed. */
export const REVIEWED_NOTE = 'Checked by a legal reviewer.'

/** Midnight UTC at the start of the day `d` falls in. */
export const startOfUtcDay = (d: Date) =>
  new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))

/**
 * The dates set when a guide is marked reviewed: today, and the same day six months on (the last
 * day of the month when that day does not exist, so 31 August → 28 or 29 February).
 * @example reviewDatesFor(new Date('2026-08-31T15:00:00Z')) // { lastReviewed: '2026-08-31T00:00:00.000Z', reviewDue: '2027-02-28T00:00:00.000Z' }
 */
export const reviewDatesFor = (now: Date): { lastReviewed: string; reviewDue: string } => {
  const today = startOfUtcDay(now)
  const due = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + REVIEW_INTERVAL_MONTHS, 1))
  const lastDay = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate()
  due.setUTCDate(Math.min(today.getUTCDate(), lastDay))
  return { lastReviewed: today.toISOString(), reviewDue: due.toISOString() }
}

/** Guides whose review-due date has passed (a guide with no due date is not counted). */
export const pastReviewDueWhere = (now: Date = new Date()): Where => ({
  reviewDue: { less_than: startOfUtcDay(now).toISOString() },
})

/** The admin list of guides past review, oldest due first. */
export const pastReviewDueListUrl = (adminRoute: string, now: Date = new Date()): string =>
  `${adminRoute}/collections/guides?${new URLSearchParams({ 'where[reviewDue][less_than]': startOfUtcDay(now).toISOString(), sort: 'reviewDue' })}`

/**
 * Whether a review-due date has passed at `now`: from the day after it (a guide due today is not
 * yet overdue). The same rule as pastReviewDueWhere, for one date (the site's notice, the dashboard).
 * @example isReviewOverdue('2026-12-06T00:00:00.000Z', new Date('2026-12-07T09:00:00Z')) // true
 */
export const isReviewOverdue = (reviewDue: string | null | undefined, now: Date = new Date()): boolean =>
  Boolean(reviewDue) && new Date(reviewDue as string).getTime() < startOfUtcDay(now).getTime()
