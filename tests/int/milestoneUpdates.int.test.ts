/**
 * Supporters are told when a milestone is reached: the count roll-up writes and queues one update
 * for the highest milestone the signatures have just crossed, sent like any update to the signers
 * who asked for updates (and nobody else); never twice (a second roll-up, or one after a crash
 * that left the update written but the milestone unrecorded); not for a milestone an editor adds
 * below the count; not when the campaign's editors turned it off. Real Payload, SQLite, outbox.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
})

import { rollUpCounts } from '../../cms/campaigns/counts'
import { sendUpdate } from '../../cms/campaigns/updates/send'
import { milestoneKey } from '../../cms/campaigns/updates/milestoneUpdates'
import { seedSigners } from '../../scripts/bench/updates/seed'
import { make } from '../helpers/factories'
import { startHarness, type Harness } from '../helpers/harness'

let t: Harness

beforeAll(async () => {
  t = await startHarness()
})
afterAll(async () => t?.close())

const updatesOf = async (petition: number) =>
  (
    await t.payload.find({
      collection: 'supporter-updates',
      where: { petition: { equals: petition } },
      overrideAccess: true,
      sort: 'createdAt',
      depth: 0,
    })
  ).docs

const milestones = [
  { count: 5, whatHappens: 'The organiser asks the directors for a meeting' },
  { count: 10, whatHappens: 'We hand it in at head office' },
]

describe('milestone updates', () => {
  it('tells the supporters who opted in, once, what happens now and what comes next', async () => {
    const p = await make.petition(t.payload, { title: 'Fair rotas at Quickdrop', milestones })
    const keen = await seedSigners(t.payload, p.id, 7, `ms${p.id}-keen`)
    await seedSigners(t.payload, p.id, 3, `ms${p.id}-quiet`, { consentUpdates: false })
    await rollUpCounts(t.payload)
    await rollUpCounts(t.payload)

    // 10 signers crossed 5 and 10 at once: one update, for the higher one.
    const updates = await updatesOf(p.id)
    expect(updates.map((u) => [u.milestoneKey, u.state])).toEqual([[milestoneKey(p.id, 10), 'queued']])
    expect(updates[0].subject).toBe('10 people have signed: Fair rotas at Quickdrop')
    const stored = await t.payload.findByID({ collection: 'petitions', id: p.id, overrideAccess: true })
    expect(Object.keys(stored.milestonesReached as object).sort()).toEqual(['10', '5'])
    // Queued for the jobs runner's next turn, not the next minute's schedule.
    const jobs = await t.payload.count({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'sendSupporterUpdates' } },
      overrideAccess: true,
    })
    expect(jobs.totalDocs).toBe(1)

    expect(await sendUpdate(t.payload, updates[0].id, { perSecond: 0 })).toMatchObject({ sent: 7 })
    const got = (await t.outbox()).filter((m) => m.subject === updates[0].subject)
    expect(
      got
        .map((m) => m.to)
        .flat()
        .sort(),
    ).toEqual([...keen].sort())
    expect(got[0].text).toContain('What happens now: We hand it in at head office.')
    expect(got[0].text).toContain('You signed the petition "Fair rotas at Quickdrop"')
    expect(got[0].listUnsubscribe?.post).toBe('List-Unsubscribe=One-Click')
  })

  it('names the next step, and is not written twice after a crash between writing and recording', async () => {
    const p = await make.petition(t.payload, {
      title: 'Safe staffing',
      milestones,
      kind: 'open-letter',
      letter: letter(),
    })
    await seedSigners(t.payload, p.id, 6, `ms${p.id}-a`)
    // A roll-up that wrote the update and died before recording the milestone: the next one finishes.
    const { queueMilestoneUpdates } = await import('../../cms/campaigns/updates/milestoneUpdates')
    await queueMilestoneUpdates(t.payload, { ...p, title: 'Safe staffing' }, [milestones[0]], milestones)
    await rollUpCounts(t.payload)
    const updates = await updatesOf(p.id)
    expect(updates.map((u) => u.milestoneKey)).toEqual([milestoneKey(p.id, 5)])
    expect(updates[0].body).toContain('people have now signed the open letter "Safe staffing"')
    expect(updates[0].body).toContain('The next step is at 10 signatures: We hand it in at head office.')
    const stored = await t.payload.findByID({ collection: 'petitions', id: p.id, overrideAccess: true })
    expect(Object.keys(stored.milestonesReached as object)).toEqual(['5'])
  })

  it('sends nothing for a milestone added below the count, or when editors turned it off', async () => {
    const p = await make.petition(t.payload, { milestones: [] })
    await seedSigners(t.payload, p.id, 6, `ms${p.id}-b`)
    await rollUpCounts(t.payload)
    await t.payload.update({ collection: 'petitions', id: p.id, data: { milestones }, overrideAccess: true })
    await rollUpCounts(t.payload)
    const stored = await t.payload.findByID({ collection: 'petitions', id: p.id, overrideAccess: true })
    expect(Object.keys(stored.milestonesReached as object)).toEqual(['5'])
    expect(await updatesOf(p.id)).toEqual([])

    const off = await make.petition(t.payload, { milestones, tellSupportersAtMilestones: false })
    await seedSigners(t.payload, off.id, 6, `ms${off.id}-c`)
    await rollUpCounts(t.payload)
    expect(await updatesOf(off.id)).toEqual([])
  })
})

const letter = () => ({
  root: {
    type: 'root',
    format: '' as const,
    indent: 0,
    version: 1,
    direction: null,
    children: [
      {
        type: 'paragraph',
        version: 1,
        children: [{ type: 'text', text: 'Dear board, we ask for safe staffing.', version: 1 }],
      },
    ],
  },
})
