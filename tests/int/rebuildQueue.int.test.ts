import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { REBUILD_CONCURRENCY_KEY, REBUILD_TASK } from '../../cms/jobs/rebuild/settings'
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

/** Rebuild jobs waiting for the job runner (not yet picked up). */
const pendingJobs = async (payload: Payload) => (await waitingJobs(payload)).filter((j) => !j.processing)
const dueAt = (job: { waitUntil?: string | null }) => Date.parse(job.waitUntil as string)
const DEBOUNCE = 2000

/** What the job runner does when it picks up the waiting build: its job is processing, its record running. */
const startWaitingBuild = async (payload: Payload) => {
  const [job] = await pendingJobs(payload)
  await payload.db.updateOne({
    collection: 'payload-jobs',
    id: job!.id,
    data: { processing: true },
    returning: false,
  })
  const [record] = await buildRecords(payload, 'queued')
  return payload.update({
    collection: 'site-builds',
    id: record!.id,
    data: { status: 'running', startedAt: new Date().toISOString() },
    overrideAccess: true,
  })
}

/** Publishes a guide; returns the clock just before and just after. */
const publish = async (payload: Payload, slug: string) => {
  const before = Date.now()
  await make.guide(payload, { slug })
  return { before, after: Date.now() }
}

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
  it('the first publish after a quiet spell queues one build, naming the guide, to start at once', async () => {
    const { before, after } = await publish(t.payload, 'holiday-pay')
    const jobs = await waitingJobs(t.payload)
    expect(jobs).toHaveLength(1)
    const [record] = await buildRecords(t.payload, 'queued')
    expect(record?.reason).toBe('guides/holiday-pay published')
    expect(record?.trigger).toBe('publish')
    expect((jobs[0]!.input as { siteBuild: string }).siteBuild).toBe(String(record!.id))
    // No debounce: the job is due when the publish happened, not two seconds later.
    expect(dueAt(jobs[0]!)).toBeGreaterThanOrEqual(before)
    expect(dueAt(jobs[0]!)).toBeLessThanOrEqual(after)
  })

  it('five rapid publishes before the runner picks the first up join that build, without delaying it', async () => {
    const first = await publish(t.payload, 'rapid-0')
    for (let i = 1; i < 5; i++) await make.guide(t.payload, { slug: `rapid-${i}` })
    const jobs = await waitingJobs(t.payload)
    expect(jobs).toHaveLength(1)
    expect(dueAt(jobs[0]!)).toBeLessThanOrEqual(first.after)
    const queued = await buildRecords(t.payload, 'queued')
    expect(queued).toHaveLength(1)
    expect(queued[0]!.reason).toBe([0, 1, 2, 3, 4].map((i) => `guides/rapid-${i} published`).join('; '))
  })

  it('a publish while a build runs queues one trailing build, due a debounce after the newest publish', async () => {
    await publish(t.payload, 'leading')
    const running = await startWaitingBuild(t.payload)
    await publish(t.payload, 'trailing-1')
    const last = await publish(t.payload, 'trailing-2')
    const queued = await buildRecords(t.payload, 'queued')
    expect(queued).toHaveLength(1)
    expect(queued[0]!.id).not.toBe(running.id)
    expect(queued[0]!.reason).toBe('guides/trailing-1 published; guides/trailing-2 published')
    const pending = await pendingJobs(t.payload)
    expect(pending).toHaveLength(1)
    expect((pending[0]!.input as { siteBuild: string }).siteBuild).toBe(String(queued[0]!.id))
    expect(dueAt(pending[0]!)).toBeGreaterThanOrEqual(last.before + DEBOUNCE)
    expect(dueAt(pending[0]!)).toBeLessThanOrEqual(last.after + DEBOUNCE)
    // The running build's job is left alone: the trailing one shares its key, so it waits its turn.
    expect(await waitingJobs(t.payload)).toHaveLength(2)
    expect(pending[0]!.concurrencyKey).toBe(REBUILD_CONCURRENCY_KEY)
  })

  it('a publish just after a build finished waits the debounce; one after the debounce builds at once', async () => {
    await publish(t.payload, 'built')
    const build = await startWaitingBuild(t.payload)
    await t.payload.update({
      collection: 'site-builds',
      id: build.id,
      data: { status: 'succeeded', finishedAt: new Date().toISOString() },
      overrideAccess: true,
    })
    await t.payload.delete({
      collection: 'payload-jobs',
      where: { id: { exists: true } },
      overrideAccess: true,
    })
    const soon = await publish(t.payload, 'soon-after')
    const [job] = await pendingJobs(t.payload)
    expect(dueAt(job!)).toBeGreaterThanOrEqual(soon.before + DEBOUNCE)

    // The same history, a debounce and more ago: a quiet spell again.
    const [queued] = await buildRecords(t.payload, 'queued')
    await t.payload.delete({ collection: 'site-builds', id: queued!.id, overrideAccess: true })
    await t.payload.delete({
      collection: 'payload-jobs',
      where: { id: { exists: true } },
      overrideAccess: true,
    })
    const old = new Date(Date.now() - DEBOUNCE - 1000).toISOString()
    await t.payload.db.updateOne({
      collection: 'site-builds',
      id: build.id,
      data: { createdAt: old, startedAt: old, finishedAt: old },
      returning: false,
    })
    const later = await publish(t.payload, 'later')
    const [leading] = await pendingJobs(t.payload)
    expect(dueAt(leading!)).toBeLessThanOrEqual(later.after)
  })

  it('a burst of five publishes makes at most two builds, the last starting after the last publish', async () => {
    const slugs = [0, 1, 2, 3, 4].map((i) => `burst-${i}`)
    const first = await publish(t.payload, slugs[0]!)
    await publish(t.payload, slugs[1]!)
    const [leading] = await pendingJobs(t.payload)
    expect(dueAt(leading!)).toBeLessThanOrEqual(first.after)
    await startWaitingBuild(t.payload)
    let last = { before: 0, after: 0 }
    for (const slug of slugs.slice(2)) last = await publish(t.payload, slug)
    const builds = [
      ...(await buildRecords(t.payload, 'running')),
      ...(await buildRecords(t.payload, 'queued')),
    ]
    expect(builds.map((b) => b.reason)).toEqual([
      'guides/burst-0 published; guides/burst-1 published',
      'guides/burst-2 published; guides/burst-3 published; guides/burst-4 published',
    ])
    expect(await buildRecords(t.payload, 'superseded')).toHaveLength(0)
    const pending = await pendingJobs(t.payload)
    expect(pending).toHaveLength(1)
    expect(dueAt(pending[0]!)).toBeGreaterThan(last.after)
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
