/**
 * The review gate's other ways to publish, on a real Payload and SQLite: an admin's override with
 * a reason (and the review log that records it), the reviewers' typo rule, the scheduled publish
 * job (run as the user who scheduled it) and restoring an old version.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REVIEW_REQUIRED_MESSAGE } from '../../content-models/fields/review'
import { make } from '../helpers/factories'
import { startHarness, type Harness } from '../helpers/harness'
import { messageOf, publicDoc, rest, reviewAction, schedulePublish, staff, type Staff } from './reviewClient'

let t: Harness
let payload: Payload
let editor: Staff
let reviewer: Staff
let admin: Staff
let organiser: Staff

beforeAll(async () => {
  t = await startHarness()
  payload = t.payload
  editor = await staff(payload, ['editor'])
  reviewer = await staff(payload, ['reviewer'])
  admin = await staff(payload, ['admin'])
  organiser = await staff(payload, ['organiser'])
})
afterAll(async () => t?.close())

const logOf = async (docId: number, docCollection: 'guides' | 'templates' = 'guides') =>
  (
    await payload.find({
      collection: 'review-log',
      where: { docId: { equals: docId }, docCollection: { equals: docCollection } },
      sort: 'createdAt',
      depth: 0,
      overrideAccess: true,
    })
  ).docs.map((l) => ({ action: l.action, collection: l.docCollection, by: l.by, note: l.note ?? null }))

describe('publishing without a review', () => {
  it('lets an admin publish an unreviewed change only with a reason, and logs who, what and why', async () => {
    const guide = await make.guide(payload, { summary: 'Old summary.' })
    const path = `/api/guides/${guide.id}?depth=0`
    const bare = await rest(t, admin, 'PATCH', path, { summary: 'Urgent fix.', _status: 'published' })
    expect(bare.status).toBe(403)
    expect(messageOf(bare)).toContain(REVIEW_REQUIRED_MESSAGE)
    const blank = { summary: 'Urgent fix.', _status: 'published', publishOverrideReason: '   ' }
    expect((await rest(t, admin, 'PATCH', path, blank)).status).toBe(403)
    const byEditor = { ...blank, publishOverrideReason: 'I am sure.' }
    expect((await rest(t, editor, 'PATCH', path, byEditor)).status).toBe(403)
    expect((await publicDoc(t, 'guides', guide.id)).summary).toBe('Old summary.')

    const reason = 'The tribunal ruling today makes the old summary wrong.'
    const done = await rest(t, admin, 'PATCH', path, { ...blank, publishOverrideReason: reason })
    expect(done.status).toBe(200)
    expect((await publicDoc(t, 'guides', guide.id)).summary).toBe('Urgent fix.')
    expect(await logOf(guide.id)).toEqual([
      { action: 'override', collection: 'guides', by: admin.id, note: reason },
    ])
  })

  it('lets editors, reviewers and admins read the review log, and nobody write it through the API', async () => {
    const guide = await make.guide(payload)
    await payload.update({
      collection: 'guides',
      id: guide.id,
      data: { summary: 'Logged.', _status: 'published', publishOverrideReason: 'Logged reason.' },
      user: admin,
      overrideAccess: false,
    })
    const path = `/api/review-log?where[docId][equals]=${guide.id}&depth=0`
    for (const as of [admin, editor, reviewer]) {
      const read = await rest(t, as, 'GET', path)
      expect([read.status, (read.body.docs as { note: string }[]).map((d) => d.note)]).toEqual([
        200,
        ['Logged reason.'],
      ])
    }
    expect((await rest(t, organiser, 'GET', path)).status).toBe(403)
    expect((await rest(t, null, 'GET', path)).status).toBe(403)
    const forged = { action: 'approved', docCollection: 'guides', docId: guide.id }
    expect((await rest(t, admin, 'POST', '/api/review-log', forged)).status).toBe(403)
    const [entry] = (await payload.find({ collection: 'review-log', where: { docId: { equals: guide.id } } }))
      .docs
    expect((await rest(t, admin, 'PATCH', `/api/review-log/${entry.id}`, { note: 'Edited' })).status).toBe(
      403,
    )
    expect((await rest(t, admin, 'DELETE', `/api/review-log/${entry.id}`)).status).toBe(403)
  })
})

describe('the typo rule', () => {
  const setRule = (as: Staff, typoMaxChars: number) =>
    rest(t, as, 'POST', '/api/globals/review-rules', { typoMaxChars })

  it('is off by default, set only by reviewers and admins, and lets through only a change within it', async () => {
    const guide = await make.guide(payload, {
      summary: 'Your employer must pay you for holidya over 28 days.',
    })
    const path = `/api/guides/${guide.id}?depth=0`
    const fix = {
      summary: 'Your employer must pay you for holiday over 28 days.',
      _status: 'published',
      typoFix: true,
    }
    expect((await rest(t, editor, 'GET', '/api/globals/review-rules')).body.typoMaxChars ?? 0).toBe(0)
    const off = await rest(t, editor, 'PATCH', path, fix)
    expect([off.status, messageOf(off)]).toEqual([403, expect.stringContaining('Typo fixes are turned off')])

    expect((await setRule(editor, 50)).status).toBe(403)
    expect((await rest(t, editor, 'GET', '/api/globals/review-rules')).body.typoMaxChars ?? 0).toBe(0)
    expect((await setRule(reviewer, 3)).status).toBe(200)
    try {
      const larger = await rest(t, editor, 'PATCH', path, {
        ...fix,
        summary: 'Your employer must pay you for holidays taken over 28 days.',
      })
      expect([larger.status, messageOf(larger)]).toEqual([
        403,
        expect.stringContaining('More than 3 characters'),
      ])
      const number = await rest(t, editor, 'PATCH', path, {
        ...fix,
        summary: fix.summary.replace('28', '20'),
      })
      expect([number.status, messageOf(number)]).toEqual([403, expect.stringContaining('A number, date')])
      const unticked = await rest(t, editor, 'PATCH', path, { ...fix, typoFix: false })
      expect(unticked.status).toBe(403)
      expect((await publicDoc(t, 'guides', guide.id)).summary).toBe(
        'Your employer must pay you for holidya over 28 days.',
      )

      expect((await rest(t, editor, 'PATCH', path, fix)).status).toBe(200)
      expect((await publicDoc(t, 'guides', guide.id)).summary).toBe(fix.summary)
      expect(await logOf(guide.id)).toEqual([
        { action: 'typo-fix', collection: 'guides', by: editor.id, note: '2 characters changed' },
      ])
    } finally {
      await payload.updateGlobal({ slug: 'review-rules', data: { typoMaxChars: 0 }, overrideAccess: true })
    }
  })
})

describe('the scheduled publish job', () => {
  const schedule = (id: number, user: Staff) =>
    schedulePublish(payload, 'guides', id, user, new Date(Date.now() - 1000))

  it('runs as the scheduling editor: an unreviewed change stays unpublished, an approved one goes out', async () => {
    const guide = await make.guide(payload, { summary: 'Published words.' })
    await payload.update({
      collection: 'guides',
      id: guide.id,
      data: { summary: 'Scheduled words.' },
      draft: true,
      user: editor,
      overrideAccess: false,
    })
    const refused = await schedule(guide.id, editor)
    await payload.jobs.run({ queue: 'default' })
    const job = await payload.findByID({ collection: 'payload-jobs', id: refused.id, depth: 0 })
    expect(job.hasError).toBe(true)
    expect(JSON.stringify(job.error ?? job.log)).toContain(REVIEW_REQUIRED_MESSAGE)
    expect((await publicDoc(t, 'guides', guide.id)).summary).toBe('Published words.')

    expect((await reviewAction(t, reviewer, 'guides', guide.id, 'approve')).status).toBe(200)
    const approved = await schedule(guide.id, editor)
    await payload.jobs.run({ queue: 'default' })
    // A job that completes is deleted (Payload's deleteJobOnComplete); one that failed is kept.
    const left = await payload.find({ collection: 'payload-jobs', where: { id: { equals: approved.id } } })
    expect(left.totalDocs).toBe(0)
    expect((await publicDoc(t, 'guides', guide.id)).summary).toBe('Scheduled words.')
  })
})

describe('restoring a version', () => {
  it('refuses to publish an old version whose legal text no reviewer approved', async () => {
    const guide = await make.guide(payload, { summary: 'First words.' })
    await payload.update({
      collection: 'guides',
      id: guide.id,
      data: { summary: 'Second words.' },
      draft: true,
    })
    expect((await reviewAction(t, reviewer, 'guides', guide.id, 'approve')).status).toBe(200)
    await payload.update({ collection: 'guides', id: guide.id, data: { _status: 'published' }, user: editor })
    expect((await publicDoc(t, 'guides', guide.id)).summary).toBe('Second words.')
    const { docs } = await payload.findVersions({
      collection: 'guides',
      where: { and: [{ parent: { equals: guide.id } }, { 'version.summary': { equals: 'First words.' } }] },
      depth: 0,
    })
    const restored = await rest(t, editor, 'POST', `/api/guides/versions/${docs[0].id}`)
    expect(restored.status).toBe(403)
    expect(messageOf(restored)).toContain(REVIEW_REQUIRED_MESSAGE)
    expect((await publicDoc(t, 'guides', guide.id)).summary).toBe('Second words.')
  })
})

describe('letters', () => {
  const body = (words: string) => `Dear {{employer_name}},\n\n${words}`

  it('take a typo fix within the rule, an admin override with a reason, and no unreviewed scheduled publish', async () => {
    const letter = await make.template(payload, { body: body('Please pay me my holdiay pay.') })
    const typo = { body: body('Please pay me my holiday pay.'), _status: 'published' as const, typoFix: true }
    await payload.updateGlobal({
      slug: 'review-rules',
      data: { typoMaxChars: 3 },
      user: reviewer,
      overrideAccess: false,
    })
    try {
      await payload.update({
        collection: 'templates',
        id: letter.id,
        data: typo,
        user: editor,
        overrideAccess: false,
      })
    } finally {
      await payload.updateGlobal({ slug: 'review-rules', data: { typoMaxChars: 0 }, overrideAccess: true })
    }
    expect((await publicDoc(t, 'templates', letter.id)).body).toBe(typo.body)

    await payload.update({
      collection: 'templates',
      id: letter.id,
      data: { body: body('Please pay me by Friday.') },
      draft: true,
      user: editor,
      overrideAccess: false,
    })
    const job = await schedulePublish(payload, 'templates', letter.id, editor, new Date(Date.now() - 1000))
    await payload.jobs.run({ queue: 'default' })
    expect((await payload.findByID({ collection: 'payload-jobs', id: job.id })).hasError).toBe(true)
    expect((await publicDoc(t, 'templates', letter.id)).body).toBe(typo.body)

    const publish = { _status: 'published' as const, publishOverrideReason: 'Deadline today.' }
    await payload.update({
      collection: 'templates',
      id: letter.id,
      data: publish,
      user: admin,
      overrideAccess: false,
    })
    expect((await publicDoc(t, 'templates', letter.id)).body).toBe(body('Please pay me by Friday.'))
    expect(await logOf(letter.id, 'templates')).toEqual([
      { action: 'typo-fix', collection: 'templates', by: editor.id, note: '2 characters changed' },
      { action: 'override', collection: 'templates', by: admin.id, note: 'Deadline today.' },
    ])
  })
})
