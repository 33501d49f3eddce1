/**
 * Petitions started by members: Rosa proposes one from My account (the API the island calls, with
 * her session cookie); it needs 5 other members through its private link before editors see it;
 * an editor approves (the petition exists, open, and a site build is queued), rejects with a
 * reason (never public) or asks for changes; the proposer is told by an email with no text of the
 * proposal. Bad input is 422 naming each field, with nothing stored.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
  process.env.SITE_URL = 'http://site.test'
  process.env.RATE_LIMIT_PROPOSE = '4/3600'
})

import { proposalRecordsOf } from '../../cms/campaigns/proposals/held'
import { sendProposalDecisions } from '../../cms/campaigns/proposals/notify'
import { exportSnapshot } from '../../cms/publish/exportSnapshot'
import { make } from '../helpers/factories'
import { startHarness, type ServedHarness } from '../helpers/harness'
import { anotherSession, call } from './accountClient'

let t: ServedHarness
let n = 0

/** A confirmed member with a session: their id and cookie. */
const member = async (name: string) => {
  const email = `${name.toLowerCase()}.${++n}@example.org`
  const m = await make.member(t.payload, {
    firstName: name,
    email,
    emailCanonical: email,
    state: 'confirmed',
    confirmedAt: new Date().toISOString(),
  })
  return { id: m.id, cookie: await anotherSession(t.payload, m.id) }
}

const PROPOSAL = {
  title: 'Fair breaks at Quickdrop Leeds depot',
  ask: 'Give every driver a paid 30-minute break on shifts over six hours.',
  addressedTo: 'The directors of Quickdrop Ltd',
  why: 'Drivers are skipping lunch to hit delivery targets, and it is not safe.',
  showCreatorName: true,
}

/** Proposes as `who`; the proposal's id and its private link's token. */
const propose = async (who: { cookie: string }, data: Record<string, unknown> = PROPOSAL) => {
  const res = await call(t, who.cookie, 'POST', '/account/proposals', data)
  expect(res.status, res.text).toBe(201)
  const supportUrl = String(res.json.supportUrl)
  return { id: (res.json.proposal as { id: number }).id, token: supportUrl.split('#')[1] }
}

const supportAs = (who: { cookie: string }, token: string) =>
  call(t, who.cookie, 'POST', '/account/proposals/support', { token })

const stored = (id: number) =>
  t.payload.findByID({
    collection: 'petition-proposals',
    id,
    overrideAccess: true,
    showHiddenFields: true,
    depth: 0,
  })

/** Five members who support the proposal, after which it is in review. */
/** Five members who support the proposal all at once; after that it is in review with exactly 5. */
const fiveSupporters = async (token: string) => {
  const five = await Promise.all([0, 1, 2, 3, 4].map((i) => member(`Co${i}`)))
  const answers = await Promise.all(five.map((m) => supportAs(m, token)))
  expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201])
}

let editor: Awaited<ReturnType<typeof make.user>> & { collection: 'users' }

beforeAll(async () => {
  t = await startHarness({ withServer: true })
  editor = { ...(await make.user(t.payload, ['editor'])), collection: 'users' as const }
})
afterAll(async () => {
  await t?.close()
})

