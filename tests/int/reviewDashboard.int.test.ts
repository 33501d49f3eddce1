/**
 * The review dashboard's lists (cms/review/dashboard.ts) and the weekly digest to each legal
 * reviewer (cms/review/digest.ts), and the daily check that rebuilds the site when a review
 * became overdue (cms/review/overdueRebuild.ts), for guides and letters seeded with chosen review
 * dates, on a real Payload and SQLite with email to the harness's outbox.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reviewDashboard, type ReviewItem } from '../../cms/review/dashboard'
import { sendReviewDigests } from '../../cms/review/digest'
import { REVIEW_QUEUE } from '../../cms/review/jobs'
import { newlyOverdue, queueRebuildIfNewlyOverdue } from '../../cms/review/overdueRebuild'
import { make, richText } from '../helpers/factories'
import { startHarness, type Harness } from '../helpers/harness'
import { reviewAction, schedulePublish, staff, type Staff } from './reviewClient'

let t: Harness
let payload: Payload
let editor: Staff
let admin: Staff
let asha: Staff
let ben: Staff
let petitionId: number
/** Ids by title. */
const ids: Record<string, number> = {}

const NOW = new Date('2026-12-07T12:00:00Z')
const day = (d: string) => `${d}T00:00:00.000Z`
const titles = (items: ReviewItem[]) => items.map((i) => i.title)
const sorted = (items: ReviewItem[]) => titles(items).sort()

beforeAll(async () => {
  t = await startHarness()
  payload = t.payload
  editor = await staff(payload, ['editor'])
  admin = await staff(payload, ['admin'])
  asha = await staff(payload, ['reviewer'])
  ben = await staff(payload, ['reviewer'])
  const reviewed = (by: Staff, due: string) => ({
    reviewedBy: by.id,
    lastReviewed: day('2026-06-01'),
    reviewDue: day(due),
  })
  const seeds = [
    make.guide(payload, { title: 'Overdue guide', ...reviewed(asha, '2026-11-30') }),
    make.template(payload, { title: 'Due soon letter', ...reviewed(ben, '2026-12-20') }),
    make.guide(payload, { title: 'Due today guide', reviewDue: day('2026-12-07') }),
    make.guide(payload, { title: 'Later guide', ...reviewed(asha, '2027-05-01') }),
    make.guide(payload, { title: 'Awaiting guide', ...reviewed(ben, '2027-05-01') }),
    make.guide(payload, { title: 'Far guide', ...reviewed(ben, '2027-02-01') }),
  ]
  for (const doc of await Promise.all(seeds)) ids[doc.title] = doc.id
  // An editor changes the legal text and asks for a review.
  const awaiting = ids['Awaiting guide']
  await payload.update({
    collection: 'guides',
    id: awaiting,
    data: { summary: 'New words.' },
    draft: true,
    user: editor,
    overrideAccess: false,
  })
  expect((await reviewAction(t, editor, 'guides', awaiting, 'request')).status).toBe(200)
  // An editor starts a new guide nobody has reviewed.
  const fresh = await payload.create({
    collection: 'guides',
    data: { title: 'New draft guide', slug: 'new-draft-guide', summary: 'Draft.', body: richText('Text.') },
    draft: true,
    user: editor,
    overrideAccess: false,
  })
  ids[fresh.title] = fresh.id
  // An admin publishes a change to the later guide without a review.
  await payload.update({
    collection: 'guides',
    id: ids['Later guide'],
    data: { summary: 'Urgent.', _status: 'published', publishOverrideReason: 'Ruling today.' },
    user: admin,
    overrideAccess: false,
  })
  // The editor schedules the awaiting guide to publish tomorrow, and a petition to open.
  const petition = await make.petition(payload, { _status: 'draft' })
  const tomorrow = new Date(Date.now() + 86_400_000)
  await schedulePublish(payload, 'guides', awaiting, editor, tomorrow)
  await schedulePublish(payload, 'petitions', petition.id, editor, new Date(tomorrow.getTime() + 60_000))
  petitionId = petition.id
})
afterAll(async () => t?.close())

