/**
 * The legal review gate (cms/review) on a real Payload and SQLite, for guides and letters, through
 * the REST router and the Local API with access enforced: an unreviewed change to the legal text
 * is never published, a change to the rest is, and a reviewer's approval opens exactly the
 * version approved. The review actions are in reviewActions.int.test.ts; the admin's override,
 * the typo rule, the scheduled publish job and restoring in reviewPublishing.int.test.ts.
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
  /** A published document whose field says text(INITIAL). */
  create: () => Promise<{ id: number }>
}

const INITIAL = 'You get 28 days.'

const KINDS: Kind[] = [
  {
    collection: 'guides',
    field: 'summary',
    text: (words) => words,
    create: () => make.guide(payload, { summary: INITIAL }),
  },
  {
    collection: 'templates',
    field: 'body',
    text: (words) => `Dear {{employer_name}},\n\n${words}`,
    create: () => make.template(payload, { body: `Dear {{employer_name}},\n\n${INITIAL}` }),
  },
]

describe.each(KINDS)(
  '$collection: publishing a change to the legal text',
  ({ collection, field, text, create }) => {
    const patch = (as: Staff, id: number, data: Record<string, unknown>, draft = false) =>
      rest(t, as, 'PATCH', `/api/${collection}/${id}${draft ? '?draft=true' : ''}`, data)

    it('refuses an unreviewed change (403 naming the field; Local API throws) and keeps the published text', async () => {
      const doc = await create()
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
      expect((await publicDoc(t, collection, doc.id))[field]).toBe(text(INITIAL))
    })

    it('refuses an unreviewed change saved without draft or _status (the published doc would take it)', async () => {
      const doc = await create()
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
      expect((await publicDoc(t, collection, doc.id))[field]).toBe(text(INITIAL))
    })

    it('saves the change as a draft, which staff see and readers do not', async () => {
      const doc = await create()
      const saved = await patch(editor, doc.id, { [field]: text('A draft change.') }, true)
      expect(saved.status).toBe(200)
      const draft = await rest(t, editor, 'GET', `/api/${collection}/${doc.id}?draft=true&depth=0`)
      expect(draft.body[field]).toBe(text('A draft change.'))
      expect((await publicDoc(t, collection, doc.id))[field]).toBe(text(INITIAL))
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

describe('guides: rich text and new guides', () => {
  const body = (markdown: string) => ({ body: richText(markdown) })

  it('refuses a change to the words of the body, not to their formatting alone', async () => {
    const guide = await make.guide(payload, body('You get paid holiday.'))
    const path = `/api/guides/${guide.id}?depth=0`
    const words = await rest(t, editor, 'PATCH', path, {
      ...body('You get unpaid holiday.'),
      _status: 'published',
    })
    expect([words.status, messageOf(words)]).toEqual([
      403,
      expect.stringContaining('published version: body.'),
    ])
    const bold = await rest(t, editor, 'PATCH', path, {
      ...body('You get **paid** holiday.'),
      _status: 'published',
    })
    expect(bold.status).toBe(200)
    expect(JSON.stringify((await publicDoc(t, 'guides', guide.id)).body)).toContain('"format":1')
  })

  it('publishes a new guide only in a version a reviewer approved, saying what is missing', async () => {
    const created = await rest(t, editor, 'POST', '/api/guides?draft=true&depth=0', {
      title: 'A new guide',
      slug: 'a-new-guide',
      summary: 'New rights.',
      nations: ['scotland'],
      ...body('What you get.'),
    })
    expect(created.status).toBe(201)
    const id = (created.body.doc as { id: number }).id
    const publish = () => rest(t, editor, 'PATCH', `/api/guides/${id}`, { _status: 'published' })
    const early = await publish()
    expect([early.status, messageOf(early)]).toEqual([
      403,
      `${REVIEW_REQUIRED_MESSAGE} It is not published yet, so all its legal text needs a reviewer’s approval. Press "Request review" and publish once a reviewer approves this version.`,
    ])
    expect((await rest(t, null, 'GET', `/api/guides/${id}`)).status).toBe(404)
    expect((await reviewAction(t, editor, 'guides', id, 'request')).status).toBe(200)
    expect((await reviewAction(t, reviewer, 'guides', id, 'approve')).status).toBe(200)
    await rest(t, editor, 'PATCH', `/api/guides/${id}?draft=true`, { summary: 'Newer rights.' })
    const edited = await publish()
    expect([edited.status, messageOf(edited)]).toEqual([
      403,
      `${REVIEW_REQUIRED_MESSAGE} It is not published yet, so all its legal text needs a reviewer’s approval. The version a reviewer approved has been edited since. Press "Request review" and publish once a reviewer approves this version.`,
    ])
    expect((await reviewAction(t, reviewer, 'guides', id, 'approve')).status).toBe(200)
    expect((await publish()).status).toBe(200)
    expect((await publicDoc(t, 'guides', id)).summary).toBe('Newer rights.')
  })
})

describe('which fields need a review', () => {
  const guideCases: [string, Record<string, unknown>, number | string][] = [
    [
      'the same key facts sent again without row ids',
      { keyFacts: [{ fact: '28 days.' }, { fact: 'Paid.' }] },
      200,
    ],
    ['a key fact removed', { keyFacts: [{ fact: '28 days.' }] }, 'key facts'],
    ['a nation removed', { nations: ['scotland'] }, 'nations'],
    ['a source link changed', { sources: [{ title: 'GOV.UK', url: 'https://www.gov.uk/other' }] }, 'sources'],
    ['a step reworded', { steps: [{ title: 'Ask', body: richText('Ask out loud.') }] }, 'steps'],
    ['search words', { alsoSearchedAs: ['time off'] }, 200],
  ]
  const letterCases: [string, Record<string, unknown>, number | string][] = [
    ['the subject', { subject: 'Other' }, 'subject'],
    ['a placeholder label', { placeholders: [{ key: 'employer_name', label: 'Boss' }] }, 'placeholders'],
    ['the guidance', { guidance: 'Send it soon.' }, 'guidance'],
    ['the kind', { kind: 'email' }, 200],
  ]

  it.each(guideCases)('guides: %s', async (_, change, expected) => {
    const guide = await make.guide(payload, {
      keyFacts: [{ fact: '28 days.' }, { fact: 'Paid.' }],
      sources: [{ title: 'GOV.UK', url: 'https://www.gov.uk/holiday-entitlement-rights' }],
      steps: [{ title: 'Ask', body: richText('Ask in writing.') }],
    })
    const answer = await rest(t, editor, 'PATCH', `/api/guides/${guide.id}`, {
      ...change,
      _status: 'published',
    })
    if (expected === 200) expect(answer.status).toBe(200)
    else
      expect([answer.status, messageOf(answer)]).toEqual([
        403,
        expect.stringContaining(`version: ${expected}.`),
      ])
  })

  it.each(letterCases)('templates: %s', async (_, change, expected) => {
    const letter = await make.template(payload, { subject: 'Holiday request' })
    const answer = await rest(t, editor, 'PATCH', `/api/templates/${letter.id}`, {
      ...change,
      _status: 'published',
    })
    if (expected === 200) expect(answer.status).toBe(200)
    else
      expect([answer.status, messageOf(answer)]).toEqual([
        403,
        expect.stringContaining(`version: ${expected}.`),
      ])
  })
})
