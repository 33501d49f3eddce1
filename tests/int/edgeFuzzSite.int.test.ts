/**
 * Attacks on the public site's server (the static files), property-based with fast-check: malformed
 * requests over raw keep-alive sockets. No answer is a 5xx, no dot-file or file outside the site
 * is ever served, and every connection is either closed by the server or still answers the next
 * well-formed request.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStaticServer } from '../../cms/publish/staticServer'
import {
  attackThenProbe,
  expectNo5xx,
  expectUsableOrClosed,
  fuzzSettings,
  type Probe,
} from '../helpers/edgeAttackLoop'
import { attack } from '../helpers/edgeAttacks'
import { UPGRADE_HEADERS } from '../helpers/edgeRequests'
import { ConnectionPool, RawConnection } from '../helpers/edgeRaw'

let dir: string
let site: { url: string; close: () => Promise<void> }
let sent = 0
const SECRET = 'never-served-7f3a'
const PROBE = 'GET /probe.txt HTTP/1.1\r\nHost: localhost\r\n\r\n'
const probe: Probe = {
  request: PROBE,
  isAnswer: (r) => r.status === 200 && r.body.toString() === 'probe-ok',
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'organise-edge-site-'))
  const root = path.join(dir, 'site')
  await mkdir(path.join(root, 'guides', 'holiday-pay'), { recursive: true })
  await mkdir(path.join(root, 'assets'), { recursive: true })
  const js = 'console.log("hashed asset")'.repeat(20)
  await Promise.all([
    writeFile(path.join(root, 'index.html'), '<!doctype html><title>Home</title>'),
    writeFile(
      path.join(root, 'guides', 'holiday-pay', 'index.html'),
      '<!doctype html><title>Holiday pay</title>',
    ),
    writeFile(path.join(root, '404.html'), '<!doctype html><title>Not found</title>'),
    writeFile(path.join(root, 'probe.txt'), 'probe-ok'),
    writeFile(path.join(root, 'assets', 'app.3f9a1c.js'), js),
    writeFile(path.join(root, 'assets', 'app.3f9a1c.js.br'), brotliCompressSync(js)),
    writeFile(path.join(root, 'assets', 'app.3f9a1c.js.gz'), gzipSync(js)),
    writeFile(path.join(root, '.hidden'), SECRET),
    writeFile(path.join(root, '.env'), SECRET),
    writeFile(path.join(dir, 'outside.txt'), SECRET),
  ])
  process.env.LOG_LEVEL = 'fatal'
  site = await startStaticServer({ root })
})
afterAll(async () => {
  await site?.close()
  await rm(dir, { recursive: true, force: true })
})

const PATHS = [
  '/',
  '/index.html',
  '/guides/holiday-pay/',
  '/guides/holiday-pay',
  '/assets/app.3f9a1c.js',
  '/assets/app.3f9a1c.js.br',
  '/.hidden',
  '/.env',
  '/../outside.txt',
  '/%2e%2e/outside.txt',
  '/assets/../../outside.txt',
  '/nothing/',
  '/404.html',
]

describe('the site server under attack', () => {
  it('answers every malformed request without a 5xx, never serves a dot-file or a file outside the site, and keeps each connection usable or closes it', async () => {
    const pool = new ConnectionPool(site.url)
    const choices = [
      'Accept-Encoding: br',
      'Accept-Encoding: gzip',
      'Accept-Encoding: gzip;q=0, br;q=0',
      'Accept-Encoding: x',
      'Range: bytes=0-3',
    ]
    let turn = 0
    const encodings = () => [choices[turn++ % choices.length]]
    await fc.assert(
      fc.asyncProperty(attack(PATHS, encodings), async (c) => {
        const outcome = await attackThenProbe(pool, c, probe)
        sent += c.methods.length + 1
        expectNo5xx(c, outcome)
        expect(
          outcome.responses.filter((r) => r.body.toString('latin1').includes(SECRET)),
          `a hidden file served for ${c.kinds.join(' | ')}`,
        ).toEqual([])
        expectUsableOrClosed(c, outcome)
      }),
      fuzzSettings(2400),
    )
    pool.closeAll()
    expect(sent).toBeGreaterThanOrEqual(3500)
    const res = await fetch(`${site.url}/assets/app.3f9a1c.js`, { headers: { 'Accept-Encoding': 'br' } })
    expect(res.status).toBe(200)
  })

  it('answers well-formed requests for every kind of path, encoded every way, without a 5xx or a hidden file', async () => {
    const pool = new ConnectionPool(site.url)
    const encode = (p: string, how: number) =>
      how === 0
        ? p
        : how === 1
          ? p.replace(/\./g, '%2e')
          : how === 2
            ? p.replace(/\//g, '%2f').replace(/^%2f/, '/')
            : p.replace(/\//g, '\\').replace(/^\\/, '/')
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PATHS),
        fc.nat(3),
        fc.constantFrom('GET', 'HEAD'),
        fc.constantFrom('br', 'gzip', 'identity'),
        async (p, how, method, enc) => {
          const conn = await pool.take()
          conn.write(
            `${method} ${encode(p, how)} HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: ${enc}\r\n\r\n`,
            [method],
          )
          const { responses } = await conn.read(1, 8000)
          pool.give(conn)
          sent++
          expect(responses[0]?.status).toBeLessThan(500)
          expect(responses[0]?.body.toString('latin1')).not.toContain(SECRET)
        },
      ),
      { numRuns: 600, endOnFailure: true },
    )
    pool.closeAll()
  })

  it('answers the next request on a connection that asked to upgrade to WebSocket, or closes it', async () => {
    const conn = await RawConnection.open(site.url)
    conn.write(`GET / HTTP/1.1\r\nHost: localhost\r\n${UPGRADE_HEADERS}\r\n\r\n${PROBE}`, ['GET', 'GET'])
    const { responses, state } = await conn.read(2, 1500)
    conn.destroy()
    expect(responses.length === 2 || state !== 'hung').toBe(true)
  })
})
