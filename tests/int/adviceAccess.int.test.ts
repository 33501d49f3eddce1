/**
 * Who may do what with questions to advisers, through the Local API with access enforced: the
 * collection × operation × role matrix (anonymous, member, editor, reviewer, organiser, the
 * assigned adviser, another adviser, admin); what advisers never see (who asked, the email, the
 * token's hash); an adviser claiming, replying and closing in the admin; and the retention job.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anonymiseClosedQuestions } from '../../cms/advice/retention'
import type { Question } from '../../content-models/payload-types'
import { make, staffUsers, type RoleUsers } from '../helpers/factories'
import { startHarness, type Harness } from '../helpers/harness'

let t: Harness
let payload: Payload
type Actor = { id: number | string; collection: string } | undefined
let actors: Record<string, Actor>
let staff: RoleUsers
let member: { id: number }
let open: Question
let mine: Question

const adviser = async (name: string) => ({
  ...(await payload.create({
    collection: 'users',
    overrideAccess: true,
    data: { email: `${name}@example.org`, password: 'a-long-test-password', roles: ['adviser'], name },
  })),
  collection: 'users' as const,
})

const question = (data: Partial<Question> = {}) =>
  payload.create({
    collection: 'questions',
    overrideAccess: true,
    data: {
      summary: 'Holiday pay',
      whatHappened: 'My holiday pay is wrong.',
      nation: 'england-wales',
      employmentStatus: 'worker',
      state: 'open',
      entries: [{ from: 'asker', body: 'My holiday pay is wrong.', at: new Date().toISOString() }],
      notifyEmail: 'asker@example.org',
      replyTokenHash: 'a'.repeat(64),
      asker: member.id,
      ...data,
    },
  }) as Promise<Question>

/** 'yes' when the operation went through, 'no' when access refused it (403 or not found). */
const attempt = async (run: () => Promise<unknown>): Promise<'yes' | 'no'> => {
  try {
    await run()
    return 'yes'
  } catch (e) {
    const status = (e as { status?: number }).status
    if (status === 403 || status === 404) return 'no'
    throw e
  }
}

beforeAll(async () => {
  t = await startHarness()
  payload = t.payload
  staff = await staffUsers(payload)
  member = await make.member(payload, { state: 'confirmed' })
  const assigned = await adviser('Asha')
  actors = {
    anonymous: undefined,
    member: { ...member, collection: 'members' },
    editor: staff.editor,
    reviewer: staff.reviewer,
    organiser: staff.organiser,
    'assigned adviser': assigned,
    'other adviser': await adviser('Ben'),
    admin: staff.admin,
  }
  open = await question()
  mine = await question({ state: 'claimed', adviser: assigned.id, summary: 'Sick pay' })
})
afterAll(async () => t?.close())

const as = (name: string) => ({ overrideAccess: false, user: actors[name] }) as const

describe('the questions access matrix', () => {
  const LIST: Record<string, string[] | 'no'> = {
    anonymous: 'no',
    member: 'no',
    editor: 'no',
    reviewer: 'no',
    organiser: 'no',
    'assigned adviser': ['Holiday pay', 'Sick pay'],
    'other adviser': ['Holiday pay'],
    admin: ['Holiday pay', 'Sick pay'],
  }
  it.each(Object.entries(LIST))('%s lists %j', async (name, expected) => {
    let seen: string[] | 'no' = 'no'
    await attempt(async () => {
      const { docs } = await payload.find({ collection: 'questions', sort: 'createdAt', ...as(name) })
      seen = docs.map((d) => d.summary ?? '')
    })
    expect(seen).toEqual(expected)
  })

  const ROWS: [string, string, string, string, string, string][] = [
    // who, read open, read claimed by the assigned adviser, update open, update claimed, delete
    ['anonymous', 'no', 'no', 'no', 'no', 'no'],
    ['member', 'no', 'no', 'no', 'no', 'no'],
    ['editor', 'no', 'no', 'no', 'no', 'no'],
    ['reviewer', 'no', 'no', 'no', 'no', 'no'],
    ['organiser', 'no', 'no', 'no', 'no', 'no'],
    ['assigned adviser', 'yes', 'yes', 'yes', 'yes', 'no'],
    ['other adviser', 'yes', 'no', 'yes', 'no', 'no'],
    ['admin', 'yes', 'yes', 'yes', 'yes', 'yes'],
  ]
  it.each(ROWS)(
    '%s: read open %s, read claimed %s, update open %s, update claimed %s, delete %s',
    async (name, ...want) => {
      const o = as(name)
      const got = [
        await attempt(() => payload.findByID({ collection: 'questions', id: open.id, ...o })),
        await attempt(() => payload.findByID({ collection: 'questions', id: mine.id, ...o })),
        // An empty save: it changes nothing but needs update access.
        await attempt(() => payload.update({ collection: 'questions', id: open.id, data: {}, ...o })),
        await attempt(() => payload.update({ collection: 'questions', id: mine.id, data: {}, ...o })),
        await attempt(async () => {
          const spare = await question({ summary: 'Spare' })
          try {
            await payload.delete({ collection: 'questions', id: spare.id, ...o })
          } finally {
            await payload.delete({
              collection: 'questions',
              where: { summary: { equals: 'Spare' } },
              overrideAccess: true,
            })
          }
        }),
      ]
      expect(got).toEqual(want)
    },
  )

  it.each(Object.keys(LIST))(
    '%s cannot create a question through the API (only our endpoints do)',
    async (name) => {
      const data = {
        whatHappened: 'x',
        nation: 'scotland',
        employmentStatus: 'worker',
        state: 'open',
      } as const
      expect(await attempt(() => payload.create({ collection: 'questions', data, ...as(name) }))).toBe('no')
    },
  )

  it('advisers never see who asked, the email address or the token hash; admins see who asked', async () => {
    const seen = await payload.findByID({ collection: 'questions', id: mine.id, ...as('assigned adviser') })
    expect(seen).not.toHaveProperty('asker')
    expect(seen).not.toHaveProperty('notifyEmail')
    expect(seen).not.toHaveProperty('replyTokenHash')
    const byAdmin = await payload.findByID({ collection: 'questions', id: mine.id, depth: 0, ...as('admin') })
    expect(byAdmin.asker).toBe(member.id)
    expect(byAdmin).not.toHaveProperty('notifyEmail')
  })
})

