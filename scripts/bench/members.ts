/**
 * `npm run bench -- members [seconds] [concurrency]`: the members' endpoints under load (32
 * concurrent clients by default) against the front server (cms/edge/serve.ts) on a new SQLite
 * file: registering for a training session by email, pressing the confirm links (each decides a
 * place atomically), and asking for a sign-in link. Prints requests/s and p99 per phase, and checks
 * that the session has exactly `capacity` places taken and everyone else waiting, numbered once.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { phaseTable, runPhase, type BenchRequest, type PhaseFigures } from './members/load'

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'))
const seconds = Number(positional[0] ?? 20)
const concurrency = Number(positional[1] ?? 32)
const CAPACITY = 100
const SLUG = 'bench-session'

process.env.PAYLOAD_SECRET ||= 'bench-only-secret'
process.env.LOG_LEVEL ||= 'warn'
process.env.JOBS_AUTORUN = 'false'
const dir = await mkdtemp(path.join(os.tmpdir(), 'organise-bench-members-'))
process.env.DATABASE_URI = `file:${path.join(dir, 'bench.db')}`
process.env.OUTBOX_DIR = path.join(dir, 'outbox')

const { initPayload } = await import('../../cms/initPayload')
const { readOutbox } = await import('../../cms/email/outboxAdapter')
const payload = await initPayload({ key: 'bench' })
const session = await payload.create({
  collection: 'training-sessions',
  overrideAccess: true,
  data: {
    _status: 'published',
    title: 'Bench session',
    slug: SLUG,
    summary: 'Bench.',
    format: 'online',
    start: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    end: new Date(Date.now() + 30 * 86_400_000 + 5_400_000).toISOString(),
    registration: 'platform',
    status: 'scheduled',
    capacity: CAPACITY,
  },
})

const { startFrontServer } = await import('../lib/cmsServers')
const { onFreePort } = await import('../lib/ports')
const { port, servers } = await onFreePort(async (port) => {
  const started = startFrontServer({
    root: process.cwd(),
    host: '127.0.0.1',
    port,
    env: {
      ...process.env,
      TRUST_PROXY: '1',
      NODE_ENV: 'production',
      ALLOW_GENERATED_SECRET: 'true',
      RATE_LIMIT_JOIN: 'off',
      RATE_LIMIT_SIGNIN: 'off',
      CMS_URL: `http://127.0.0.1:${port}`,
    },
  })
  await started.ready.catch(async (error: unknown) => {
    await started.stop()
    throw error
  })
  return { port, servers: started.children }
})
const stop = () => {
  for (const s of servers) if (s.exitCode === null) s.kill('SIGTERM')
}
process.on('exit', stop)

const settings = { port, concurrency, ms: seconds * 1000 }
const json = { 'Content-Type': 'application/json', Accept: 'application/json' }
let i = 0
const ip = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`
const phases: PhaseFigures[] = []

phases.push(
  await runPhase('register by email', settings, () => {
    const n = ++i
    return {
      method: 'POST',
      path: `/api/public/training/${SLUG}/register`,
      headers: { ...json, 'X-Forwarded-For': ip(n) },
      body: JSON.stringify({ firstName: 'Bench', email: `bench${n}@example.org` }),
    }
  }),
)
const links = (await readOutbox(process.env.OUTBOX_DIR))
  .map((m) => /\/api\/public\/training\/confirm\/\S+/.exec(m.text)?.[0])
  .filter((l): l is string => Boolean(l))
let pressed = 0
// Every link is pressed, however long it takes: the check below counts them all.
phases.push(
  await runPhase('confirm link (place)', { ...settings, ms: 600_000 }, (): BenchRequest | null =>
    pressed < links.length ? { method: 'POST', path: links[pressed++], headers: json, body: '{}' } : null,
  ),
)
let asked = 0
phases.push(
  await runPhase('sign-in link request', settings, () => {
    const n = (asked++ % Math.max(1, pressed)) + 1
    return {
      method: 'POST',
      path: '/api/public/sign-in',
      headers: { ...json, 'X-Forwarded-For': ip(n) },
      body: JSON.stringify({ email: `bench${n}@example.org` }),
    }
  }),
)

const count = async (state: string) =>
  (
    await payload.count({
      collection: 'registrations',
      where: { and: [{ session: { equals: session.id } }, { state: { equals: state } }] },
      overrideAccess: true,
    })
  ).totalDocs
const waiting = await payload.find({
  collection: 'registrations',
  where: { and: [{ session: { equals: session.id } }, { state: { equals: 'waiting' } }] },
  limit: 0,
  pagination: false,
  depth: 0,
  overrideAccess: true,
  select: { position: true },
})
const registered = await count('registered')
const positions = new Set(waiting.docs.map((r) => r.position))
console.log(
  `\n${concurrency} concurrent clients, up to ${seconds} s per phase; ${links.length} confirm links pressed once each.\n`,
)
console.log(phaseTable(phases))
console.log(
  `\nPlaces: ${registered} registered of ${CAPACITY} (${registered === Math.min(CAPACITY, links.length) ? 'PASS' : 'FAIL'}), ` +
    `${waiting.docs.length} waiting with ${positions.size} different positions (${positions.size === waiting.docs.length ? 'PASS' : 'FAIL'}), ` +
    `${registered + waiting.docs.length} of ${links.length} confirmed people placed (${registered + waiting.docs.length === links.length ? 'PASS' : 'FAIL'}).`,
)
stop()
await payload.destroy()
await rm(dir, { recursive: true, force: true })
process.exit(0)
