/**
 * Drafts on every public collection (content-models/hooks/withDrafts.ts), on a real Payload and
 * SQLite, read as the public reads them (REST through the front server) and used through the
 * public endpoints: saving never publishes, a draft of a published document leaves the published
 * one showing, versions are staff only, and nothing public acts on a document never published.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.TRUST_PROXY = '1'
})

import type { CollectionSlug } from 'payload'
import { REBUILD_TASK } from '../../cms/jobs/rebuild/settings'
import { make } from '../helpers/factories'
import { staff } from './reviewClient'
import { startHarness, type ServedHarness } from '../helpers/harness'
import { postTo } from '../helpers/publicForms'

let t: ServedHarness
let editorToken = ''

const get = async (address: string, token = '') => {
  const response = await fetch(`${t.api}${address}`, {
    headers: token ? { Authorization: `JWT ${token}` } : {},
  })
  return {
    status: response.status,
    body: (await response.json().catch(() => null)) as Record<string, unknown>,
  }
}
/** What the public API lists for a slug: the titles or names it shows. */
const publicRead = async (collection: CollectionSlug, slug: string, token = '') => {
  const { body } = await get(`/${collection}?where[slug][equals]=${slug}&depth=0`, token)
  return ((body?.docs ?? []) as { title?: string; name?: string }[]).map((d) => d.title ?? d.name)
}
const waitingBuilds = async () =>
  (
    await t.payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: REBUILD_TASK } }, { completedAt: { exists: false } }] },
      limit: 0,
      overrideAccess: true,
    })
  ).totalDocs
const clearBuilds = () =>
  t.payload.delete({
    collection: 'payload-jobs',
    where: { taskSlug: { equals: REBUILD_TASK } },
    overrideAccess: true,
  })

beforeAll(async () => {
  t = await startHarness({ withServer: true })
  editorToken = (await staff(t.payload, ['editor'])).token
})
afterAll(async () => {
  await t?.close()
})

/** One never-published draft of each public collection except guides and letters (their own tests). */
const drafts = {
  topics: () => make.topic(t.payload, { title: 'Draft topic', slug: 'draft-topic', _status: 'draft' }),
  'training-sessions': () =>
    make.session(t.payload, { title: 'Draft session', slug: 'draft-session', _status: 'draft' }),
  unions: () => make.union(t.payload, { name: 'Draft union', slug: 'draft-union', _status: 'draft' }),
  networks: () => make.network(t.payload, { name: 'Draft network', slug: 'draft-network', _status: 'draft' }),
  petitions: () =>
    make.petition(t.payload, { title: 'Draft petition', slug: 'draft-petition', _status: 'draft' }),
} as const

describe('saving a draft', () => {
  it('shows a never-published draft to staff only, and queues no site build', async () => {
    await clearBuilds()
    for (const [collection, create] of Object.entries(drafts)) {
      const doc = await create()
      expect(doc._status, collection).toBe('draft')
      const slug = `draft-${collection === 'training-sessions' ? 'session' : collection.replace(/s$/, '')}`
      expect(await publicRead(collection as CollectionSlug, slug), collection).toEqual([])
      expect(await publicRead(collection as CollectionSlug, slug, editorToken), collection).toHaveLength(1)
    }
    expect(await waitingBuilds()).toBe(0)
  })

  it('keeps the published version showing while a newer draft waits, and builds only on publish', async () => {
    const network = await make.network(t.payload, { name: 'Care workers Wales', slug: 'care-wales' })
    await clearBuilds()
    await t.payload.update({
      collection: 'networks',
      id: network.id,
      draft: true,
      overrideAccess: true,
      data: { name: 'Care workers Wales (new name)' },
    })
    expect(await publicRead('networks', 'care-wales')).toEqual(['Care workers Wales'])
    const staffDraft = await get(`/networks/${network.id}?draft=true&depth=0`, editorToken)
    expect(staffDraft.body.name).toBe('Care workers Wales (new name)')
    expect(await waitingBuilds()).toBe(0)
    await t.payload.update({
      collection: 'networks',
      id: network.id,
      overrideAccess: true,
      data: { _status: 'published' },
    })
    expect(await publicRead('networks', 'care-wales')).toEqual(['Care workers Wales (new name)'])
    expect(await waitingBuilds()).toBe(1)
  })

  it("keeps the site settings' published tagline while a draft of them waits", async () => {
    await t.payload.updateGlobal({
      slug: 'site-settings',
      overrideAccess: true,
      data: { tagline: 'Published line' },
    })
    await t.payload.updateGlobal({
      slug: 'site-settings',
      draft: true,
      overrideAccess: true,
      data: { tagline: 'Draft line' },
    })
    expect((await get('/globals/site-settings')).body.tagline).toBe('Published line')
  })
})

describe('versions', () => {
  it('lets staff list and compare versions, and nobody else', async () => {
    for (const collection of ['networks', 'petitions', 'training-sessions', 'unions', 'topics', 'guides']) {
      expect((await get(`/${collection}/versions`, editorToken)).status, collection).toBe(200)
      expect((await get(`/${collection}/versions`)).status, collection).toBe(403)
    }
  })
})

describe('the public endpoints and a never-published document', () => {
  it('will not sign, count, register for or join what was never published', async () => {
    const petition = await make.petition(t.payload, { slug: 'unpublished-petition', _status: 'draft' })
    const session = await make.session(t.payload, { slug: 'unpublished-session', _status: 'draft' })
    await make.network(t.payload, { slug: 'unpublished-network', _status: 'draft' })
    const sign = await postTo(
      t,
      `/public/petitions/${petition.slug}/sign`,
      { name: 'Tom', email: 'tom@example.org' },
      { json: true },
    )
    expect(sign.status).toBe(404)
    expect((await get('/public/petitions/unpublished-petition/count')).status).toBe(404)
    expect((await get(`/public/training/${session.slug}/places`)).status).toBe(404)
    const joined = await postTo(
      t,
      '/public/join',
      { firstName: 'Sara', email: 'sara@example.org', consentEmail: true, networks: ['unpublished-network'] },
      { json: true },
    )
    expect(joined.status).toBe(422)
    expect(JSON.stringify(await joined.json())).toContain('Choose networks from the list.')
    const stored = await t.payload.find({ collection: 'members', limit: 0, overrideAccess: true })
    expect(stored.totalDocs).toBe(0)
  })
})
