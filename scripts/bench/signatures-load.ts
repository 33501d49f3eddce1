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
import { ownCpuMicros, treeCpuMicros } from './signatures/processCpu'

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

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
const POSTCODES = ['M1 1AE', 'EH1 1YZ', 'CF10 1EP', 'BT1 5GS', 'LS1 4AP', 'SW1A 1AA', '']

/**
 * Runs `send` on `concurrency` loops, each with its own keep-alive connection, until `ms` have
 * passed; returns latencies, statuses, the slowest and fastest 10 s window, and the CPU the
 * server and this process used per request.
 */
const load = async (ms: number, send: (i: number, connection: Connection) => Promise<number>) => {
  const latencies: number[] = []
  const statuses = new Map<number, number>()
  const perSecond = new Map<number, number>()
  let next = 0
  const started = performance.now()
  const end = started + ms
  const cpu0 = { server: serverCpuMicros(), client: clientCpuMicros() }
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const connection = new Connection(port)
      while (performance.now() < end) {
        const i = next++
        const t0 = performance.now()
        const status = await send(i, connection).catch(() => 0)
        const t1 = performance.now()
        latencies.push(t1 - t0)
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
        const second = Math.floor((t1 - started) / 1000)
        perSecond.set(second, (perSecond.get(second) ?? 0) + 1)
      }
      connection.close()
    }),
  )
  const elapsed = (performance.now() - started) / 1000
  const n = latencies.length
  const cpuTotal = { server: serverCpuMicros() - cpu0.server, client: clientCpuMicros() - cpu0.client }
  const cpu = { server: cpuTotal.server / n, client: cpuTotal.client / n }
  const windows: number[] = []
  for (let s = 0; s + 10 <= Math.floor(elapsed); s += 10)
    windows.push(
      Array.from({ length: 10 }, (_, k) => perSecond.get(s + k) ?? 0).reduce((a, b) => a + b, 0) / 10,
    )
  latencies.sort((a, b) => a - b)
  if (windows.length === 0) windows.push(n / elapsed)
  const cores = { cores: cpuTotal.server / 1e6 / elapsed, clientCores: cpuTotal.client / 1e6 / elapsed }
  return {
    n,
    perSecond: n / elapsed,
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    statuses,
    cpu,
    ...cores,
    slowest10s: Math.min(...windows),
    fastest10s: Math.max(...windows),
    load: os.loadavg()[0],
  }
}

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
      'X-Forwarded-For': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
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
      const link = links[cursor++]
      await Promise.all(pair.map((c) => c.send('POST', link)))
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

// 5. What limits signing: Payload's create path against the adapter's insert, in this process.
const N = 1000
const other = await payload.create({
  collection: 'petitions',
  overrideAccess: true,
  data: {
    title: 'B2',
    slug: 'bench-2',
    summary: 'B',
    addressedTo: 'B',
    whatWeWant: 'B',
    goal: 1,
    state: 'open',
  },
})
let a = performance.now()
for (let i = 0; i < N; i++)
  await payload.create({
    collection: 'signatures',
    overrideAccess: true,
    depth: 0,
    data: {
      petition: other.id,
      name: 'X',
      email: `x${i}@e.org`,
      emailCanonical: `x${i}@e.org`,
      state: 'pending',
      flags: [],
    },
  })
const payloadCreatePerSecond = N / ((performance.now() - a) / 1000)
a = performance.now()
for (let i = 0; i < N; i++)
  await payload.db.create({
    collection: 'signatures',
    data: { petition: other.id, name: 'Y', email: `y${i}@e.org`, emailCanonical: `y${i}@e.org` },
    returning: false,
  })
const adapterCreatePerSecond = N / ((performance.now() - a) / 1000)
// What the sign endpoint now does: many rows per transaction (cms/campaigns/batcher.ts), 100 at a time.
const { storeSignatures } = await import('../../cms/campaigns/sign')
a = performance.now()
for (let j = 0; j < N / 100; j++) {
  await storeSignatures(
    payload,
    Array.from({ length: 100 }, (_, i) => ({
      petition: other.id,
      name: 'Z',
      email: `z${j}-${i}@e.org`,
      emailCanonical: `z${j}-${i}@e.org`,
      state: 'pending' as const,
      confirmTokenHash: `bench-${j}-${i}`,
      flags: [],
    })),
  )
}
const batchedPerSecond = N / ((performance.now() - a) / 1000)

