/**
 * `npm start` as a new user runs it: on an empty data folder it creates the database, the first
 * admin and the demo content, builds both sites and serves them; Ctrl-C stops everything; a second
 * start reuses what is there.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readOutbox } from '../../cms/email/outboxAdapter'
import { onFreePorts } from '../../scripts/lib/ports'

let dataDir: string
/** Every start process, so none outlives the tests even when one times out. */
const started: ChildProcess[] = []
let cmsPort: number
let sitePort: number

/** Runs the start script until it says it is ready; returns the process and everything it printed. */
const start = async (env: Record<string, string> = {}) => {
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: '',
    PAYLOAD_SECRET: '',
    DATA_DIR: dataDir,
    CMS_PORT: String(cmsPort),
    SITE_PORT: String(sitePort),
    LOG_LEVEL: 'warn',
    ...env,
  }
  // As `npm start` runs it: one Node process with tsx's loader. (tsx's own command runs the script
  // in a child and, when that child has not answered a Ctrl-C within 30 ms, kills it with SIGKILL
  // and exits with 130, which happened at load average 16, leaving the servers it started running.)
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: process.cwd(),
    env: childEnv as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so SIGINT reaches it and its children as Ctrl-C in a terminal does.
    detached: true,
  })
  started.push(child)
  let output = ''
  child.stdout!.on('data', (c: Buffer) => (output += c))
  child.stderr!.on('data', (c: Buffer) => (output += c))
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('Press Ctrl-C to stop.')) {
        clearInterval(timer)
        resolve()
      }
    }, 100)
    child.once('exit', (code) => {
      clearInterval(timer)
      reject(new Error(`start exited with ${code}:\n${output}`))
    })
  })
  return { child, output: () => output }
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code))
    process.kill(-child.pid!, 'SIGINT')
  })

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'organise-start-'))
})
afterAll(async () => {
  for (const child of started) if (child.exitCode === null) await stop(child)
  await rm(dataDir, { recursive: true, force: true })
})

describe('npm start', () => {
  it('sets up a new install, serves the site and the CMS, and stops cleanly on Ctrl-C', async () => {
    // npm start is told its ports (CMS_PORT, SITE_PORT): if one was taken before it listened, it
    // stops saying so, and the new install is made again on other ports. The second start reuses them.
    const { child, output } = await onFreePorts(2, async (ports) => {
      cmsPort = ports[0]
      sitePort = ports[1]
      await rm(dataDir, { recursive: true, force: true })
      await mkdir(dataDir)
      return start({ ADMIN_EMAIL: 'organiser@example.org', ADMIN_PASSWORD: 'a-long-admin-password' })
    })
    try {
      expect(output()).toMatch(/\[1\/7\] Opening the SQLite database/)
      expect(output()).toContain('created admin organiser@example.org')
      expect(output()).not.toContain('a-long-admin-password')
      expect(output()).toMatch(/adding guides \(\d+\)/)

      const home = await fetch(`http://127.0.0.1:${sitePort}/`)
      expect(home.status).toBe(200)
      expect(await home.text()).toContain('Better work is possible')
      const guide = await fetch(`http://127.0.0.1:${sitePort}/guides/holiday-pay/`)
      expect(guide.status).toBe(200)

      const admin = await fetch(`http://127.0.0.1:${cmsPort}/admin/login`)
      expect(admin.status).toBe(200)
      const login = await fetch(`http://127.0.0.1:${cmsPort}/api/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'organiser@example.org', password: 'a-long-admin-password' }),
      })
      expect(login.status).toBe(200)
      expect(((await login.json()) as { user: { roles: string[] } }).user.roles).toEqual(['admin'])
      // The login cookie comes back through the front server (it passes the admin and API to Next).
      expect(login.headers.getSetCookie().some((c) => c.startsWith('payload-token='))).toBe(true)
      // Personal data is not readable anonymously through the CMS API.
      expect((await fetch(`http://127.0.0.1:${cmsPort}/api/members`)).status).toBe(403)

      expect(await readdir(dataDir)).toEqual(
        expect.arrayContaining(['organise.db', 'snapshot', 'builds', 'site', 'outbox']),
      )
    } finally {
      expect(await stop(child)).toBe(0)
    }
    await expect(fetch(`http://127.0.0.1:${sitePort}/`)).rejects.toThrow()
    await expect(fetch(`http://127.0.0.1:${cmsPort}/admin/login`)).rejects.toThrow()
  }, 600_000)

  it('starts again without rebuilding or reseeding when nothing changed', async () => {
    const { child, output } = await start()
    try {
      expect(output()).toContain('an admin already exists')
      expect(output()).toContain('content found; not seeding')
      expect(output()).toMatch(/Building the static site…\n\s+unchanged since the last build/)
      expect(output()).toMatch(/Building the CMS admin \(Next\.js\)…\n\s+unchanged since the last build/)
      expect((await fetch(`http://127.0.0.1:${sitePort}/guides/`)).status).toBe(200)

      const login = await fetch(`http://127.0.0.1:${cmsPort}/api/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'organiser@example.org', password: 'a-long-admin-password' }),
      })
      const { token } = (await login.json()) as { token: string }
      // The public endpoints work on the CMS port (the front server answers them): sign, then read the count.
      const created = await fetch(`http://127.0.0.1:${cmsPort}/api/petitions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
        body: JSON.stringify({
          title: 'Fair rotas',
          slug: 'fair-rotas',
          summary: 'Rotas a week ahead.',
          addressedTo: 'Employers',
          whatWeWant: 'Rotas a week ahead',
          goal: 100,
          state: 'open',
          _status: 'published',
        }),
      })
      expect(created.status).toBe(201)
      const siteOrigin = `http://localhost:${sitePort}`
      const preflight = await fetch(`http://127.0.0.1:${cmsPort}/api/public/petitions/fair-rotas/sign`, {
        method: 'OPTIONS',
        headers: {
          Origin: siteOrigin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      })
      expect(preflight.headers.get('access-control-allow-origin')).toBe(siteOrigin)
      const signed = await fetch(`http://127.0.0.1:${cmsPort}/api/public/petitions/fair-rotas/sign`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: siteOrigin },
        body: JSON.stringify({ name: 'Tom', email: 'tom@example.org' }),
      })
      expect(signed.status).toBe(202)
      expect(signed.headers.get('access-control-allow-origin')).toBe(siteOrigin)
      const mail = await readOutbox(path.join(dataDir, 'outbox'))
      expect(mail.find((m) => m.to.includes('tom@example.org'))?.text).toMatch(
        new RegExp(`http://localhost:${cmsPort}/api/public/confirm/signature/`),
      )
      const count = await fetch(`http://127.0.0.1:${cmsPort}/api/public/petitions/fair-rotas/count`)
      expect(count.status).toBe(200)
      expect(await count.json()).toMatchObject({ count: 0, goal: 100, state: 'open' })
      const again = await fetch(`http://127.0.0.1:${cmsPort}/api/public/petitions/fair-rotas/count`, {
        headers: { 'If-None-Match': count.headers.get('etag')! },
      })
      expect(again.status).toBe(304)
    } finally {
      expect(await stop(child)).toBe(0)
    }
  }, 300_000)
})
