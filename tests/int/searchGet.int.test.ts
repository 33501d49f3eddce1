/**
 * GET /search on the CMS, for readers without JavaScript: answered on a real Fastify server from
 * a live build's index files on disk (the fixture snapshot's, as the site build writes them), with
 * the same ranking as the search island, the island's result markup in the site's own page, 400
 * naming a bad field, a rate limit, and answers that follow the live build when it is switched.
 */
import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_SEARCH_QUERY_LENGTH } from '../../content-models/search/kinds'
import { liveSearch, registerSearchRoute, searchRateLimit } from '../../cms/search'
import { clientFor, doc, fixtureDocs } from '../helpers/searchFixture'

const SITE = 'http://site.test'
/** The parts of the built search page the CMS fills in (the e2e test runs the real built page). */
const TEMPLATE = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="robots" content="index, follow"><link rel="stylesheet" href="/assets/site.css"><script type="module" src="/assets/page.js"></script></head><body><main><div data-search-island><div class="search-plain"><form role="search" method="get" action="http://cms.test/search"><input id="q" name="q" type="search" autocomplete="off" maxlength="200"><select id="search-type" name="type"><option value="">Everything</option><option value="guide">Guides</option><option value="template">Letters</option></select><select id="search-nation" name="nation"><option value="">Anywhere in the UK</option><option value="scotland">Scotland</option></select></form><div data-search-answer></div></div></div></main></body></html>`

let root: string
let live: string
let app: FastifyInstance
const fixture = clientFor(fixtureDocs())

const writeBuild = async (name: string, files: Map<string, string>) => {
  const dir = path.join(root, 'builds', name)
  for (const [file, text] of files) {
    await mkdir(path.dirname(path.join(dir, 'search-index', file)), { recursive: true })
    await writeFile(path.join(dir, 'search-index', file), text)
  }
  await mkdir(path.join(dir, 'search'), { recursive: true })
  await writeFile(path.join(dir, 'search', 'index.html'), TEMPLATE)
  return dir
}

const switchLive = async (dir: string) => {
  await symlink(dir, `${live}.tmp`)
  await rename(`${live}.tmp`, live)
}

let ip = 0
const get = (url: string, from = `10.0.0.${++ip}`) => app.inject({ method: 'GET', url, remoteAddress: from })
/** The results' addresses and titles, in order, as the page lists them. */
const listed = (html: string) =>
  [...html.matchAll(/<li class="search-result">.*?<a href="([^"]+)">(.*?)<\/a>/g)].map((m) => [
    m[1],
    m[2].replace(/<\/?mark>/g, ''),
  ])

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'organise-search-get-'))
  live = path.join(root, 'site')
  await switchLive(await writeBuild('one', fixture.files))
  app = Fastify()
  registerSearchRoute(app, {
    build: liveSearch(live),
    limit: searchRateLimit(null, { RATE_LIMIT_SEARCH: '3/60' }),
    siteOrigin: SITE,
    cmsOrigin: 'http://cms.test',
  })
  await app.ready()
})
afterAll(async () => {
  await app?.close()
  await rm(root, { recursive: true, force: true })
})

describe('GET /search', () => {
  it('ranks as the search island does, in the site page, with matched words marked', async () => {
    const res = await get('/search?q=can+my+boss+stop+my+holiday+pay')
    expect(res.statusCode).toBe(200)
    expect(res.headers['set-cookie']).toBeUndefined()
    expect(res.headers['content-security-policy']).toContain("default-src 'none'")
    const island = await fixture.client.search('can my boss stop my holiday pay', {}, 20)
    expect(island.hits.length).toBeGreaterThan(1)
    expect(listed(res.body)).toEqual(island.hits.map((h) => [h.url, h.title]))
    expect(res.body).toContain('<mark>')
    expect(res.body).toMatch(/role="status"[^>]*>\d+ results? for “can my boss stop my holiday pay”/)
    // The page is the site's: its links and styles go there, its scripts are left out, and the box keeps the words.
    expect(res.body).toContain(`<base href="${SITE}/">`)
    expect(res.body).not.toContain('<script')
    expect(res.body).toContain('value="can my boss stop my holiday pay"')
    expect(res.body).toContain('<meta name="robots" content="noindex">')
  })

  it('filters by kind and nation as the island does, and keeps the choices in the form', async () => {
    const res = await get('/search?q=pay&type=guide&nation=scotland')
    const island = await fixture.client.search('pay', { type: 'guide', nation: 'scotland' }, 20)
    expect(listed(res.body)).toEqual(island.hits.map((h) => [h.url, h.title]))
    expect(res.body).toContain('<option value="guide" selected>')
    expect(res.body).toContain('<option value="scotland" selected>')
  })

  it('answers 400 naming the field for an over-long query or an unknown filter', async () => {
    const long = await get(`/search?q=${'a'.repeat(MAX_SEARCH_QUERY_LENGTH + 1)}`)
    expect(long.statusCode).toBe(400)
    expect(long.body).toMatch(/<strong>q<\/strong>: Search for at most 200 characters/)
    const type = await get('/search?q=pay&type=recipes&nation=wales')
    expect(type.statusCode).toBe(400)
    expect(type.body).toContain('<strong>type</strong>')
    expect(type.body).toContain('<strong>nation</strong>')
  })

  it('tells a client over the limit to wait, with Retry-After', async () => {
    const from = '203.0.113.7'
    for (let i = 0; i < 3; i++) expect((await get('/search?q=sick+pay', from)).statusCode).toBe(200)
    const over = await get('/search?q=sick+pay', from)
    expect(over.statusCode).toBe(429)
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0)
  })

  it('answers 503 with a way on while there is no live build, and sets no cookie', async () => {
    const none = Fastify()
    registerSearchRoute(none, {
      build: liveSearch(path.join(root, 'no-site-yet')),
      limit: searchRateLimit(null, {}),
      siteOrigin: SITE,
      cmsOrigin: 'http://cms.test',
    })
    const res = await none.inject({ method: 'GET', url: '/search?q=pay' })
    expect(res.statusCode).toBe(503)
    expect(res.body).toContain(`<a href="${SITE}/guides/">Browse the guides</a>`)
    expect(res.headers['set-cookie']).toBeUndefined()
    await none.close()
  })

  it('answers from the new build once the live build is switched (the old answers are not kept)', async () => {
    expect(listed((await get('/search?q=Holiday+pay')).body)[0]).toEqual([
      '/guides/holiday-pay/',
      'Holiday pay',
    ])
    const other = clientFor([doc({ url: '/guides/holiday-rota/', title: 'Holiday rota' })])
    await switchLive(await writeBuild('two', other.files))
    expect(listed((await get('/search?q=holiday++PAY')).body)).toEqual([
      ['/guides/holiday-rota/', 'Holiday rota'],
    ])
  })
})
