/**
 * The review buttons' endpoints (cms/api/review.ts: request, approve, send back, status) on a real
 * Payload and SQLite, through Payload's REST router: who may press which, what each needs, and
 * that the review record is written only by them.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REVIEWED_NOTE, reviewDatesFor } from '../../content-models/collections/guides/review'
import { make, richText } from '../helpers/factories'
import { startHarness, type Harness } from '../helpers/harness'
import { messageOf, publicDoc, rest, reviewAction, reviewStatusOf, staff, type Staff } from './reviewClient'

let t: Harness
let payload: Payload
let editor: Staff
let reviewer: Staff

beforeAll(async () => {
  t = await startHarness()
  payload = t.payload
  editor = await staff(payload, ['editor'])
  reviewer = await staff(payload, ['reviewer'])
})
afterAll(async () => t?.close())

/** A published guide with an editor's unreviewed draft change to its summary. */
const changedGuide = async () => {
  const guide = await make.guide(payload)
  await payload.update({
    collection: 'guides',
    id: guide.id,
    data: { summary: 'Changed.' },
    draft: true,
    user: editor,
    overrideAccess: false,
  })
  return guide.id
}

describe('review actions', () => {
  it('sends back only with a comment, which the editor then sees', async () => {
    const guide = await make.guide(payload)
    await payload.update({
      collection: 'guides',
      id: guide.id,
      data: { summary: 'New.' },
      draft: true,
      user: editor,
    })
    const empty = await reviewAction(t, reviewer, 'guides', guide.id, 'send-back', { comment: '  ' })
    expect(empty.status).toBe(422)
    const message = 'Say what needs changing: the comment is empty.'
    expect((empty.body.errors as unknown[])[0]).toMatchObject({
      message,
      data: { errors: [{ path: 'comment', message }] },
    })
    const byEditor = await reviewAction(t, editor, 'guides', guide.id, 'send-back', {
      comment: 'Mine is fine.',
    })
    expect(byEditor.status).toBe(403)
    const sent = await reviewAction(t, reviewer, 'guides', guide.id, 'send-back', {
      comment: 'Cite the 1998 rules.',
    })
    expect(sent.status).toBe(200)
    expect(await reviewStatusOf(t, editor, 'guides', guide.id)).toMatchObject({
      state: 'changes-requested',
      comment: 'Cite the 1998 rules.',
      approved: false,
    })
  })

  it('refuses an approval from the reviewer who last changed the legal text; another reviewer may', async () => {
    const letter = await make.template(payload)
    const other = await staff(payload, ['reviewer'])
    const edit = await rest(t, reviewer, 'PATCH', `/api/templates/${letter.id}?draft=true`, {
      body: 'My own words.',
    })
    expect(edit.status).toBe(200)
    const own = await reviewAction(t, reviewer, 'templates', letter.id, 'approve')
    expect(own.status).toBe(403)
    expect(messageOf(own)).toContain('You made the last change to its legal text')
    expect(await reviewStatusOf(t, reviewer, 'templates', letter.id)).toMatchObject({
      state: 'none',
      approved: false,
    })
    expect((await reviewAction(t, other, 'templates', letter.id, 'approve')).status).toBe(200)
  })

  it('does not let an editor write the review record through REST', async () => {
    const guide = await make.guide(payload)
    const forged = {
      summary: 'Forged approval.',
      review: { state: 'approved', approvedFingerprint: 'x', legalEditedBy: reviewer.id },
    }
    const draft = await rest(t, editor, 'PATCH', `/api/guides/${guide.id}?draft=true&depth=0`, forged)
    expect(draft.status).toBe(200)
    const review = draft.body.doc as { review: Record<string, unknown> }
    expect(review.review).toMatchObject({ state: 'none', legalEditedBy: editor.id })
    expect(review.review.approvedFingerprint ?? null).toBeNull()
    const created = await rest(t, editor, 'POST', '/api/guides?draft=true&depth=0', {
      title: 'New guide',
      slug: 'forged-new-guide',
      summary: 'New.',
      body: richText('Text.'),
      _status: 'draft',
      review: { state: 'approved', approvedFingerprint: 'x' },
    })
    expect(created.status).toBe(201)
    expect((created.body.doc as { review: Record<string, unknown> }).review.state).toBe('none')
  })

  it('refuses to approve a version the reviewer did not see (409), and approves the one they did', async () => {
    const id = await changedGuide()
    const seen = String((await reviewStatusOf(t, reviewer, 'guides', id)).fingerprint)
    await payload.update({
      collection: 'guides',
      id,
      data: { summary: 'Changed again.' },
      draft: true,
      user: editor,
    })
    const stale = await reviewAction(t, reviewer, 'guides', id, 'approve', { fingerprint: seen })
    expect([stale.status, messageOf(stale)]).toEqual([
      409,
      expect.stringContaining('changed since you opened it'),
    ])
    const now = String((await reviewStatusOf(t, reviewer, 'guides', id)).fingerprint)
    expect(now).not.toBe(seen)
    expect((await reviewAction(t, reviewer, 'guides', id, 'approve', { fingerprint: now })).status).toBe(200)
  })

  it('withdraws an approval when a reviewer sends the change back', async () => {
    const id = await changedGuide()
    expect((await reviewAction(t, reviewer, 'guides', id, 'approve')).status).toBe(200)
    const back = await reviewAction(t, reviewer, 'guides', id, 'send-back', { comment: 'On reflection, no.' })
    expect((back.body.review as { state: string }).state).toBe('changes-requested')
    expect((await rest(t, editor, 'PATCH', `/api/guides/${id}`, { _status: 'published' })).status).toBe(403)
  })

  it('answers 401 to anonymous callers and 404 to unknown collections and actions', async () => {
    const id = await changedGuide()
    expect((await rest(t, null, 'GET', `/api/review/guides/${id}`)).status).toBe(401)
    expect((await rest(t, null, 'POST', `/api/review/guides/${id}/approve`, {})).status).toBe(401)
    expect((await rest(t, reviewer, 'POST', `/api/review/petitions/${id}/approve`, {})).status).toBe(404)
    const unknown = await reviewAction(t, reviewer, 'guides', id, 'publish')
    expect([unknown.status, messageOf(unknown)]).toEqual([
      404,
      'No review action "publish": use request, approve, send-back.',
    ])
    expect((await reviewAction(t, editor, 'guides', 999999, 'request')).status).toBe(404)
  })

  it('logs each action with who, the note and the fingerprint, and keeps an approval through a title change', async () => {
    const id = await changedGuide()
    const fingerprint = String((await reviewStatusOf(t, editor, 'guides', id)).fingerprint)
    await reviewAction(t, editor, 'guides', id, 'request', { comment: 'Please check.' })
    await reviewAction(t, reviewer, 'guides', id, 'send-back', { comment: 'Add a source.' })
    await reviewAction(t, editor, 'guides', id, 'request')
    await reviewAction(t, reviewer, 'guides', id, 'approve', { comment: 'Good.' })
    const { docs } = await payload.find({
      collection: 'review-log',
      where: { docId: { equals: id } },
      sort: 'createdAt',
      depth: 0,
    })
    expect(docs.map((l) => [l.action, l.by, l.note ?? null, l.fingerprint])).toEqual([
      ['requested', editor.id, 'Please check.', fingerprint],
      ['changes-requested', reviewer.id, 'Add a source.', fingerprint],
      ['requested', editor.id, null, fingerprint],
      ['approved', reviewer.id, 'Good.', fingerprint],
    ])
    const retitled = { title: 'Retitled', _status: 'published' }
    expect((await rest(t, editor, 'PATCH', `/api/guides/${id}`, retitled)).status).toBe(200)
  })

  it('publishes the new review dates when a reviewer approves the version readers see, not a waiting draft', async () => {
    const dates = { lastReviewed: '2026-01-01T00:00:00.000Z', reviewDue: '2026-07-01T00:00:00.000Z' }
    const live = await make.guide(payload, dates)
    expect((await reviewAction(t, reviewer, 'guides', live.id, 'approve')).status).toBe(200)
    const expected = reviewDatesFor(new Date())
    expect(await publicDoc(t, 'guides', live.id)).toMatchObject({ ...expected, reviewedBy: reviewer.id })
    const latest = await rest(t, reviewer, 'GET', `/api/guides/${live.id}?draft=true&depth=0`)
    expect(latest.body).toMatchObject({ _status: 'published', history: [{ note: REVIEWED_NOTE }] })

    const waiting = await make.guide(payload, { ...dates, summary: 'Live words.' })
    await payload.update({
      collection: 'guides',
      id: waiting.id,
      data: { summary: 'Draft words.' },
      draft: true,
    })
    expect((await reviewAction(t, reviewer, 'guides', waiting.id, 'approve')).status).toBe(200)
    expect(await publicDoc(t, 'guides', waiting.id)).toMatchObject({ ...dates, summary: 'Live words.' })
  })
})
