/**
 * The public site's server (cms/publish/staticServer.ts) over a small built site in a temp folder:
 * compressed copies with Vary, revalidation, caching of hashed assets, the 404 page, dot-files,
 * and requests that once stopped the server.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { precompress } from '../../cms/publish/precompress'
import { startStaticServer } from '../../cms/publish/staticServer'

let root: string
let site: Awaited<ReturnType<typeof startStaticServer>>
const guide = `<!doctype html><title>Holiday pay</title>${'<p>You get paid holiday. '.repeat(200)}</p>`

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'organise-static-'))
  await mkdir(path.join(root, 'guides/holiday-pay'), { recursive: true })
  await mkdir(path.join(root, 'assets'), { recursive: true })
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Home</title>')
  await writeFile(path.join(root, 'guides/holiday-pay/index.html'), guide)
  await writeFile(path.join(root, 'assets/site.abc123.css'), `body{color:#111}${' '.repeat(2000)}`)
  await writeFile(path.join(root, '404.html'), '<!doctype html><title>Page not found</title>')
  await writeFile(path.join(root, '.fingerprint'), 'secret build detail')
  expect(await precompress(root)).toBe(2)
  site = await startStaticServer({ root, cmsOrigin: 'http://cms.test' })
})
afterAll(async () => {
  await site?.close()
  await rm(root, { recursive: true, force: true })
})

const raw = (bytes: string) =>
  new Promise<string>((resolve, reject) => {
    const { hostname, port } = new URL(site.url)
    const socket = net.connect(Number(port), hostname, () => socket.write(bytes))
    let got = ''
    socket.on('data', (c: Buffer) => {
      got += c.toString('latin1')
      if (got.includes('\r\n\r\n')) socket.end()
    })
    socket.on('close', () => resolve(got))
    socket.on('error', reject)
    socket.setTimeout(2000, () => socket.destroy())
  })

describe('the site server', () => {
  it('sends the brotli copy to a browser that takes it, gzip to one that takes only gzip, and says it varies', async () => {
    const br = await fetch(`${site.url}/guides/holiday-pay/`, { headers: { 'Accept-Encoding': 'br, gzip' } })
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i)
    expect(await br.text()).toBe(guide)
    const gz = await fetch(`${site.url}/guides/holiday-pay/`, { headers: { 'Accept-Encoding': 'gzip' } })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(await gz.text()).toBe(guide)
    expect(Number(br.headers.get('content-length'))).toBeLessThan(guide.length / 5)
  })

  it('answers 304 to a browser that has the page, and caches hashed assets for a year', async () => {
    const first = await fetch(`${site.url}/guides/holiday-pay/`)
    const etag = first.headers.get('etag')
    expect(etag).toBeTruthy()
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    // As a browser revalidates (fetch() itself would add Cache-Control: no-cache to a conditional request).
    const again = await fetch(`${site.url}/guides/holiday-pay/`, {
      headers: { 'If-None-Match': etag!, 'Cache-Control': 'max-age=0' },
    })
    expect(again.status).toBe(304)
    const asset = await fetch(`${site.url}/assets/site.abc123.css`)
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })

  it('sends strict security headers and never a cookie', async () => {
    const res = await fetch(`${site.url}/`)
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self' http://cms.test")
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('set-cookie')).toBeNull()
  })

  it('answers a missing page with the site’s 404 page, hides dot-files, and redirects a folder without its slash', async () => {
    const missing = await fetch(`${site.url}/guides/nothing-here/`)
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain('Page not found')
    expect((await fetch(`${site.url}/.fingerprint`)).status).toBe(404)
    const folder = await fetch(`${site.url}/guides/holiday-pay`, { redirect: 'manual' })
    expect(folder.status).toBe(301)
    expect(folder.headers.get('location')).toBe('/guides/holiday-pay/')
    expect((await fetch(`${site.url}/`, { method: 'POST', body: 'x' })).status).toBe(405)
  })

  it('keeps serving after requests that once stopped it', async () => {
    for (const line of [
      'GET //[ HTTP/1.1',
      'GET /%E0%A4%A HTTP/1.1',
      'GET /../../etc/passwd HTTP/1.1',
      'GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1',
      'GET /guides/%00/ HTTP/1.1',
    ]) {
      const answer = await raw(`${line}\r\nHost: x\r\n\r\n`)
      expect(answer).toMatch(/^HTTP\/1\.1 (301|400|403|404)/)
    }
    expect((await fetch(`${site.url}/`)).status).toBe(200)
  })
})