describe('an adviser at work', () => {
  it('Ben claims an open question, cannot rewrite it or hand it on, replies with a guide, and closes it', async () => {
    const q = await question({ summary: 'Unpaid overtime' })
    const guide = await make.guide(payload, { title: 'Overtime', slug: 'overtime', _status: 'published' })
    const claimed = await payload.update({
      collection: 'questions',
      id: q.id,
      data: { state: 'claimed', whatHappened: 'Rewritten', adviser: (actors.admin as { id: number }).id },
      ...as('other adviser'),
    })
    expect(claimed).toMatchObject({ state: 'claimed', whatHappened: 'My holiday pay is wrong.' })
    expect((claimed.adviser as { id: number }).id).toBe((actors['other adviser'] as { id: number }).id)
    expect(claimed.claimedAt).toEqual(expect.any(String))
    expect(
      await attempt(() => payload.findByID({ collection: 'questions', id: q.id, ...as('assigned adviser') })),
    ).toBe('no')

    const replied = await payload.update({
      collection: 'questions',
      id: q.id,
      data: {
        reply: '  You should be paid at least the minimum wage for every hour.  ',
        replyAttachments: [{ relationTo: 'guides', value: guide.id }],
      },
      ...as('other adviser'),
    })
    expect(replied.state).toBe('answered')
    expect(replied.reply).toBeNull()
    expect(replied.entries).toHaveLength(2)
    expect(replied.entries?.[1]).toMatchObject({
      from: 'adviser',
      body: 'You should be paid at least the minimum wage for every hour.',
    })
    const stored = await payload.findByID({
      collection: 'questions',
      id: q.id,
      overrideAccess: true,
      showHiddenFields: true,
      depth: 0,
    })
    expect(stored.notifyDueAt).toEqual(expect.any(String))
    expect(stored.entries?.[1].attachments).toEqual([{ relationTo: 'guides', value: guide.id }])

    const closed = await payload.update({
      collection: 'questions',
      id: q.id,
      data: { state: 'closed' },
      ...as('other adviser'),
    })
    expect(closed.closedAt).toEqual(expect.any(String))
  })
})

describe('retention', () => {
  it('anonymises questions closed more than 12 months ago, and not before', async () => {
    const now = new Date('2027-12-07T03:00:00.000Z')
    await payload.delete({
      collection: 'questions',
      where: { state: { equals: 'closed' } },
      overrideAccess: true,
    })
    const old = await question({ summary: 'Old', state: 'closed', closedAt: '2026-12-06T03:00:00.000Z' })
    const recent = await question({
      summary: 'Recent',
      state: 'closed',
      closedAt: '2026-12-08T03:00:00.000Z',
    })
    const stillOpen = await question({ summary: 'Old but open' })
    expect(await anonymiseClosedQuestions(payload, now, 12)).toBe(1)
    const read = (id: number) =>
      payload.findByID({
        collection: 'questions',
        id,
        overrideAccess: true,
        showHiddenFields: true,
        depth: 0,
      })
    const gone = await read(old.id)
    expect(gone).toMatchObject({
      summary: null,
      whatHappened: null,
      entries: [],
      asker: null,
      notifyEmail: null,
      replyTokenHash: null,
      state: 'closed',
      nation: 'england-wales',
      employmentStatus: 'worker',
      closedAt: '2026-12-06T03:00:00.000Z',
      anonymisedAt: now.toISOString(),
    })
    expect(JSON.stringify(gone)).not.toContain('holiday pay')
    expect(await read(recent.id)).toMatchObject({ summary: 'Recent', anonymisedAt: null })
    expect(await read(stillOpen.id)).toMatchObject({ summary: 'Old but open', anonymisedAt: null })
    expect(await anonymiseClosedQuestions(payload, now, 12)).toBe(0)
  })
})
