/**
 * Editors' other decisions on members' petition proposals: rejecting needs a reason from the list
 * and is never public; asking for changes needs a note, and the proposer resubmits. Bad input is
 * 422 naming each field, with nothing stored; proposing is rate-limited per member.
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
import { call } from './accountClient'
import { PROPOSAL, proposalsClient } from './proposalsClient'

let t: ServedHarness
let member: ReturnType<typeof proposalsClient>['member']
let propose: ReturnType<typeof proposalsClient>['propose']
let stored: ReturnType<typeof proposalsClient>['stored']
let fiveSupporters: ReturnType<typeof proposalsClient>['fiveSupporters']
let editor: Awaited<ReturnType<typeof make.user>> & { collection: 'users' }

beforeAll(async () => {
  t = await startHarness({ withServer: true })
  ;({ member, propose, stored, fiveSupporters } = proposalsClient(t))
  editor = { ...(await make.user(t.payload, ['editor'])), collection: 'users' as const }
})
afterAll(async () => {
  await t?.close()
})

describe('editors decide, and bad input', () => {
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
    expect(held).toMatchObject([{ id: p.id, kind: 'petition', state: 'in-review', supporterCount: 5 }])
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
