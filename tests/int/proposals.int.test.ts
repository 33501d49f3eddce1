/**
 * Petitions started by members: Rosa proposes one from My account (the API the island calls, with
 * her session cookie); it needs 5 other members through its private link before editors see it;
 * an editor approves it (the petition exists, open, and a site build is queued); she is told by an
 * email with no text of the proposal; erasing her account takes the proposal and her name away.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
  process.env.SITE_URL = 'http://site.test'
  process.env.RATE_LIMIT_PROPOSE = '4/3600'
})

import { sendProposalDecisions } from '../../cms/campaigns/proposals/notify'
import { make } from '../helpers/factories'
import { startHarness, type ServedHarness } from '../helpers/harness'
import { call } from './accountClient'
import { PROPOSAL, proposalsClient } from './proposalsClient'

let t: ServedHarness
let member: ReturnType<typeof proposalsClient>['member']
let propose: ReturnType<typeof proposalsClient>['propose']
let supportAs: ReturnType<typeof proposalsClient>['supportAs']
let stored: ReturnType<typeof proposalsClient>['stored']
let fiveSupporters: ReturnType<typeof proposalsClient>['fiveSupporters']
let editor: Awaited<ReturnType<typeof make.user>> & { collection: 'users' }

beforeAll(async () => {
  t = await startHarness({ withServer: true })
  ;({ member, propose, supportAs, stored, fiveSupporters } = proposalsClient(t))
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
    // Through the registered task, as the CMS's job runner does every minute.
    await t.payload.jobs.queue({ task: 'sendProposalDecisions', queue: 'proposals', input: {} })
    await t.payload.jobs.run({ queue: 'proposals' })
    expect(
      (await t.outbox()).filter((m) => m.subject === 'Your petition proposal was approved'),
    ).toHaveLength(1)
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

  it('a member proposes an open letter: approved, it opens as an open letter with her words as its letter', async () => {
    const ana = await member('Ana')
    const { id, token } = await propose(ana, {
      ...PROPOSAL,
      kind: 'open-letter',
      title: 'Safe staffing on the night shift at Leeds',
    })
    await fiveSupporters(token)
    const decided = await t.payload.update({
      collection: 'petition-proposals',
      id,
      data: { state: 'approved' },
      user: editor,
      overrideAccess: false,
      depth: 0,
    })
    const letter = await t.payload.findByID({
      collection: 'petitions',
      id: decided.petition as number,
      overrideAccess: true,
    })
    expect(letter.kind).toBe('open-letter')
    expect(JSON.stringify(letter.letter)).toContain(`To ${PROPOSAL.addressedTo},`)
    expect(JSON.stringify(letter.letter)).toContain(PROPOSAL.ask)
    const mine = await call(t, ana.cookie, 'GET', '/account/proposals')
    expect(mine.json.proposals).toMatchObject([
      { kind: 'open-letter', petitionUrl: '/open-letters/safe-staffing-on-the-night-shift-at-leeds/' },
    ])
    const bad = await call(t, ana.cookie, 'POST', '/account/proposals', { ...PROPOSAL, kind: 'leaflet' })
    expect(bad.status).toBe(422)
    expect(bad.text).toContain('kind')
  })
})
