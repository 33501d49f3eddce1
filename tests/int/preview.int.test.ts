/**
 * Preview of the real page (cms/api/preview.ts) on a real Payload and SQLite, through Payload's
 * own router: staff see a draft exactly as the render bundle draws it, at a private address that
 * is never cached or indexed and runs no script; anyone else is refused; a signed link shows one
 * exact version until it expires; the live site is never touched.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { handleEndpoints } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { previewToken } from '../../cms/api/previewTokens'
import { REBUILD_QUEUE } from '../../cms/jobs/rebuild/settings'
import { make } from '../helpers/factories'
import { staff } from './reviewClient'
import { startHarness, type Harness } from '../helpers/harness'

const BUILD_TIMEOUT = 300_000
const DRAFT_SUMMARY = 'From April your holiday pay includes overtime you work regularly.'
const SECOND_SUMMARY = 'A second draft nobody has been sent yet.'

let t: Harness
let editorToken = ''
let guideId = 0

/** Asks Payload's own router, as Next's route and the front server do. */
const call = async (method: string, address: string, token = '') => {
  const response = await handleEndpoints({
    config: t.payload.config,
    request: new Request(`http://localhost:3000${address}`, {
      method,
      headers: token ? { Authorization: `JWT ${token}` } : {},
    }),
    payloadInstanceCacheKey: t.dir,
  })
  return { status: response.status, headers: response.headers, text: await response.text() }
}

const livePage = () => readFile(path.join(t.dir, 'data/site/guides/holiday-pay/index.html'), 'utf8')

beforeAll(async () => {
  t = await startHarness()
  process.env.DATA_DIR = path.join(t.dir, 'data')
  process.env.REBUILD_DEBOUNCE_MS = '0'
  const topic = await make.topic(t.payload, { title: 'Pay', slug: 'pay' })
  const guide = await make.guide(t.payload, {
    title: 'Holiday pay',
    slug: 'holiday-pay',
    summary: 'What you are paid when you are on holiday.',
    topics: [topic.id],
  })
  guideId = guide.id
  // The live site, built as a publish builds it: previews start from its snapshot.
  await t.payload.jobs.run({ queue: REBUILD_QUEUE, limit: 1, silent: true })
  editorToken = (await staff(t.payload, ['editor'])).token
  await t.payload.update({
    collection: 'guides',
    id: guideId,
    draft: true,
    overrideAccess: true,
    // The draft is also past its review date: readers would see the plain notice.
    data: {
      summary: DRAFT_SUMMARY,
      lastReviewed: '2025-07-01T00:00:00.000Z',
      reviewDue: '2026-01-01T00:00:00.000Z',
    },
  })
}, BUILD_TIMEOUT)
afterAll(async () => {
  delete process.env.DATA_DIR
  delete process.env.REBUILD_DEBOUNCE_MS
  await t?.close()
})

