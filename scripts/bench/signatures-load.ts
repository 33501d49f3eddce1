/**
 * Signature throughput, through the real HTTP server (cms/edge/serve.ts: sign and count on its
 * fast routes, everything else through Payload's endpoint router) on SQLite, with email to the
 * offline outbox:
 *   - sign: submissions per second sustained for the run (and its slowest 10 s), latency p50/p99,
 *     none lost (every 2xx has its stored row), none counted twice after confirmation (links
 *     pressed twice, at once);
 *   - count endpoint: requests per second (and with If-None-Match, answered 304);
 *   - what limits it: CPU per request in the server and in this load generator (they share the
 *     machine's cores), the outbox's cost per email, and Payload's create path against a direct
 *     and a batched insert.
 *
 * Usage: npm run bench -- signatures-load [seconds=60] [concurrency=32] [--next]
 * (`npm run bench -- signatures` compares signing with a bare baseline, side by side.)
 * --next measures the CMS as `npm start` serves it (Next behind the endpoint server, see
 * scripts/lib/cmsServers.ts; the admin is built first if its sources changed) instead of the
 * endpoint server alone.
 * BENCH_SERVER_NODE_ARGS: Node flags for the server (for example --cpu-prof).
 * Settings passed on to the server: SIGN_EMAIL_WAIT_MS (how long an answer waits for its email,
 * default 1000; 0 sends after the answer), SIGN_BATCH_MS and SIGN_BATCH_ROWS (insert batches).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Connection } from './signatures/connection'
import { measureInsertPaths, measureOutboxEmail } from './signatures/limits'
import { printLoadReport } from './signatures/loadReport'
import { ownCpuMicros, treeCpuMicros } from './signatures/processCpu'
import { runLoad } from './signatures/runLoad'

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'))
const seconds = Number(positional[0] ?? 60)
const concurrency = Number(positional[1] ?? 32)
const underNext = process.argv.includes('--next')
const TARGET_SIGN = 1000
const TARGET_P99 = 100
const TARGET_COUNT = 5000
const SLUG = 'bench-petition'

process.env.PAYLOAD_SECRET ||= 'bench-only-secret'
process.env.LOG_LEVEL ||= 'warn'
process.env.JOBS_AUTORUN = 'false'

const dir = await mkdtemp(path.join(os.tmpdir(), 'organise-bench-sign-'))
const databaseUri = `file:${path.join(dir, 'bench.db')}`
const outboxDir = path.join(dir, 'outbox')
process.env.DATABASE_URI = databaseUri
process.env.OUTBOX_DIR = outboxDir

const { initPayload } = await import('../../cms/initPayload')
const { rollUpCounts } = await import('../../cms/campaigns/counts')
const payload = await initPayload({ key: 'bench' })
const petition = await payload.create({
  collection: 'petitions',
  overrideAccess: true,
  data: {
    _status: 'published',
    title: 'Bench petition',
    slug: SLUG,
    summary: 'Bench.',
    addressedTo: 'Bench',
    whatWeWant: 'Speed',
    goal: 1_000_000,
    state: 'open',
  },
})

const { startCmsServers, startFrontServer } = await import('../lib/cmsServers')
const { onFreePort } = await import('../lib/ports')
// BENCH_SERVER_NODE_ARGS adds Node flags to the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (written when it stops).
const serverNodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)
const serverEnv = {
  ...process.env,
  TRUST_PROXY: '1',
  NODE_ENV: 'production' as const,
  ALLOW_GENERATED_SECRET: 'true',
  NEXT_TELEMETRY_DISABLED: '1',
}
if (underNext) {
  const { buildCmsIfNeeded } = await import('../lib/cmsBuild')
  console.log('Building the CMS (next build) if its sources changed…')
  const { skipped } = await buildCmsIfNeeded(process.cwd(), serverEnv)
  console.log(skipped ? 'The CMS build is current.' : 'Built the CMS.')
}
// The server is told its own address (CMS_URL, for the links it emails): on another port if the one it got was taken meanwhile.
const { port, servers } = await onFreePort(async (port) => {
  const options = {
    root: process.cwd(),
    host: '127.0.0.1',
    port,
    env: { ...serverEnv, CMS_URL: `http://127.0.0.1:${port}` },
    nodeArgs: serverNodeArgs,
  }
  const started = underNext ? await startCmsServers(options) : startFrontServer(options)
  await started.ready.catch(async (error: unknown) => {
    await started.stop()
    throw error
  })
  return { port, servers: started.children }
})
const base = `http://127.0.0.1:${port}`
const stopServer = () => {
  for (const s of servers) if (s.exitCode === null) s.kill('SIGTERM')
}
process.on('exit', stopServer)

const SITE_ORIGIN = new URL(process.env.SITE_URL || 'http://localhost:4321').origin
const countPath = `/api/public/petitions/${SLUG}/count`
const probe = new Connection(port)
for (let i = 0; ; i++) {
  const ok = await probe
    .send('GET', countPath)
    .then((r) => r.status === 200)
    .catch(() => false)
  if (ok) break
  if (i > 120) throw new Error('The endpoint server did not start within 60 s.')
  await new Promise((r) => setTimeout(r, 500))
}

const serverCpuMicros = () => treeCpuMicros(servers.map((s) => s.pid))
const clientCpuMicros = ownCpuMicros

/** A client address of its own for request `i` (the server trusts X-Forwarded-For: TRUST_PROXY=1). */
const clientAddress = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`
const POSTCODES = ['M1 1AE', 'EH1 1YZ', 'CF10 1EP', 'BT1 5GS', 'LS1 4AP', 'SW1A 1AA', '']

const load = (ms: number, send: (i: number, connection: Connection) => Promise<number>) =>
  runLoad({ ms, concurrency, port, serverCpuMicros, clientCpuMicros }, send)

// 1. Sign, sustained.
const accepted = new Set<string>()
console.log(
  `Signing for ${seconds} s with ${concurrency} concurrent clients (this load generator and the server share the ${os.cpus().length} cores)…`,
)
const signPath = `/api/public/petitions/${SLUG}/sign`
const sign = await load(seconds * 1000, async (i, connection) => {
  const email = `bench-${i}@example.org`
  const res = await connection.send(
    'POST',
    signPath,
    {
      'Content-Type': 'application/json',
      Origin: SITE_ORIGIN,
      'X-Forwarded-For': clientAddress(i),
    },
    JSON.stringify({ name: `Bench ${i}`, email, postcode: POSTCODES[i % POSTCODES.length] }),
  )
  if (res.status >= 200 && res.status < 300) accepted.add(email)
  return res.status
})

// 2. None lost: every 2xx has its stored row.
const stored = (
  await payload.count({
    collection: 'signatures',
    where: { petition: { equals: petition.id } },
    overrideAccess: true,
  })
).totalDocs
const storedAccepted = (
  await payload.db.find<{ emailCanonical: string }>({
    collection: 'signatures',
    where: { petition: { equals: petition.id } },
    select: { emailCanonical: true },
    pagination: false,
    limit: 0,
  })
).docs.filter((d) => accepted.has(d.emailCanonical)).length

// 3. None counted twice: confirm a sample, every link pressed twice at once, then roll up.
const { readOutbox } = await import('../../cms/email/outboxAdapter')
const links = (await readOutbox(outboxDir, { limit: 2000 })).map(
  (m) => /\/api\/public\/confirm\/signature\/[A-Za-z0-9_-]+/.exec(m.text)![0],
)
const t0 = performance.now()
let cursor = 0
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    const pair = [new Connection(port), new Connection(port)]
    while (cursor < links.length) {
      // Each person presses their own link from their own address (the presses are rate-limited per address).
      const i = cursor++
      await Promise.all(pair.map((c) => c.send('POST', links[i], { 'X-Forwarded-For': clientAddress(i) })))
    }
    for (const c of pair) c.close()
  }),
)
const confirmSeconds = (performance.now() - t0) / 1000
const rollT0 = performance.now()
await rollUpCounts(payload)
const rollMs = performance.now() - rollT0
const confirmedRows = (
  await payload.count({
    collection: 'signatures',
    where: { and: [{ petition: { equals: petition.id } }, { state: { equals: 'confirmed' } }] },
    overrideAccess: true,
  })
).totalDocs
const counted = (await payload.findByID({ collection: 'petitions', id: petition.id, overrideAccess: true }))
  .signatureCount

// 4. The count endpoint: plain reads (as a first page view), then revalidations (as the island's polls).
console.log('Reading the count endpoint for 10 s, then revalidating it for 5 s…')
const count = await load(
  10_000,
  async (_, connection) => (await connection.send('GET', countPath, { Origin: SITE_ORIGIN })).status,
)
const etag = /\r\netag: *([^\r]+)/i.exec((await probe.send('GET', countPath)).head)?.[1] ?? ''
probe.close()
const revalidate = await load(
  5_000,
  async (_, connection) =>
    (await connection.send('GET', countPath, { Origin: SITE_ORIGIN, 'If-None-Match': etag })).status,
)

stopServer()

// 5 and 6. What limits signing, in this process: the insert paths, and the outbox's cost per email.
const inserts = await measureInsertPaths(payload)
const email = await measureOutboxEmail(payload, base, concurrency, clientCpuMicros)

printLoadReport({
  seconds,
  concurrency,
  underNext,
  sign,
  count,
  revalidate,
  lost: { accepted: accepted.size, stored, storedAccepted },
  confirm: { links: links.length, seconds: confirmSeconds, confirmedRows, counted: counted ?? 0, rollMs },
  inserts,
  email,
  targets: { sign: TARGET_SIGN, p99: TARGET_P99, count: TARGET_COUNT },
})
await payload.destroy().catch(() => {})
await rm(dir, { recursive: true, force: true })
process.exit(0)