describe('the review dashboard', () => {
  it('lists overdue, due within 30 days, awaiting review and changed since the last review', async () => {
    const d = await reviewDashboard(payload, { now: NOW })
    expect(titles(d.overdue)).toEqual(['Overdue guide'])
    expect(titles(d.dueSoon)).toEqual(['Due today guide', 'Due soon letter'])
    expect(d.dueSoon.map((i) => i.collection)).toEqual(['guides', 'templates'])
    expect(titles(d.awaiting)).toEqual(['Awaiting guide'])
    // Its latest version is the editor's draft, waiting for a reviewer.
    expect(d.awaiting[0]).toMatchObject({ state: 'requested', status: 'draft', reviewedBy: ben.id })
    expect(sorted(d.changed)).toEqual(['Awaiting guide', 'Later guide', 'New draft guide'])
  })

  it('lists every scheduled publish (a petition opening too), with who scheduled it', async () => {
    const d = await reviewDashboard(payload, { now: NOW })
    const scheduled = (collection: string, id: number) => ({
      collection,
      id: String(id),
      type: 'publish',
      at: expect.any(String),
      scheduledBy: String(editor.id),
    })
    expect(d.scheduled).toEqual([
      scheduled('guides', ids['Awaiting guide']!),
      scheduled('petitions', petitionId),
    ])
  })

  it('lists publishes made without a review, with the reason', async () => {
    const d = await reviewDashboard(payload, { now: NOW })
    expect(d.withoutReview.map((l) => [l.action, l.docId, l.by, l.note])).toEqual([
      ['override', ids['Later guide'], admin.id, 'Ruling today.'],
    ])
  })

  it("shows a reviewer the documents they last reviewed and those nobody has, not another reviewer's", async () => {
    const mine = await reviewDashboard(payload, { now: NOW, reviewer: asha.id })
    expect([titles(mine.overdue), titles(mine.dueSoon), titles(mine.awaiting)]).toEqual([
      ['Overdue guide'],
      ['Due today guide'],
      [],
    ])
    expect(sorted(mine.changed)).toEqual(['Later guide', 'New draft guide'])
    const his = await reviewDashboard(payload, { now: NOW, reviewer: ben.id })
    expect([titles(his.overdue), titles(his.dueSoon), titles(his.awaiting)]).toEqual([
      [],
      ['Due today guide', 'Due soon letter'],
      ['Awaiting guide'],
    ])
    expect(sorted(his.changed)).toEqual(['Awaiting guide', 'New draft guide'])
  })
})

describe('the weekly digest', () => {
  it('emails each reviewer once, listing what is theirs to check, with links', async () => {
    const before = (await t.outbox()).length
    expect(await sendReviewDigests(payload, NOW)).toBe(2)
    const sent = (await t.outbox()).slice(before)
    expect(sent.map((m) => m.to).sort()).toEqual([[asha.email], [ben.email]].sort())
    const toAsha = sent.find((m) => m.to.includes(asha.email))!
    expect(toAsha.subject).toBe('Legal review this week: 1 overdue, 2 changed, 1 due soon')
    expect(toAsha.text).toContain(
      `- Overdue guide (guide), due 30 November 2026: http://localhost:3000/admin/collections/guides/${ids['Overdue guide']}`,
    )
    expect(toAsha.text).not.toContain('Due soon letter')
    expect(toAsha.html).toContain('Overdue guide</a> (guide), due 30 November 2026')
    const toBen = sent.find((m) => m.to.includes(ben.email))!
    expect(toBen.subject).toBe('Legal review this week: 1 awaiting, 2 changed, 2 due soon')
    expect(toBen.text).toContain('- Due soon letter (letter), due 20 December 2026')
    expect(toBen.text).not.toContain('Overdue guide')
  })

  it('sends no email when nothing is due', async () => {
    for (const collection of ['guides', 'templates'] as const)
      await payload.delete({ collection, where: { id: { exists: true } }, overrideAccess: true })
    const before = (await t.outbox()).length
    expect(await sendReviewDigests(payload, NOW)).toBe(0)
    expect((await t.outbox()).length).toBe(before)
  })

  it('is sent by the reviewDigest task on the review queue', async () => {
    await make.guide(payload, { title: 'Long overdue', reviewedBy: asha.id, reviewDue: day('2020-01-01') })
    const before = (await t.outbox()).length
    await payload.jobs.queue({ task: 'reviewDigest', queue: REVIEW_QUEUE, input: {} })
    await payload.jobs.run({ queue: REVIEW_QUEUE })
    const sent = (await t.outbox()).slice(before)
    expect(sent.map((m) => [m.to, m.subject])).toEqual([[[asha.email], 'Legal review this week: 1 overdue']])
  })
})

describe('the daily overdue check', () => {
  it('queues a site build for published guides and letters that became overdue since the last build', async () => {
    const due = (title: string, reviewDue: string, draft = false) =>
      make.guide(payload, {
        title,
        reviewDue: day(reviewDue),
        ...(draft ? { _status: 'draft' as const } : {}),
      })
    const newly = await due('Newly overdue guide', '2026-12-05')
    const letter = await make.template(payload, { reviewDue: day('2026-12-06') })
    await due('Long overdue guide', '2026-12-04')
    await due('Due today guide', '2026-12-07')
    await due('Draft guide due before', '2026-12-06', true)
    expect(await newlyOverdue(payload, NOW)).toEqual([])
    await payload.create({
      collection: 'site-builds',
      data: { buildId: 'review-test', status: 'succeeded', startedAt: '2026-12-05T10:00:00.000Z' },
      overrideAccess: true,
    })
    // The publishes above queued builds of their own; start from an empty queue to read the reason.
    const queued = { status: { equals: 'queued' } } as const
    await payload.delete({ collection: 'site-builds', where: queued, overrideAccess: true })
    const expected = [`guides/${newly.slug}`, `templates/${letter.slug}`]
    expect(await queueRebuildIfNewlyOverdue(payload, NOW)).toEqual(expected)
    const { docs } = await payload.find({ collection: 'site-builds', where: queued })
    expect(docs.map((b) => [b.trigger, b.reason])).toEqual([
      ['daily', `review overdue: ${expected.join(', ')}`],
    ])
    expect(await newlyOverdue(payload, new Date('2026-12-05T23:00:00Z'))).toEqual([])
  })
})
