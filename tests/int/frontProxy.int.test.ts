/**
 * The endpoint server in front of Next (as npm start runs it): it answers /api/public/ itself and
 * passes everything else to the server behind, here a stand-in that echoes what it got.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
})

import { proxyTo } from '../../cms/endpoints/proxy'
import { createEndpointServer, listen } from '../../cms/endpoints/serve'
import { startTestPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let front: { url: string; close: () => Promise<void> }
let behind: http.Server
let behindUrl: string
const seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] = []

beforeAll(async () => {
  t = await startTestPayload()
  behind = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c))
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body })
      res.setHeader('Set-Cookie', ['a=1; Path=/', 'b=2; Path=/'])
      res.writeHead(req.url === '/missing' ? 404 : 200, { 'Content-Type': 'application/json', 'X-Behind': 'yes' })
      res.end(JSON.stringify({ echoed: body }))
    })
  })
  await new Promise<void>((r) => behind.listen(0, '127.0.0.1', r))
  behindUrl = `http://127.0.0.1:${(behind.address() as AddressInfo).port}`
  front = await listen(createEndpointServer({ payload: t.payload, key: t.dir, fallback: proxyTo(behindUrl) }))
})
afterAll(async () => {
  await front?.close()
  await new Promise((r) => behind?.close(r))
  await t?.cleanup()
})

describe('the front server', () => {
  it('passes the admin and API to the server behind: method, path, body, Host, cookies both ways, status', async () => {
    seen.length = 0
    const res = await fetch(`${front.url}/api/users/login?x=1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: 'payload-token=abc', 'X-Forwarded-For': '203.0.113.7' },
      body: JSON.stringify({ email: 'a@example.org' }),
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-behind')).toBe('yes')
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/'])
    expect(await res.json()).toEqual({ echoed: JSON.stringify({ email: 'a@example.org' }) })
    const got = seen[0]
    expect(got).toMatchObject({ method: 'POST', url: '/api/users/login?x=1' })
    expect(got.headers.host).toBe(new URL(front.url).host)
    expect(got.headers.cookie).toBe('payload-token=abc')
    // The client's address is added after the one it claimed, as our servers read it (TRUST_PROXY).
    expect(got.headers['x-forwarded-for']).toBe('203.0.113.7, 127.0.0.1')
    expect((await fetch(`${front.url}/missing`)).status).toBe(404)
  })

  it('answers the public endpoints itself', async () => {
    seen.length = 0
    const count = await fetch(`${front.url}/api/public/petitions/no-such-petition/count`)
    expect(count.status).toBe(404)
    expect(await count.json()).toMatchObject({ status: 'not-found' })
    const stamp = await fetch(`${front.url}/api/public/form-stamp`)
    expect(stamp.status).toBe(200)
    expect(seen).toEqual([])
  })

  it('says so with 502 when the server behind is not answering', async () => {
    const down = await listen(createEndpointServer({ payload: t.payload, key: t.dir, fallback: proxyTo('http://127.0.0.1:9') }))
    try {
      const res = await fetch(`${down.url}/admin`)
      expect(res.status).toBe(502)
      expect(await res.text()).toMatch(/not answering/)
      // The public endpoints still work without it.
      expect((await fetch(`${down.url}/api/public/form-stamp`)).status).toBe(200)
    } finally {
      await down.close()
    }
  })
})
