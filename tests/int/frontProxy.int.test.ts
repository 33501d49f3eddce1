/**
 * The endpoint server in front of Next (as npm start runs it): it answers /api/public/ itself and
 * passes everything else to the server behind, here a stand-in that echoes what it got.
 */
import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
  process.env.RATE_LIMIT_LOGIN = '3/300'
  process.env.RATE_LIMIT_CONFIRM = '2/60'
})

import { CLIENT_ADDRESS_HEADER, verifiedClientAddress } from '../../cms/edge/clientAddress'
import { startHarness, type Harness } from '../helpers/harness'

let t: Harness
let front: { url: string; close: () => Promise<void> }
let behind: http.Server
let behindUrl: string
const seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] = []

beforeAll(async () => {
  t = await startHarness()
  behind = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c))
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body })
      res.setHeader('Set-Cookie', ['a=1; Path=/', 'b=2; Path=/'])
      res.writeHead(req.url === '/missing' ? 404 : 200, {
        'Content-Type': 'application/json',
        'X-Behind': 'yes',
      })
      res.end(JSON.stringify({ echoed: body }))
    })
  })
  await new Promise<void>((r) => behind.listen(0, '127.0.0.1', r))
  behindUrl = `http://127.0.0.1:${(behind.address() as AddressInfo).port}`
  front = await t.serve({ proxyTo: behindUrl })
})
afterAll(async () => {
  await front?.close()
  await new Promise((r) => behind?.close(r))
  await t?.close()
})

describe('the front server', () => {
  it('passes the admin and API to the server behind: method, path, body, Host, cookies both ways, status', async () => {
    seen.length = 0
    const res = await fetch(`${front.url}/api/users/login?x=1`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Cookie: 'payload-token=abc',
        'X-Forwarded-For': '203.0.113.7',
        'X-Real-IP': '203.0.113.8',
        [CLIENT_ADDRESS_HEADER]: '203.0.113.9 forged',
      },
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
    // TRUST_PROXY is 0: the address the client claimed is replaced by the socket's, never appended to.
    expect(got.headers['x-forwarded-for']).toBe('127.0.0.1')
    expect(got.headers['x-real-ip']).toBeUndefined()
    expect(verifiedClientAddress(t.payload.secret, String(got.headers[CLIENT_ADDRESS_HEADER]))).toBe(
      '127.0.0.1',
    )
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
    const down = await t.serve({ proxyTo: 'http://127.0.0.1:9' })
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

  it('frames a chunked body on GET, so no second request is smuggled to the server behind', async () => {
    seen.length = 0
    const smuggled = 'GET /smuggled HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 6.6.6.6\r\n\r\n'
    const chunk = `${smuggled.length.toString(16)}\r\n${smuggled}\r\n0\r\n\r\n`
    const raw = `GET /admin HTTP/1.1\r\nHost: ${new URL(front.url).host}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunk}`
    const answer = await rawRequest(front.url, raw)
    expect(answer).toMatch(/^HTTP\/1\.1 200/)
    await new Promise((r) => setTimeout(r, 200))
    expect(seen.map((s) => s.url)).toEqual(['/admin'])
    expect(seen[0].headers['x-forwarded-for']).toBe('127.0.0.1')
  })
})

describe('limits per client address at the front', () => {
  it('tells the fourth admin login from one address in five minutes to wait, before Next sees it', async () => {
    seen.length = 0
    const login = () =>
      fetch(`${front.url}/api/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"email":"a@example.org","password":"x"}',
      })
    // The first test above made one login from this address already.
    const statuses = [(await login()).status, (await login()).status]
    const fourth = await login()
    expect([...statuses, fourth.status]).toEqual([200, 200, 429])
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await fourth.json()).errors[0].message).toMatch(/Too many tries to log in/)
    expect(seen).toHaveLength(2)
    // Other admin requests from the same address still pass.
    expect((await fetch(`${front.url}/admin`)).status).toBe(200)
  })

  it('limits presses of the confirm button per address, with a page saying when to try again', async () => {
    const press = () =>
      fetch(`${front.url}/api/public/confirm/signature/no-such-token`, {
        method: 'POST',
        headers: { Accept: 'text/html' },
      })
    expect([(await press()).status, (await press()).status]).toEqual([404, 404])
    const third = await press()
    expect(third.status).toBe(429)
    expect(await third.text()).toMatch(/Please wait a moment/)
  })
})

/** Sends raw bytes on a new connection and resolves with everything the server sent back until it closed. */
const rawRequest = (url: string, raw: string) =>
  new Promise<string>((resolve, reject) => {
    const { hostname, port } = new URL(url)
    const socket = net.connect(Number(port), hostname, () => socket.write(raw))
    let got = ''
    socket.on('data', (c: Buffer) => (got += c.toString()))
    socket.on('close', () => resolve(got))
    socket.on('error', reject)
    socket.setTimeout(1500, () => socket.destroy())
  })
