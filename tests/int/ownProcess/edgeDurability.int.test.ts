/**
 * Durability: the front server runs as its own process (as npm start runs it) while sixteen
 * clients sign at once; it is killed with SIGKILL mid-stream and started again. Every signature
 * that was answered 202 must be in the database, and none twice. The same for messages in a
 * network's conversation: every one answered 201 is there after the restart.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.JOBS_AUTORUN = 'false'
})

import { initPayload } from '../../../cms/initPayload'
import { outboxAdapter } from '../../../cms/email/outboxAdapter'
import { createLocalReq } from 'payload'
import { startMemberSession } from '../../../cms/members/session'
import { make } from '../../helpers/factories'
import { site } from '../accountClient'

const SECRET = 'integration-tests-only'
let dir: string
let databaseUri: string
let slug: string
/** A member's session cookie and their network's thread, for the messages posted meanwhile. */
let cookie: string
let thread: number
const started: ChildProcess[] = []

/** Opens the test database with Payload (migrations applied), runs `use`, and closes it. */
const withPayload = async <T>(
  use: (payload: Awaited<ReturnType<typeof initPayload>>) => Promise<T>,
): Promise<T> => {
  const payload = await initPayload({
    databaseUri,
    secret: SECRET,
    key: `${dir}-${Math.random()}`,
    email: outboxAdapter({ dir: path.join(dir, 'outbox') }),
  })
  try {
    return await use(payload)
  } finally {
    await payload.destroy().catch(() => {})
  }
}

/** Starts `node --import tsx cms/edge/serve.ts` on a port the OS picks (PORT=0); resolves with its URL once it says it is listening. */
const startFrontServer = (extraEnv: Record<string, string> = {}) =>
  new Promise<{ child: ChildProcess; url: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cms/edge/serve.ts'], {
      cwd: path.resolve(__dirname, '../../..'),
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URI: databaseUri,
        OUTBOX_DIR: path.join(dir, 'outbox'),
        PAYLOAD_SECRET: SECRET,
        TRUST_PROXY: '1',
        JOBS_AUTORUN: 'false',
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    started.push(child)
    let out = ''
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      const m = /listening on (http:\/\/[^\s/]+)/.exec(out)
      if (m) resolve({ child, url: m[1] })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()))
    child.once('exit', (code) =>
      reject(new Error(`The front server exited (${code}) before listening:\n${out}`)),
    )
  })

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'organise-edge-kill-'))
  databaseUri = `file:${path.join(dir, 'db')}`
  ;({ slug, cookie, thread } = await withPayload(async (payload) => {
    const network = await make.network(payload)
    const member = await make.member(payload, {
      state: 'confirmed',
      networks: [network.id],
      displayNames: [{ network: network.id, name: 'Loader', guidelinesAcceptedAt: new Date().toISOString() }],
    })
    const made = await payload.create({
      collection: 'threads',
      overrideAccess: true,
      data: { network: network.id, title: 'Breaks', authorName: 'Loader', author: member.id },
    })
    const session = await startMemberSession(await createLocalReq({}, payload), member.id)
    return {
      slug: String((await make.petition(payload)).slug),
      cookie: session.split(';')[0],
      thread: made.id,
    }
  }))
})
afterAll(async () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  await rm(dir, { recursive: true, force: true })
})

/** Posts a message to the thread through a front server. */
const post = (url: string, body: string) =>
  fetch(`${url}/api/account/conversations/threads/${thread}/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: site() },
    body: JSON.stringify({ body }),
  })

describe('signatures and messages survive kill -9', () => {
  it('keeps every signature answered 202 exactly once, and every message answered 201, when the server is killed mid-stream and started again', async () => {
    const first = await startFrontServer({ RATE_LIMIT_POST: 'off' })
    const posted: string[] = []
    const poster = async (i: number) => {
      for (let k = 0; ; k++) {
        try {
          const res = await post(first.url, `message ${i}-${k}`)
          expect(res.status).toBe(201)
          posted.push(`message ${i}-${k}`)
        } catch {
          return // the server is gone
        }
      }
    }
    const accepted: string[] = []
    let tried = 0
    let stop = false
    const loop = async (i: number) => {
      for (let k = 0; !stop; k++) {
        const email = `loop${i}-${k}@example.net`
        tried++
        try {
          const res = await fetch(`${first.url}/api/public/petitions/${slug}/sign`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `10.9.${i}.${k % 250}` },
            body: JSON.stringify({ name: 'Kim', email }),
          })
          if (res.status === 202) accepted.push(email)
          else expect(res.status, `answer to ${email}`).toBe(429)
        } catch {
          return // the server is gone
        }
      }
    }
    const loops = [...Array.from({ length: 16 }, (_, i) => loop(i)), ...[0, 1].map(poster)]
    // Kill it once signing and posting are in full flow, without letting it finish anything.
    while (accepted.length < 200 || posted.length < 20) await new Promise((r) => setTimeout(r, 5))
    expect(process.kill(first.child.pid!, 'SIGKILL')).toBe(true)
    await Promise.all(loops)
    stop = true
    expect(tried).toBeGreaterThan(accepted.length)

    // Started again on the same database, it answers (and so has recovered the file).
    const second = await startFrontServer()
    const again = await fetch(`${second.url}/api/public/petitions/${slug}/sign`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '10.9.200.1' },
      body: JSON.stringify({ name: 'Kim', email: 'after-restart@example.net' }),
    })
    expect(again.status).toBe(202)
    const page = await fetch(`${second.url}/api/account/conversations/threads/${thread}`, {
      headers: { Cookie: cookie, Origin: site() },
    })
    const shown = ((await page.json()) as { messages: { body: string }[] }).messages.map((m) => m.body)
    expect(posted.filter((body) => !shown.includes(body))).toEqual([])
    second.child.kill('SIGTERM')
    await new Promise((r) => second.child.once('exit', r))

    const stored = await withPayload(async (payload) =>
      (
        await payload.find({
          collection: 'signatures',
          overrideAccess: true,
          depth: 0,
          pagination: false,
          select: { emailCanonical: true },
        })
      ).docs.map((d) => String(d.emailCanonical)),
    )
    const times = new Map<string, number>()
    for (const e of stored) times.set(e, (times.get(e) ?? 0) + 1)
    expect([...times].filter(([, n]) => n > 1)).toEqual([])
    expect(accepted.filter((e) => !times.has(e))).toEqual([])
    expect(times.has('after-restart@example.net')).toBe(true)
    // Under a loaded machine the 16 signers and 2 posters take longer to reach the kill point.
  }, 120_000)
})
