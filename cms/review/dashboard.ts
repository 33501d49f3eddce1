/**
 * What the review dashboard (/admin/review) and the weekly digest show: guides and letters whose
 * review is overdue or due within 30 days, awaiting a reviewer, changed since their last review,
 * scheduled to publish, and the publishes made without a review (admins' overrides, typo fixes).
 * Optionally for one reviewer: the documents they last reviewed, and those nobody has reviewed yet.
 */
import type { Payload } from 'payload'
import { isReviewOverdue, startOfUtcDay } from '../../content-models/collections/guides/review'
import { REVIEWED_COLLECTIONS, type ReviewedCollection } from '../../content-models/fields/review'
import type { Guide, ReviewLog, Template } from '../../content-models/payload-types'
import { listScheduled, type ScheduledItem } from './scheduled'

/** "Due soon" means due within this many days. */
export const DUE_SOON_DAYS = 30

export type ReviewItem = {
  collection: ReviewedCollection
  id: number
  title: string
  status: 'draft' | 'published'
  lastReviewed: string | null
  reviewDue: string | null
  reviewedBy: number | null
  state: string
  requestedAt: string | null
  comment: string | null
}

export type ReviewDashboard = {
  overdue: ReviewItem[]
  dueSoon: ReviewItem[]
  awaiting: ReviewItem[]
  changed: ReviewItem[]
  scheduled: ScheduledItem[]
  withoutReview: Pick<
    ReviewLog,
    'id' | 'action' | 'docCollection' | 'docId' | 'docTitle' | 'note' | 'createdAt' | 'by'
  >[]
}

const idOf = (v: unknown): number | null =>
  v == null ? null : typeof v === 'object' ? ((v as { id?: number }).id ?? null) : Number(v)

const toItem = (collection: ReviewedCollection, d: Guide | Template): ReviewItem => ({
  collection,
  id: d.id,
  title: d.title,
  status: d._status === 'published' ? 'published' : 'draft',
  lastReviewed: d.lastReviewed ?? null,
  reviewDue: d.reviewDue ?? null,
  reviewedBy: idOf(d.reviewedBy),
  state: d.review?.state ?? 'none',
  requestedAt: d.review?.requestedAt ?? null,
  comment: d.review?.comment ?? null,
})

/** The legal text changed (by a person) since the version a reviewer last approved or checked. */
const changedSinceReview = (d: Guide | Template): boolean => {
  const r = d.review
  if (!r?.legalEditedAt || r.fingerprint === r.approvedFingerprint) return false
  return !d.lastReviewed || r.legalEditedAt > d.lastReviewed
}

/** The latest version (draft or published) of every guide and letter. */
const latestVersions = async (payload: Payload) => {
  const out: { collection: ReviewedCollection; doc: Guide | Template }[] = []
  for (const collection of REVIEWED_COLLECTIONS) {
    const { docs } = await payload.find({
      collection,
      draft: true,
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    for (const doc of docs) out.push({ collection, doc })
  }
  return out
}

const byDue = (a: ReviewItem, b: ReviewItem) => (a.reviewDue ?? '').localeCompare(b.reviewDue ?? '')

/** The dashboard's buckets at `now`, for everyone or for one reviewer (`reviewer`: a user id). */
export const reviewDashboard = async (
  payload: Payload,
  { now = new Date(), reviewer }: { now?: Date; reviewer?: number | null } = {},
): Promise<ReviewDashboard> => {
  const soon = startOfUtcDay(new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000)).toISOString()
  const mine = (i: ReviewItem) => reviewer == null || i.reviewedBy === null || i.reviewedBy === reviewer
  const all = (await latestVersions(payload)).map(({ collection, doc }) => ({
    item: toItem(collection, doc),
    doc,
  }))
  const items = all.filter(({ item }) => mine(item))
  const pick = (test: (x: (typeof all)[number]) => boolean) => items.filter(test).map((x) => x.item)
  const logs = await payload.find({
    collection: 'review-log',
    where: { action: { in: ['override', 'typo-fix'] } },
    sort: '-createdAt',
    limit: 20,
    depth: 0,
    overrideAccess: true,
  })
  return {
    overdue: pick(({ item }) => isReviewOverdue(item.reviewDue, now)).sort(byDue),
    dueSoon: pick(
      ({ item }) => !isReviewOverdue(item.reviewDue, now) && !!item.reviewDue && item.reviewDue < soon,
    ).sort(byDue),
    awaiting: pick(({ item }) => item.state === 'requested').sort((a, b) =>
      (a.requestedAt ?? '').localeCompare(b.requestedAt ?? ''),
    ),
    changed: pick(({ doc }) => changedSinceReview(doc)),
    scheduled: await listScheduled(payload),
    withoutReview: logs.docs,
  }
}
