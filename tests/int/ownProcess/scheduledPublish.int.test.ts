/**
 * Scheduled publish and unpublish (versions.drafts.schedulePublish) on a real Payload and SQLite:
 * a change queued as the admin's schedule drawer queues it runs when its time comes, through the
 * CMS's own job runner settings, as the editor who scheduled it, and queues the normal site build;
 * the review dashboard lists what is waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { jobs, JOB_QUEUES, SCHEDULED_PUBLISH_QUEUE } from '../../../cms/jobs'
import { listScheduled } from '../../../cms/review/scheduled'
import { make } from '../../helpers/factories'
import { startHarness, type Harness } from '../../helpers/harness'

let t: Harness
let editor: { id: number }

/** What the admin's schedule drawer queues (@payloadcms/ui schedulePublishHandler). */
const schedule = (
  payload: Payload,
  type: 'publish' | 'unpublish',
  doc: { relationTo: 'training-sessions'; value: number } | { relationTo: 'unions'; value: number },
  at: Date,
) =>
  payload.jobs.queue({
    task: 'schedulePublish',
    input: {
      type,
      doc,
      user: { relationTo: 'users', value: editor.id },
    },
    waitUntil: at,
  })

/** Runs the scheduled-publish queue once, as the CMS process's job runner does (cms/jobs). */
const runScheduledQueue = async (payload: Payload) => {
  const runs = typeof jobs.autoRun === 'function' ? await jobs.autoRun(payload) : (jobs.autoRun ?? [])
  const settings = runs.find((r) => r.queue === SCHEDULED_PUBLISH_QUEUE)
  if (!settings) throw new Error('The CMS does not run the scheduled-publish queue')
  return payload.jobs.run({ queue: settings.queue, limit: settings.limit, silent: true })
}
const statusOf = async (collection: 'training-sessions' | 'unions', id: number) =>
  (await t.payload.findByID({ collection, id, overrideAccess: true, depth: 0 }))._status
const queuedBuildReasons = async () =>
  (
    await t.payload.find({
      collection: 'site-builds',
      where: { status: { equals: 'queued' } },
      limit: 0,
      overrideAccess: true,
    })
  ).docs.map((b) => b.reason)

beforeAll(async () => {
  t = await startHarness()
  editor = await make.user(t.payload, ['editor'], 'Sam Editor')
})
afterAll(async () => {
  await t?.close()
})

describe('scheduled publishing', () => {
  it('is run by the CMS process and by `npm run jobs`', () => {
    expect(SCHEDULED_PUBLISH_QUEUE).toBe('default')
    expect(JOB_QUEUES).toContain(SCHEDULED_PUBLISH_QUEUE)
  })

  it('publishes a draft when its time comes, and queues the site build', async () => {
    const session = await make.session(t.payload, { slug: 'rates-from-april', _status: 'draft' })
    await schedule(
      t.payload,
      'publish',
      { relationTo: 'training-sessions', value: session.id },
      new Date(Date.now() + 3_600_000),
    )
    await runScheduledQueue(t.payload)
    expect(await statusOf('training-sessions', session.id)).toBe('draft')
    // Its time comes.
    await t.payload.update({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'schedulePublish' } },
      data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
      overrideAccess: true,
    })
    await runScheduledQueue(t.payload)
    expect(await statusOf('training-sessions', session.id)).toBe('published')
    expect((await queuedBuildReasons()).join(' ')).toContain('training-sessions/rates-from-april published')
  })

  it('unpublishes when its time comes, and the build takes the page down', async () => {
    const union = await make.union(t.payload, { slug: 'closing-union' })
    await t.payload.delete({ collection: 'site-builds', where: {}, overrideAccess: true })
    await schedule(
      t.payload,
      'unpublish',
      { relationTo: 'unions', value: union.id },
      new Date(Date.now() - 1000),
    )
    await runScheduledQueue(t.payload)
    expect(await statusOf('unions', union.id)).toBe('draft')
    expect((await queuedBuildReasons()).join(' ')).toContain('unions/closing-union unpublished')
  })

  it('lists what is waiting, soonest first, with who scheduled it, for the review dashboard', async () => {
    const later = await make.session(t.payload, { slug: 'later', _status: 'draft' })
    const sooner = await make.union(t.payload, { slug: 'sooner' })
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000)
    const tomorrow = new Date(Date.now() + 86_400_000)
    await schedule(t.payload, 'publish', { relationTo: 'training-sessions', value: later.id }, inTwoDays)
    await schedule(t.payload, 'unpublish', { relationTo: 'unions', value: sooner.id }, tomorrow)
    expect(await listScheduled(t.payload)).toEqual([
      {
        collection: 'unions',
        id: String(sooner.id),
        type: 'unpublish',
        at: tomorrow.toISOString(),
        scheduledBy: String(editor.id),
      },
      {
        collection: 'training-sessions',
        id: String(later.id),
        type: 'publish',
        at: inTwoDays.toISOString(),
        scheduledBy: String(editor.id),
      },
    ])
  })
})