describe('a member proposes a petition', () => {
  it('Rosa proposes; 4 supporters are not enough, she and a repeat supporter do not count, the 5th moves it to review; an editor approves and the petition opens', async () => {
    const rosa = await member('Rosa')
    const { id, token } = await propose(rosa)
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const row = await stored(id)
    expect(row).toMatchObject({ state: 'collecting', proposer: rosa.id, supporterCount: 0 })
    expect(row.supportTokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(row)).not.toContain(token)

    // The supporter's page reads the words, never who proposed it.
    const co = await member('Sam')
    const read = await call(t, co.cookie, 'POST', '/account/proposals/support/read', { token })
    expect(read.status).toBe(200)
    expect(read.json.proposal).toMatchObject({
      title: PROPOSAL.title,
      supporterCount: 0,
      supportersNeeded: 5,
    })
    expect(JSON.stringify(read.json)).not.toMatch(/rosa|proposer/i)
    expect((await call(t, null, 'POST', '/account/proposals/support/read', { token })).status).toBe(401)
    expect(
      (await call(t, co.cookie, 'POST', '/account/proposals/support', { token: 'x'.repeat(43) })).status,
    ).toBe(404)

    expect((await supportAs(rosa, token)).json.status).toBe('own')
    expect((await supportAs(co, token)).status).toBe(201)
    expect((await supportAs(co, token)).json.status).toBe('already')
    for (let i = 0; i < 3; i++) await supportAs(await member(`Co${i}`), token)
    expect(await stored(id)).toMatchObject({ state: 'collecting', supporterCount: 4 })
    const fifth = await supportAs(await member('Five'), token)
    expect(fifth.json).toMatchObject({
      status: 'supported',
      proposal: { state: 'in-review', supporterCount: 5 },
    })
    expect((await supportAs(await member('Six'), token)).json.status).toBe('closed')
    expect(await stored(id)).toMatchObject({ state: 'in-review', supporterCount: 5 })

    const decided = await t.payload.update({
      collection: 'petition-proposals',
      id,
      data: { state: 'approved' },
      user: editor,
      overrideAccess: false,
      depth: 0,
    })
    expect(decided).toMatchObject({ state: 'approved', editor: editor.id })
    const petition = await t.payload.findByID({
      collection: 'petitions',
      id: decided.petition as number,
      overrideAccess: true,
    })
    expect(petition).toMatchObject({
      title: PROPOSAL.title,
      slug: 'fair-breaks-at-quickdrop-leeds-depot',
      state: 'open',
      addressedTo: PROPOSAL.addressedTo,
      whatWeWant: PROPOSAL.ask,
    })
    expect(JSON.stringify(petition.why)).toContain('Started by Rosa, a member of Better Work.')
    const queued = await t.payload.find({
      collection: 'site-builds',
      where: { status: { equals: 'queued' } },
      overrideAccess: true,
    })
    expect(queued.docs.map((b) => b.reason).join(' ')).toContain(
      'petitions/fair-breaks-at-quickdrop-leeds-depot',
    )

    // Rosa is told, with no words of the proposal; she sees the petition's address in My account.
    expect(await sendProposalDecisions(t.payload)).toBe(1)
    expect(await sendProposalDecisions(t.payload)).toBe(0)
    const mail = (await t.outbox()).at(-1)!
    expect(mail.subject).toBe('Your petition proposal was approved')
    expect(mail.text).not.toContain('Quickdrop')
    expect(mail.text).toContain('http://site.test/account/#proposals')
    const mine = await call(t, rosa.cookie, 'GET', '/account/proposals')
    expect(mine.json.proposals).toMatchObject([
      { id, state: 'approved', petitionUrl: '/petitions/fair-breaks-at-quickdrop-leeds-depot/' },
    ])

    // Rosa erases her account: her proposal goes, and her name comes off the petition (which stays).
    expect((await call(t, rosa.cookie, 'POST', '/account/erase', { confirm: true })).status).toBe(200)
    expect(
      (
        await t.payload.count({
          collection: 'petition-proposals',
          where: { id: { equals: id } },
          overrideAccess: true,
        })
      ).totalDocs,
    ).toBe(0)
    const after = await t.payload.findByID({ collection: 'petitions', id: petition.id, overrideAccess: true })
    expect(JSON.stringify(after.why)).not.toContain('Rosa')
    expect(JSON.stringify(after.why)).toContain('Drivers are skipping lunch')
  })

  it('a rejected proposal needs a reason from the list and is never public', async () => {
    const p = await propose(await member('Lee'), { ...PROPOSAL, title: 'Sack the manager at Quickdrop Hull' })
    await fiveSupporters(p.token)
    expect(await stored(p.id)).toMatchObject({ state: 'in-review', supporterCount: 5 })
    expect((await stored(p.id)).supporters).toHaveLength(5)
    const decide = (data: Record<string, unknown>) =>
      t.payload.update({
        collection: 'petition-proposals',
        id: p.id,
        data,
        user: editor,
        overrideAccess: false,
      })
    await expect(decide({ state: 'rejected' })).rejects.toMatchObject({
      data: { errors: [{ path: 'rejectionReason', message: expect.stringMatching(/reason/) }] },
    })
    await expect(decide({ state: 'changes-requested' })).rejects.toMatchObject({
      data: { errors: [{ path: 'decisionNote' }] },
    })
    expect(await stored(p.id)).toMatchObject({ state: 'in-review' })
    await decide({ state: 'rejected', rejectionReason: 'names-people', decisionNote: 'Names a person.' })
    // Decided is final: it cannot be approved afterwards.
    await expect(decide({ state: 'approved' })).rejects.toThrow()
    expect((await stored(p.id)).petition ?? null).toBeNull()
    const api = await (await fetch(`${t.api}/petitions?limit=100`)).text()
    expect(api).not.toContain('Hull')
    const dir = path.join(t.dir, 'snap')
    await exportSnapshot(t.payload, dir)
    expect(await readFile(path.join(dir, 'petitions.json'), 'utf8')).not.toContain('Hull')
    await sendProposalDecisions(t.payload)
    const mail = (await t.outbox()).at(-1)!
    expect(mail.subject).toBe('Your petition proposal was not accepted')
    expect(mail.text).not.toContain('Hull')
  })

  it('changes requested: the proposer resubmits new words and it is back in review', async () => {
    const kim = await member('Kim')
    const p = await propose(kim, { ...PROPOSAL, title: 'Lockers for night staff at Ward 9' })
    expect((await call(t, kim.cookie, 'PATCH', `/account/proposals/${p.id}`, PROPOSAL)).status).toBe(409)
    await fiveSupporters(p.token)
    await t.payload.update({
      collection: 'petition-proposals',
      id: p.id,
      data: { state: 'changes-requested', decisionNote: 'Say which hospital.' },
      user: editor,
      overrideAccess: false,
    })
    const mine = await call(t, kim.cookie, 'GET', `/account/proposals/${p.id}`)
    expect(mine.json.proposal).toMatchObject({
      state: 'changes-requested',
      decisionNote: 'Say which hospital.',
    })
    const again = await call(t, kim.cookie, 'PATCH', `/account/proposals/${p.id}`, {
      ...PROPOSAL,
      title: 'Lockers for night staff at St Mary’s Ward 9',
    })
    expect(again.status).toBe(200)
    expect(await stored(p.id)).toMatchObject({
      state: 'in-review',
      title: 'Lockers for night staff at St Mary’s Ward 9',
    })
    // What we hold about Kim lists it, without the link's hash or the supporters.
    const held = await proposalRecordsOf(t.payload, kim.id)
    expect(held).toMatchObject([{ id: p.id, state: 'in-review', supporterCount: 5 }])
    expect(JSON.stringify(held)).not.toMatch(/supportTokenHash|supporters"/)
    // Someone else's proposal is not found, as a missing one.
    expect((await call(t, (await member('Other')).cookie, 'GET', `/account/proposals/${p.id}`)).status).toBe(
      404,
    )
  })

  it('bad input is 422 naming each field, nothing stored; signed out is 401; a 5th proposal in an hour is 429', async () => {
    const ana = await member('Ana')
    const count = async () =>
      (await t.payload.count({ collection: 'petition-proposals', overrideAccess: true })).totalDocs
    const before = await count()
    const bad = await call(t, ana.cookie, 'POST', '/account/proposals', {
      title: 'Hi',
      ask: '',
      why: 'x'.repeat(4000),
    })
    expect(bad.status).toBe(422)
    expect(Object.keys(bad.json.errors as object).sort()).toEqual(['addressedTo', 'ask', 'title', 'why'])
    expect((await call(t, null, 'POST', '/account/proposals', PROPOSAL)).status).toBe(401)
    expect((await call(t, ana.cookie, 'POST', '/account/proposals/support', { token: '' })).status).toBe(422)
    expect(await count()).toBe(before)
    for (let i = 0; i < 4; i++) await propose(ana, { ...PROPOSAL, title: `${PROPOSAL.title} ${i}` })
    const fifth = await call(t, ana.cookie, 'POST', '/account/proposals', PROPOSAL)
    expect(fifth.status).toBe(429)
    expect(fifth.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(await count()).toBe(before + 4)
  })
})