describe('preview of a draft', () => {
  it(
    'shows staff the draft on the real page, marked, private, never indexed and with no script',
    async () => {
      const answer = await call('GET', `/api/preview/guides/${guideId}`, editorToken)
      expect(answer.status).toBe(200)
      expect(answer.text).toContain(DRAFT_SUMMARY)
      // The site's own layout: the same header and title as the published page.
      expect(answer.text).toContain('<h1')
      expect(answer.text).toContain('Holiday pay')
      expect(answer.text).toContain('Preview: not published.')
      expect(answer.text).toContain('data-review-overdue')
      expect(answer.text).toMatch(/We last checked this guide on [^<]*2025\./)
      expect(await livePage()).not.toContain('data-review-overdue')
      expect(answer.text).toContain('<meta name="robots" content="noindex, nofollow">')
      expect(answer.text).toContain('<base href="http://localhost:4321/">')
      expect(answer.headers.get('cache-control')).toBe('private, no-store')
      expect(answer.headers.get('x-robots-tag')).toContain('noindex')
      expect(answer.headers.get('content-security-policy')).toContain("script-src 'none'")
      // Readers still see the published summary, and no second build was made.
      expect(await livePage()).not.toContain(DRAFT_SUMMARY)
      expect(await livePage()).toContain('What you are paid when you are on holiday.')
      expect(await readdir(path.join(t.dir, 'data/builds'))).toHaveLength(1)
    },
    BUILD_TIMEOUT,
  )

  it('refuses anyone not signed in as staff, without showing the draft', async () => {
    const anonymous = await call('GET', `/api/preview/guides/${guideId}`)
    expect(anonymous.status).toBe(401)
    expect(anonymous.text).not.toContain(DRAFT_SUMMARY)
    expect((await call('POST', `/api/preview/guides/${guideId}/link`)).status).toBe(403)
  })

  it('answers 404 for a collection that has no pages, an unknown id and a malformed one', async () => {
    for (const address of [
      `/api/preview/members/${guideId}`,
      '/api/preview/guides/999999',
      `/api/preview/guides/${guideId}?version=../../x`,
      '/api/preview/guides/1%20OR%201=1',
    ])
      expect((await call('GET', address, editorToken)).status, address).toBe(404)
  })
})

describe('a preview link for a reviewer', () => {
  it(
    'shows exactly the version it was made for, to anyone holding it, until it expires',
    async () => {
      const made = await call('POST', `/api/preview/guides/${guideId}/link`, editorToken)
      expect(made.status).toBe(201)
      const { url, expiresAt } = JSON.parse(made.text) as { url: string; expiresAt: string }
      const days = (Date.parse(expiresAt) - Date.now()) / 86_400_000
      expect(days).toBeGreaterThan(6.9)
      expect(days).toBeLessThanOrEqual(7)
      const address = new URL(url).pathname
      expect(address).toMatch(/^\/api\/preview-link\/[\w-]+\.[\w-]+\.[\w-]+$/)
      // The editor saves again after sending the link: the link keeps showing what was sent.
      await t.payload.update({
        collection: 'guides',
        id: guideId,
        draft: true,
        overrideAccess: true,
        data: { summary: SECOND_SUMMARY },
      })
      const shared = await call('GET', address)
      expect(shared.status).toBe(200)
      expect(shared.text).toContain(DRAFT_SUMMARY)
      expect(shared.text).not.toContain(SECOND_SUMMARY)
      expect(shared.text).toContain('You were sent this link to check it.')
      expect(shared.headers.get('x-robots-tag')).toContain('noindex')
      // Staff pressing Preview see the latest draft.
      expect((await call('GET', `/api/preview/guides/${guideId}`, editorToken)).text).toContain(
        SECOND_SUMMARY,
      )
    },
    BUILD_TIMEOUT,
  )

  it('refuses a link that was changed, made with another secret, or has expired', async () => {
    const made = JSON.parse(
      (await call('POST', `/api/preview/guides/${guideId}/link`, editorToken)).text,
    ) as {
      url: string
    }
    const token = new URL(made.url).pathname.split('/').at(-1) ?? ''
    const claims = { collection: 'guides' as const, id: String(guideId), version: '1' }
    const old = await previewToken(t.payload.secret, claims, new Date(Date.now() - 8 * 86_400_000))
    const foreign = await previewToken('another-secret', claims)
    const [head, body, signature] = token.split('.')
    const otherGuide = Buffer.from(JSON.stringify({ c: 'guides', d: '999', v: '1' })).toString('base64url')
    for (const bad of [
      `${head}.${otherGuide}.${signature}`,
      `${head}.${body}.${signature?.slice(0, -2)}`,
      old.token,
      foreign.token,
      'not-a-token',
    ]) {
      const answer = await call('GET', `/api/preview-link/${bad}`)
      expect(answer.status, bad).toBe(410)
      expect(answer.text).not.toContain(DRAFT_SUMMARY)
    }
  })
})
