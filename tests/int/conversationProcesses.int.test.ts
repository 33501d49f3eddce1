/**
 * Live conversations across processes: a second Payload on the same SQLite file (another CMS
 * process) hears what the first one writes, and the front server as npm start runs it (Next
 * behind) answers the live stream itself rather than passing it on.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEndpointServer } from '../../cms/edge/serve'
import { initPayload } from '../../cms/initPayload'
import { make } from '../helpers/factories'
import { startHarness, type ServedHarness } from '../helpers/harness'
import { anotherSession, call, confirmedMember } from './accountClient'
import { openLive } from './liveClient'

let t: ServedHarness
let ana: string
const conv = (p: string) => `/account/conversations${p}`
const liveUrl = (base: string, thread: number | string) =>
  `${base}/api/account/conversations/threads/${thread}/live`

beforeAll(async () => {
  t = await startHarness({ withServer: true })
  const network = await make.network(t.payload)
  const member = await confirmedMember(t.payload, 'ana.proc@example.org', [network.id])
  ana = await anotherSession(t.payload, member.id)
  await call(t, ana, 'PUT', conv(`/${network.slug}/me`), { displayName: 'Night owl', acceptGuidelines: true })
  await call(t, ana, 'POST', conv(`/${network.slug}/threads`), { title: 'Shifts', body: 'First' })
}, 60_000)
afterAll(async () => t?.close())

describe('behind npm start’s front server', () => {
  it('answers the live stream itself, not passing it to Next', async () => {
    const reached: string[] = []
    const next = http.createServer((req, res) => {
      reached.push(String(req.url))
      res.end('next')
    })
    await new Promise<void>((r) => next.listen(0, '127.0.0.1', r))
    const front = await t.serve({ proxyTo: `http://127.0.0.1:${(next.address() as AddressInfo).port}` })
    try {
      const thread = await latestThread()
      const live = await openLive(liveUrl(front.url, thread.id), ana)
      expect(live.status).toBe(200)
      await call(t, ana, 'POST', conv(`/threads/${thread.id}/messages`), { body: 'Through the front' })
      await live.next((e) => (e.data as { body?: string }).body === 'Through the front')
      live.close()
      expect(reached.filter((u) => u.includes('/live'))).toEqual([])
    } finally {
      await front.close()
      await new Promise((r) => next.close(r))
    }
  })
})

describe('two CMS instances on one SQLite file', () => {
  it('delivers a message written through one to a viewer of the other', async () => {
    const second = await initPayload({
      databaseUri: `file:${path.join(t.dir, 'test.db')}`,
      secret: 'integration-tests-only',
      key: `${t.dir}-second`,
    })
    const server = await startEndpointServer({ payload: second, key: `${t.dir}-second` })
    try {
      const live = await openLive(liveUrl(server.url, (await latestThread()).id), ana)
      expect(live.status).toBe(200)
      const thread = await latestThread()
      await call(t, ana, 'POST', conv(`/threads/${thread.id}/messages`), { body: 'Across processes' })
      const got = await live.next((e) => (e.data as { body?: string }).body === 'Across processes')
      expect(got.event).toBe('message')
      live.close()
    } finally {
      await server.close()
      await second.destroy()
    }
  })
})

const latestThread = async () =>
  (await t.payload.find({ collection: 'threads', sort: '-createdAt', limit: 1, overrideAccess: true }))
    .docs[0]
