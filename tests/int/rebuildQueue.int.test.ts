import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { REBUILD_TASK } from '../../cms/jobs/rebuild/settings'
import { make } from '../helpers/factories'
import { startHarness, type Harness } from '../helpers/harness'

let t: Harness

/** Rebuild jobs still to run (a superseded one is deleted by Payload). */
const waitingJobs = async (payload: Payload) =>
  (
    await payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: REBUILD_TASK } }, { completedAt: { exists: false } }] },
      limit: 0,
      overrideAccess: true,
    })
  ).docs

const buildRecords = async (payload: Payload, status: string) =>
  (
    await payload.find({
      collection: 'site-builds',
      where: { status: { equals: status } },
      limit: 0,
      overrideAccess: true,
    })
  ).docs

beforeAll(async () => {
  t = await startHarness()
})
afterAll(async () => t?.close())
beforeEach(async () => {
  await t.payload.delete({
    collection: 'payload-jobs',
    where: { id: { exists: true } },
    overrideAccess: true,
  })
  await t.payload.delete({ collection: 'site-builds', where: { id: { exists: true } }, overrideAccess: true })
})

describe('queueing site builds', () => {
  it('publishing a guide queues one build, naming the guide', async () => {
    await make.guide(t.payload, { slug: 'holiday-pay' })
    const jobs = await waitingJobs(t.payload)
    expect(jobs).toHaveLength(1)
    const [record] = await buildRecords(t.payload, 'queued')
    expect(record?.reason).toBe('guides/holiday-pay published')
    expect(record?.trigger).toBe('publish')
    expect((jobs[0]!.input as { siteBuild: string }).siteBuild).toBe(String(record!.id))
    // The debounce holds the build back so more edits can join it.
    expect(Date.parse(jobs[0]!.waitUntil as string)).toBeGreaterThan(Date.now())
  })

  it('five rapid publishes queue one build that names all five', async () => {
    for (let i = 0; i < 5; i++) await make.guide(t.payload, { slug: `rapid-${i}` })
    expect(await waitingJobs(t.payload)).toHaveLength(1)
    const queued = await buildRecords(t.payload, 'queued')
    expect(queued).toHaveLength(1)
    expect(queued[0]!.reason).toBe([0, 1, 2, 3, 4].map((i) => `guides/rapid-${i} published`).join('; '))
  })

  it('an autosaved draft, a saved draft and a new draft queue nothing', async () => {
    const guide = await make.guide(t.payload, { slug: 'autosaved' })
    await t.payload.delete({
      collection: 'payload-jobs',
      where: { id: { exists: true } },
      overrideAccess: true,
    })
    await t.payload.delete({
      collection: 'site-builds',
      where: { id: { exists: true } },
      overrideAccess: true,
    })
    await t.payload.update({
      collection: 'guides',
      id: guide.id,
      draft: true,
      autosave: true,
      data: { title: 'Typing…', _status: 'draft' },
      overrideAccess: true,
    })
    await t.payload.update({
      collection: 'guides',
      id: guide.id,
      draft: true,
      data: { title: 'Saved draft', _status: 'draft' },
      overrideAccess: true,
    })
    await make.guide(t.payload, { slug: 'never-published', _status: 'draft' })
    await make.template(t.payload, { slug: 'draft-letter', _status: 'draft' })
    expect(await waitingJobs(t.payload)).toHaveLength(0)
    expect(await buildRecords(t.payload, 'queued')).toHaveLength(0)
  })

  it('unpublishing, deleting and editing a published document each queue a build', async () => {
    const guide = await make.guide(t.payload, { slug: 'to-unpublish' })
    const union = await make.union(t.payload, { slug: 'test-union' })
    await t.payload.delete({
      collection: 'site-builds',
      where: { id: { exists: true } },
      overrideAccess: true,
    })

    await t.payload.update({
      collection: 'guides',
      id: guide.id,
      data: { _status: 'draft' },
      overrideAccess: true,
    })
    expect((await buildRecords(t.payload, 'queued'))[0]?.reason).toBe('guides/to-unpublish unpublished')

    await t.payload.update({
      collection: 'unions',
      id: union.id,
      data: { description: 'New words' },
      overrideAccess: true,
    })
    await t.payload.delete({ collection: 'unions', id: union.id, overrideAccess: true })
    await t.payload.updateGlobal({
      slug: 'site-settings',
      data: { tagline: 'Changed', _status: 'published' },
      overrideAccess: true,
    })
    expect((await buildRecords(t.payload, 'queued'))[0]?.reason).toBe(
      'guides/to-unpublish unpublished; unions/test-union changed; unions/test-union deleted; site-settings changed',
    )
    expect(await waitingJobs(t.payload)).toHaveLength(1)
  })

  it('a draft petition queues nothing until it opens, and the seed context skips builds', async () => {
    const petition = await make.petition(t.payload, { slug: 'fair-rotas', state: 'draft' })
    expect(await waitingJobs(t.payload)).toHaveLength(0)
    await t.payload.create({
      collection: 'topics',
      overrideAccess: true,
      data: { _status: 'published', title: 'Seeded topic', slug: 'seeded-topic' },
      context: { skipRebuild: true },
    })
    expect(await waitingJobs(t.payload)).toHaveLength(0)
    await t.payload.update({
      collection: 'petitions',
      id: petition.id,
      data: { state: 'open' },
      overrideAccess: true,
    })
    expect(await waitingJobs(t.payload)).toHaveLength(1)
  })

  it('a build left running by a process that died is marked failed, and its job freed, at the next publish', async () => {
    const old = new Date(Date.now() - 60 * 60_000).toISOString()
    const stuck = await t.payload.create({
      collection: 'site-builds',
      overrideAccess: true,
      data: { buildId: 'stuck-build', status: 'running', trigger: 'publish', startedAt: old },
    })
    const job = await t.payload.jobs.queue({
      task: REBUILD_TASK,
      queue: 'site-builds',
      input: { siteBuild: String(stuck.id), trigger: 'publish' },
    })
    await t.payload.db.updateOne({
      collection: 'payload-jobs',
      id: job.id,
      data: { processing: true, updatedAt: old },
      returning: false,
    })
    await make.guide(t.payload, { slug: 'after-a-crash' })
    const after = await t.payload.findByID({ collection: 'site-builds', id: stuck.id, overrideAccess: true })
    expect(after.status).toBe('failed')
    expect(after.error).toMatch(/interrupted/)
    const jobs = await waitingJobs(t.payload)
    expect(jobs.filter((j) => j.processing)).toHaveLength(0)
  })
})
