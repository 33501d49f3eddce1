/**
 * The review workflow on a real Payload and SQLite: a legal reviewer marks a guide reviewed, no
 * one can sign a review in someone else's name, and editors can list the guides past review.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  pastReviewDueListUrl,
  pastReviewDueWhere,
  REVIEWED_NOTE,
  reviewDatesFor,
} from '../../content-models/collections/guides/review'
import { make } from '../helpers/factories'
import { startHarness, type Harness } from '../helpers/harness'

let t: Harness
let payload: Payload
beforeAll(async () => {
  t = await startHarness()
  payload = t.payload
})
afterAll(async () => t?.close())

const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as { id: number }).id : v)

describe('review dates', () => {
  it('sets the next review six months on, on the last day of a shorter month', () => {
    expect(reviewDatesFor(new Date('2026-11-29T21:00:00Z'))).toEqual({
      lastReviewed: '2026-11-29T00:00:00.000Z',
      reviewDue: '2027-05-29T00:00:00.000Z',
    })
    expect(reviewDatesFor(new Date('2026-08-31T09:00:00Z')).reviewDue).toBe('2027-02-28T00:00:00.000Z')
  })
})

describe('marking a guide reviewed', () => {
  it('records today, the reviewer, a due date six months on and a line of history', async () => {
    const reviewer = await make.user(payload, ['reviewer'], 'Asha Reviewer')
    const guide = await make.guide(payload, {
      lastReviewed: '2025-01-01T00:00:00.000Z',
      reviewDue: '2025-07-01T00:00:00.000Z',
      history: [{ date: '2025-01-01T00:00:00.000Z', note: 'First published.' }],
    })
    const updated = await payload.update({
      collection: 'guides',
      id: guide.id,
      data: { markReviewed: true },
      user: reviewer,
      overrideAccess: false,
    })
    const expected = reviewDatesFor(new Date())
    expect(updated.lastReviewed).toBe(expected.lastReviewed)
    expect(updated.reviewDue).toBe(expected.reviewDue)
    expect(idOf(updated.reviewedBy)).toBe(reviewer.id)
    expect(updated.history?.map((h) => h.note)).toEqual(['First published.', REVIEWED_NOTE])
  })

  it('adds only one line of history when the same reviewer saves twice in a day (autosave)', async () => {
    const reviewer = await make.user(payload, ['reviewer'])
    const guide = await make.guide(payload)
    await payload.update({
      collection: 'guides',
      id: guide.id,
      data: { markReviewed: true },
      user: reviewer,
      overrideAccess: false,
    })
    const again = await payload.update({
      collection: 'guides',
      id: guide.id,
      data: { markReviewed: true },
      user: reviewer,
      overrideAccess: false,
    })
    expect(again.history?.filter((h) => h.note === REVIEWED_NOTE)).toHaveLength(1)
  })

  it('ignores the box when an editor ticks it', async () => {
    const editor = await make.user(payload, ['editor'])
    const guide = await make.guide(payload, { lastReviewed: '2025-01-01T00:00:00.000Z' })
    const updated = await payload.update({
      collection: 'guides',
      id: guide.id,
      data: { markReviewed: true, title: 'Edited by an editor' },
      user: editor,
      overrideAccess: false,
    })
    expect(updated.title).toBe('Edited by an editor')
    expect(updated.lastReviewed).toBe('2025-01-01T00:00:00.000Z')
    expect(updated.reviewedBy ?? null).toBeNull()
  })

  it('does not let an editor set the reviewer to someone else', async () => {
    const editor = await make.user(payload, ['editor'])
    const reviewer = await make.user(payload, ['reviewer'])
    const guide = await make.guide(payload)
    const updated = await payload.update({
      collection: 'guides',
      id: guide.id,
      data: { reviewedBy: reviewer.id },
      user: editor,
      overrideAccess: false,
    })
    expect(updated.reviewedBy ?? null).toBeNull()
  })

  it('does not let a reviewer sign a review in another reviewer’s name', async () => {
    const asha = await make.user(payload, ['reviewer'])
    const ben = await make.user(payload, ['reviewer'])
    const guide = await make.guide(payload, { reviewedBy: asha.id })
    const updated = await payload.update({
      collection: 'guides',
      id: guide.id,
      data: { reviewedBy: ben.id },
      user: asha,
      overrideAccess: false,
    })
    expect(idOf(updated.reviewedBy)).toBe(asha.id)
  })
})

describe('guides past their review date', () => {
  it('lists exactly the guides whose review-due date has passed', async () => {
    const now = new Date('2026-11-29T12:00:00Z')
    const overdue = await make.guide(payload, { title: 'Overdue', reviewDue: '2026-11-28T00:00:00.000Z' })
    const dueToday = await make.guide(payload, { title: 'Due today', reviewDue: '2026-11-29T00:00:00.000Z' })
    const later = await make.guide(payload, { title: 'Later', reviewDue: '2027-05-01T00:00:00.000Z' })
    const { docs } = await payload.find({
      collection: 'guides',
      where: { and: [pastReviewDueWhere(now), { id: { in: [overdue.id, dueToday.id, later.id] } }] },
      limit: 10,
    })
    expect(docs.map((d) => d.title)).toEqual(['Overdue'])
  })

  it('links the admin notice to the filtered Guides list', () => {
    expect(pastReviewDueListUrl('/admin', new Date('2026-11-29T12:00:00Z'))).toBe(
      '/admin/collections/guides?where%5BreviewDue%5D%5Bless_than%5D=2026-11-29T00%3A00%3A00.000Z&sort=reviewDue',
    )
  })
})