// 6. What one email costs with the outbox adapter (appended to one mbox file), sent as the server sends
// them (as many at once as there are clients), in this process.
const { signatureConfirmEmail } = await import('../../cms/email/messages/render')
const EMAILS = 2000
const message = signatureConfirmEmail({
  name: 'Bench',
  petitionTitle: 'Bench petition',
  confirmUrl: `${base}/api/public/confirm/signature/x`,
  unsubscribe: `${base}/u`,
  erase: `${base}/e`,
})
let sent = 0
const emailCpu0 = clientCpuMicros()
a = performance.now()
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (sent < EMAILS) await payload.sendEmail({ to: `e${sent++}@example.org`, ...message })
  }),
)
const emailsPerSecond = EMAILS / ((performance.now() - a) / 1000)
const emailCpuMicros = (clientCpuMicros() - emailCpu0) / EMAILS

const f = (n: number, d = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: d })
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED')
const cores = os.cpus().length
const perRequest = (x: { cpu: { server: number; client: number } }) =>
  `server ${f(x.cpu.server)} µs + load generator ${f(x.cpu.client)} µs = ${f(x.cpu.server + x.cpu.client)} µs CPU per request`
const ceiling = (x: { cpu: { server: number; client: number } }) =>
  f((cores * 1e6) / (x.cpu.server + x.cpu.client))
console.log(`
Signatures benchmark (${underNext ? 'as npm start serves it: endpoint server in front of Next' : 'endpoint server'}, ${seconds} s, ${concurrency} concurrent clients, SQLite, outbox email, ${cores} cores shared by the server and this load generator)

sign     ${f(sign.n)} submissions, ${f(sign.perSecond)}/s (target ≥ ${TARGET_SIGN}/s: ${verdict(sign.perSecond >= TARGET_SIGN)}, ratio ${f(sign.perSecond / TARGET_SIGN, 2)}); slowest 10 s ${f(sign.slowest10s)}/s, fastest ${f(sign.fastest10s)}/s
         latency p50 ${f(sign.p50, 1)} ms, p99 ${f(sign.p99, 1)} ms (target p99 ≤ ${TARGET_P99} ms: ${verdict(sign.p99 <= TARGET_P99)})
         statuses ${JSON.stringify(Object.fromEntries(sign.statuses))}; load average at the end ${sign.load.toFixed(1)}
lost     2xx answers ${f(accepted.size)}, stored rows ${f(stored)}, 2xx with a stored row ${f(storedAccepted)} (none lost: ${verdict(storedAccepted === accepted.size)})
confirm  ${f(links.length)} links pressed twice at once in ${f(confirmSeconds, 1)} s; confirmed rows ${f(confirmedRows)}, rolled-up count ${f(counted ?? 0)} (none counted twice: ${verdict(counted === confirmedRows && confirmedRows === links.length)})
         roll-up of ${f(stored)} signatures took ${f(rollMs)} ms
count    ${f(count.n)} requests, ${f(count.perSecond)}/s (target ≥ ${TARGET_COUNT}/s: ${verdict(count.perSecond >= TARGET_COUNT)}, ratio ${f(count.perSecond / TARGET_COUNT, 2)}), p50 ${f(count.p50, 1)} ms, p99 ${f(count.p99, 1)} ms, statuses ${JSON.stringify(Object.fromEntries(count.statuses))}
         with If-None-Match: ${f(revalidate.perSecond)}/s, statuses ${JSON.stringify(Object.fromEntries(revalidate.statuses))}
limits   CPU per sign: ${perRequest(sign)}; at that cost ${cores} cores give at most ${ceiling(sign)}/s
         CPU per count read: ${perRequest(count)}; at most ${ceiling(count)}/s
         cores used while signing: server ${f(sign.cores, 2)}, load generator ${f(sign.clientCores, 2)} of ${cores}; the rest went to other work on this machine
         the server's JavaScript and SQLite run on one thread (only file writes use helper threads): at ${f(sign.cpu.server)} µs a sign, one core gives at most ${f(1e6 / sign.cpu.server)}/s
         of the server's CPU per sign, the outbox email (one append to an mbox file) takes about ${f(emailCpuMicros)} µs (${f(emailsPerSecond)} emails/s, ${concurrency} at once, measured alone)
         payload.create (hooks, validation, hasMany table) ${f(payloadCreatePerSecond)}/s vs adapter insert (payload.db.create) ${f(adapterCreatePerSecond)}/s, one at a time in one process (ratio ${f(adapterCreatePerSecond / payloadCreatePerSecond, 2)});
         batched insert (100 rows per transaction, as the sign endpoint does) ${f(batchedPerSecond)}/s (ratio to one at a time ${f(batchedPerSecond / adapterCreatePerSecond, 2)})
         load average during the run: ${os
           .loadavg()
           .map((l) => l.toFixed(1))
           .join(', ')} (other work on this machine takes its share of the ${cores} cores)
`)
await payload.destroy().catch(() => {})
await rm(dir, { recursive: true, force: true })
process.exit(0)
