/**
 * The legal review gate (cms/review) on a real Payload and SQLite, for guides and letters, through
 * the REST router and the Local API with access enforced: an unreviewed change to the legal text
 * is never published, a reviewer's approval opens exactly the version approved, and the admin's
 * override, the typo rule and the scheduled publish job each keep to their rules.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REVIEW_REQUIRED_MESSAGE, type ReviewedCollection } from '../../content-models/fields/review'
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

type Kind = {
  collection: ReviewedCollection
  /** One of its legal fields (LEGAL_FIELDS), a text. */
  field: 'summary' | 'body'
  /** A valid value of that field saying these words. */
  text: (words: string) => string
  create: () => Promise<{ id: number }>
}

const KINDS: Kind[] = [
  {
    collection: 'guides',
    field: 'summary',
    text: (words) => words,
    create: () => make.guide(payload, { summary: 'You get 28 days.' }),
  },
  {
    collection: 'templates',
    field: 'body',
    text: (words) => `Dear {{employer_name}},\n\n${words}`,
    create: () => make.template(payload, { body: 'Dear {{employer_name}},\n\nPlease pay me.' }),
  },
]

describe.each(KINDS)(
  '$collection: publishing a change to the legal text',
  ({ collection, field, text, create }) => {
    const patch = (as: Staff, id: number, data: Record<string, unknown>, draft = false) =>
      rest(t, as, 'PATCH', `/api/${collection}/${id}${draft ? '?draft=true' : ''}`, data)

    it('refuses an unreviewed change (403 naming the field; Local API throws) and keeps the published text', async () => {
      const doc = await create()
      const before = (await publicDoc(t, collection, doc.id))[field]
      const refused = await patch(editor, doc.id, {
        [field]: text('Changed by an editor.'),
        _status: 'published',
      })
      expect(refused.status).toBe(403)
      expect(messageOf(refused)).toContain(REVIEW_REQUIRED_MESSAGE)
      expect(messageOf(refused)).toContain(`Changed since the published version: ${field}.`)
      await expect(
        payload.update({
          collection,
          id: doc.id,
          data: { [field]: text('Changed through the Local API.'), _status: 'published' },
          user: editor,
          overrideAccess: false,
        }),
      ).rejects.toMatchObject({ status: 403, message: expect.stringContaining(REVIEW_REQUIRED_MESSAGE) })
      expect((await publicDoc(t, collection, doc.id))[field]).toBe(before)
    })

    it('refuses an unreviewed change saved without draft or _status (the published doc would take it)', async () => {
      const doc = await create()
      const before = (await publicDoc(t, collection, doc.id))[field]
      expect((await patch(editor, doc.id, { [field]: text('Sneaked in.') })).status).toBe(403)
      await expect(
        payload.update({
          collection,
          id: doc.id,
          data: { [field]: text('Sneaked in.') },
          user: editor,
          overrideAccess: false,
        }),
      ).rejects.toMatchObject({ status: 403 })
      expect((await publicDoc(t, collection, doc.id))[field]).toBe(before)
    })

    it('saves the change as a draft, which staff see and readers do not', async () => {
      const doc = await create()
      const before = (await publicDoc(t, collection, doc.id))[field]
      const saved = await patch(editor, doc.id, { [field]: text('A draft change.') }, true)
      expect(saved.status).toBe(200)
      const draft = await rest(t, editor, 'GET', `/api/${collection}/${doc.id}?draft=true&depth=0`)
      expect(draft.body[field]).toBe(text('A draft change.'))
      expect((await publicDoc(t, collection, doc.id))[field]).toBe(before)
    })

    it('publishes a change to the title alone without a review', async () => {
      const doc = await create()
      const done = await patch(editor, doc.id, { title: 'A clearer title', _status: 'published' })
      expect(done.status).toBe(200)
      expect((await publicDoc(t, collection, doc.id)).title).toBe('A clearer title')
    })

    it('publishes exactly the version a reviewer approved, and refuses it again once edited', async () => {
      const doc = await create()
      expect((await patch(editor, doc.id, { [field]: text('Reviewed wording.') }, true)).status).toBe(200)
      const requested = await reviewAction(t, editor, collection, doc.id, 'request', {
        comment: 'New wording',
      })
      expect([requested.status, (requested.body.review as { state: string }).state]).toEqual([
        200,
        'requested',
      ])
      expect(await reviewStatusOf(t, editor, collection, doc.id)).toMatchObject({
        state: 'requested',
        approved: false,
        legalChanged: true,
        lastEditorIsYou: true,
      })
      const approved = await reviewAction(t, reviewer, collection, doc.id, 'approve')
      expect([approved.status, (approved.body.review as { state: string }).state]).toEqual([200, 'approved'])
      expect(await reviewStatusOf(t, editor, collection, doc.id)).toMatchObject({
        state: 'approved',
        approved: true,
      })
      // The editor publishes through REST for guides; the reviewer through the Local API for letters.
      if (collection === 'guides')
        expect((await patch(editor, doc.id, { _status: 'published' })).status).toBe(200)
      else
        await payload.update({
          collection,
          id: doc.id,
          data: { _status: 'published' },
          user: reviewer,
          overrideAccess: false,
        })
      const published = await publicDoc(t, collection, doc.id)
      expect(published[field]).toBe(text('Reviewed wording.'))
      expect(published.reviewedBy).toBe(reviewer.id)
      expect(String(published.lastReviewed).slice(0, 10)).toBe(new Date().toISOString().slice(0, 10))

      expect((await patch(editor, doc.id, { [field]: text('Edited after approval.') }, true)).status).toBe(
        200,
      )
      expect(await reviewStatusOf(t, editor, collection, doc.id)).toMatchObject({
        state: 'none',
        approved: false,
      })
      const again = await patch(editor, doc.id, { _status: 'published' })
      expect(again.status).toBe(403)
      expect(messageOf(again)).toContain('The version a reviewer approved has been edited since.')
      expect((await publicDoc(t, collection, doc.id))[field]).toBe(text('Reviewed wording.'))
    })
  },
)

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
    expect(messageOf(empty)).toMatch(/comment/)
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
})
