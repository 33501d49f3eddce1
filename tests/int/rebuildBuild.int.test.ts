import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, readFile, realpath } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runRebuild } from '../../cms/jobs/rebuild/runRebuild'
import { REBUILD_QUEUE, REBUILD_TASK } from '../../cms/jobs/rebuild/settings'
import { make } from '../helpers/factories'
import { startHarness, type Harness } from '../helpers/harness'

let t: Harness
const BUILD_TIMEOUT = 300_000

const live = () => path.join(t.dir, 'data/site')
const liveTarget = async () => path.basename(await realpath(live()))
const servedPage = (p: string) => readFile(path.join(live(), p, 'index.html'), 'utf8')
const records = async (payload: Payload) =>
  (await payload.find({ collection: 'site-builds', sort: 'createdAt', limit: 0, overrideAccess: true })).docs
const latest = async (payload: Payload) => (await records(payload)).at(-1)!
const rebuildJobs = async (payload: Payload) =>
  (
    await payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: REBUILD_TASK } }, { completedAt: { exists: false } }] },
      limit: 0,
      overrideAccess: true,
    })
  ).docs
/** Runs the site-build queue once, as the CMS's job runner does. */
const runQueue = (payload: Payload) => payload.jobs.run({ queue: REBUILD_QUEUE, limit: 1, silent: true })

beforeAll(async () => {
  t = await startHarness()
  process.env.DATA_DIR = path.join(t.dir, 'data')
  process.env.REBUILD_DEBOUNCE_MS = '0'
  const topic = await make.topic(t.payload, { title: 'Pay', slug: 'pay' })
  await make.guide(t.payload, { title: 'Holiday pay', slug: 'holiday-pay', topics: [topic.id] })
  await make.template(t.payload, { slug: 'ask-for-holiday-pay' })
}, BUILD_TIMEOUT)
afterAll(async () => {
  delete process.env.DATA_DIR
  delete process.env.REBUILD_DEBOUNCE_MS
  await t?.close()
})

describe('site builds', () => {
  it(
    'a queued publish builds the site, records its steps and switches the served site to it',
    async () => {
      await runQueue(t.payload)
      const record = await latest(t.payload)
      expect({ status: record.status, error: record.error }).toEqual({ status: 'succeeded', error: null })
      expect(record.live).toBe(true)
      expect(record.pages).toBeGreaterThan(3)
      expect(Object.keys(record.timings as object)).toEqual(
        expect.arrayContaining(['export', 'build', 'check', 'switch']),
      )
      expect(await liveTarget()).toBe(record.buildId)
      expect(await servedPage('guides/holiday-pay')).toContain('Holiday pay')
      expect(await rebuildJobs(t.payload)).toHaveLength(0)
    },
    BUILD_TIMEOUT,
  )

  it(
    'a publish during a build queues exactly one more, which renders only the changed pages',
    async () => {
      await make.guide(t.payload, { title: 'Sick pay', slug: 'sick-pay' })
      const running = runQueue(t.payload)
      // Wait until the build is running, then publish twice more.
      for (let i = 0; i < 200 && (await latest(t.payload)).status !== 'running'; i++)
        await new Promise((r) => setTimeout(r, 100))
      expect((await latest(t.payload)).status).toBe('running')
      await make.guide(t.payload, { title: 'Night work', slug: 'night-work' })
      await make.guide(t.payload, { title: 'Rest breaks', slug: 'rest-breaks' })
      await running
      const waiting = (await records(t.payload)).filter((r) => r.status === 'queued')
      expect(waiting).toHaveLength(1)
      expect(waiting[0]!.reason).toBe('guides/night-work published; guides/rest-breaks published')
      expect(await rebuildJobs(t.payload)).toHaveLength(1)

      await runQueue(t.payload)
      const record = await latest(t.payload)
      expect({ status: record.status, error: record.error }).toEqual({ status: 'succeeded', error: null })
      expect((record.timings as { mode: string }).mode).toBe('incremental')
      expect(await servedPage('guides/rest-breaks')).toContain('Rest breaks')
      // Carried over from the build before, and listed again in the merged guide list.
      expect(await servedPage('guides/holiday-pay')).toContain('Holiday pay')
      expect(await servedPage('guides')).toContain('Rest breaks')
      const sitemap = await readFile(path.join(live(), 'sitemap-0.xml'), 'utf8')
      expect(sitemap).toContain('/guides/holiday-pay/')
      expect(sitemap).toContain('/guides/rest-breaks/')
    },
    BUILD_TIMEOUT * 2,
  )

  it(
    'a failing build keeps the old site served, records the error and is retried later',
    async () => {
      const before = await liveTarget()
      await make.guide(t.payload, { title: 'Broken build', slug: 'broken-build' })
      // An invalid site address makes Astro's own config check fail: a real failed build.
      process.env.SITE_URL = 'not a web address'
      try {
        await runQueue(t.payload)
      } finally {
        delete process.env.SITE_URL
      }
      const record = await latest(t.payload)
      expect(record.status).toBe('failed')
      expect(record.error).toMatch(/Site build failed \(exit code 1\)/)
      expect(record.live).toBe(false)
      expect(await liveTarget()).toBe(before)
      expect(await servedPage('guides/holiday-pay')).toContain('Holiday pay')
      expect(existsSync(path.join(t.dir, 'data/builds', record.buildId))).toBe(false)
      const [job] = await rebuildJobs(t.payload)
      expect(job?.totalTried).toBe(1)
      expect(Date.parse(job!.waitUntil as string)).toBeGreaterThan(Date.now() + 10_000)
    },
    BUILD_TIMEOUT,
  )

  it(
    'a build killed with SIGKILL half-way leaves the served site intact, and the next build succeeds',
    async () => {
      const before = await liveTarget()
      const buildsBefore = await readdir(path.join(t.dir, 'data/builds'))
      // Killed as soon as the new build folder holds its first file: pages are being written.
      const killWhenWriting = (child: ChildProcess) => {
        const poll = setInterval(async () => {
          const fresh = (await readdir(path.join(t.dir, 'data/builds')).catch(() => [] as string[])).filter(
            (n) => !buildsBefore.includes(n) && !n.startsWith('.'),
          )
          for (const name of fresh) {
            if ((await readdir(path.join(t.dir, 'data/builds', name)).catch(() => [])).length > 0) {
              clearInterval(poll)
              child.kill('SIGKILL')
            }
          }
        }, 5)
        child.once('exit', () => clearInterval(poll))
      }
      await expect(
        runRebuild(t.payload, { siteBuildId: null, trigger: 'manual', onSpawn: killWhenWriting }),
      ).rejects.toThrow(/killed by SIGKILL/)
      const killed = await latest(t.payload)
      expect(killed.status).toBe('failed')
      expect(killed.error).toMatch(/killed by SIGKILL/)
      expect(await liveTarget()).toBe(before)
      expect(await servedPage('guides/holiday-pay')).toContain('Holiday pay')
      expect(await readdir(path.join(t.dir, 'data/builds'))).toEqual(buildsBefore)

      const next = await runRebuild(t.payload, { siteBuildId: null, trigger: 'manual' })
      expect(next.record.status).toBe('succeeded')
      expect(await liveTarget()).toBe(next.buildId)
      expect(await servedPage('guides/broken-build')).toContain('Broken build')
    },
    BUILD_TIMEOUT * 2,
  )
})
