/**
 * Zanele signed a petition and asked for her first name to be shown; later she erases her details.
 * The live site, every kept build and every kept snapshot must then be without her name.
 */
import { readdir, readFile, realpath } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REBUILD_QUEUE } from '../../cms/jobs/rebuild/settings'
import { eraseRecord } from '../../cms/members/records'
import { linkToken } from '../../cms/members/tokens'
import { make } from '../helpers/factories'
import { startHarness, type Harness } from '../helpers/harness'

let t: Harness
const BUILD_TIMEOUT = 300_000
const data = (...p: string[]) => path.join(t.dir, 'data', ...p)
const liveTarget = async () => path.basename(await realpath(data('site')))
const petitionPage = () => readFile(data('site', 'petitions', 'fair-rotas', 'index.html'), 'utf8')
const latest = async (payload: Payload) =>
  (await payload.find({ collection: 'site-builds', sort: '-createdAt', limit: 1, overrideAccess: true }))
    .docs[0]!
const runQueue = (payload: Payload) => payload.jobs.run({ queue: REBUILD_QUEUE, limit: 1, silent: true })
/** Every file under a folder whose text contains `needle`. */
const filesContaining = async (dir: string, needle: string): Promise<string[]> => {
  const found: string[] = []
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) {
    if (!e.isFile()) continue
    const file = path.join(e.parentPath, e.name)
    if ((await readFile(file, 'utf8')).includes(needle)) found.push(path.relative(t.dir, file))
  }
  return found
}

let signature: { id: number; emailCanonical?: string | null }

beforeAll(async () => {
  t = await startHarness()
  process.env.DATA_DIR = data()
  process.env.REBUILD_DEBOUNCE_MS = '0'
  const topic = await make.topic(t.payload, { title: 'Pay', slug: 'pay' })
  await make.guide(t.payload, { title: 'Holiday pay', slug: 'holiday-pay', topics: [topic.id] })
  await make.template(t.payload, { slug: 'ask-for-holiday-pay' })
  const petition = await make.petition(t.payload, {
    title: 'Fair rotas',
    slug: 'fair-rotas',
    showSignerNames: true,
  })
  signature = await make.signature(t.payload, petition.id, {
    name: 'Zanele Mokoena',
    email: 'zanele@example.org',
    emailCanonical: 'zanele@example.org',
    region: 'Wales',
    state: 'confirmed',
    confirmedAt: new Date().toISOString(),
    showName: true,
  })
}, BUILD_TIMEOUT)
afterAll(async () => {
  delete process.env.DATA_DIR
  delete process.env.REBUILD_DEBOUNCE_MS
  await t?.close()
})

describe('erasure on the public site', () => {
  it(
    'Zanele erases her signature: the next live build drops her name, and older kept builds and snapshots are deleted',
    async () => {
      await runQueue(t.payload)
      expect(await petitionPage()).toContain('Zanele')
      // A second build, so an older one (with her name) is kept for rollback.
      await make.guide(t.payload, { title: 'Sick pay', slug: 'sick-pay' })
      await runQueue(t.payload)
      const beforeErase = await latest(t.payload)
      expect({ status: beforeErase.status, purgeOlder: beforeErase.purgeOlder }).toEqual({
        status: 'succeeded',
        purgeOlder: false,
      })
      expect(await readdir(data('builds'))).toHaveLength(2)
      expect((await filesContaining(data('builds'), 'Zanele')).length).toBeGreaterThanOrEqual(2)

      const token = linkToken(t.payload.secret, 'erase', 'signature', signature.id, signature.emailCanonical!)
      expect(await eraseRecord(t.payload, 'signature', String(signature.id), token)).toBe('done')
      const queued = await latest(t.payload)
      expect({ status: queued.status, purgeOlder: queued.purgeOlder, reason: queued.reason }).toEqual({
        status: 'queued',
        purgeOlder: true,
        reason: `signatures/${signature.id} erased`,
      })

      await runQueue(t.payload)
      const purged = await latest(t.payload)
      expect({ id: purged.id, status: purged.status, live: purged.live, error: purged.error }).toEqual({
        id: queued.id,
        status: 'succeeded',
        live: true,
        error: null,
      })
      expect(typeof (purged.timings as { purgeOlder?: unknown }).purgeOlder).toBe('number')
      expect(await liveTarget()).toBe(purged.buildId)
      expect(await petitionPage()).not.toContain('Zanele')
      expect(await readdir(data('builds'))).toEqual([purged.buildId])
      expect(await readdir(data('snapshots'))).toEqual([purged.buildId])
      expect(await filesContaining(data('builds'), 'Zanele')).toEqual([])
      expect(await filesContaining(data('snapshots'), 'Zanele')).toEqual([])
    },
    BUILD_TIMEOUT * 3,
  )
})
