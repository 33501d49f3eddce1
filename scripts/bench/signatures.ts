/**
 * Signature throughput, through the real HTTP server (cms/endpoints/serve.ts, Payload's endpoint
 * router) on SQLite, with email to the offline outbox:
 *   - sign: submissions per second sustained for the run, latency p50/p99, none lost (every 2xx has
 *     its stored row), none counted twice after confirmation (links pressed twice, at once);
 *   - count endpoint: requests per second;
 *   - where a target is missed, what limits it: Payload's create path against a direct insert.
 *
 * Usage: npx tsx scripts/bench/signatures.ts [seconds=60] [concurrency=32]
 * Settings passed on to the server: SIGN_EMAIL_WAIT_MS (how long an answer waits for its email,
 * default 1000; 0 sends after the answer), SIGN_BATCH_MS and SIGN_BATCH_ROWS (insert batches).
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const seconds = Number(process.argv[2] ?? 60)
const concurrency = Number(process.argv[3] ?? 32)
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
const { rollUpCounts } = await import('../../cms/petitions/counts')
const payload = await initPayload({ key: 'bench' })
const petition = await payload.create({
  collection: 'petitions',
  overrideAccess: true,
  data: { title: 'Bench petition', slug: SLUG, summary: 'Bench.', addressedTo: 'Bench', whatWeWant: 'Speed', goal: 1_000_000, state: 'open' },
})

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
const port = await freePort()
const base = `http://127.0.0.1:${port}`
const server = spawn(process.execPath, ['--import', 'tsx', 'cms/endpoints/serve.ts'], {
  env: { ...process.env, PORT: String(port), TRUST_PROXY: '1', CMS_URL: base, NODE_ENV: 'production', ALLOW_GENERATED_SECRET: 'true' },
  stdio: ['ignore', 'inherit', 'inherit'],
})
const stopServer = () => server.kill('SIGTERM')
process.on('exit', stopServer)

const countUrl = `${base}/api/public/petitions/${SLUG}/count`
for (let i = 0; ; i++) {
  const ok = await fetch(countUrl).then((r) => r.ok).catch(() => false)
  if (ok) break
  if (i > 120) throw new Error('The endpoint server did not start within 60 s.')
  await new Promise((r) => setTimeout(r, 500))
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
const POSTCODES = ['M1 1AE', 'EH1 1YZ', 'CF10 1EP', 'BT1 5GS', 'LS1 4AP', 'SW1A 1AA', '']

/** Runs `worker` on `concurrency` loops until `ms` have passed; returns latencies and counts. */
const load = async (ms: number, send: (i: number) => Promise<number>) => {
  const latencies: number[] = []
  const statuses = new Map<number, number>()
  let next = 0
  const end = performance.now() + ms
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const i = next++
        const t0 = performance.now()
        const status = await send(i).catch(() => 0)
        latencies.push(performance.now() - t0)
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
      }
    }),
  )
  const elapsed = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return { n: latencies.length, perSecond: latencies.length / elapsed, p50: pct(latencies, 50), p99: pct(latencies, 99), statuses }
}

// 1. Sign, sustained.
const accepted = new Set<string>()
console.log(`Signing for ${seconds} s with ${concurrency} concurrent clients…`)
const sign = await load(seconds * 1000, async (i) => {
  const email = `bench-${i}@example.org`
  const res = await fetch(`${base}/api/public/petitions/${SLUG}/sign`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
    body: JSON.stringify({ name: `Bench ${i}`, email, postcode: POSTCODES[i % POSTCODES.length] }),
  })
  await res.arrayBuffer()
  if (res.status >= 200 && res.status < 300) accepted.add(email)
  return res.status
})

// 2. None lost: every 2xx has its stored row.
const stored = (await payload.count({ collection: 'signatures', where: { petition: { equals: petition.id } }, overrideAccess: true })).totalDocs
const storedAccepted = (
  await payload.db.find<{ emailCanonical: string }>({ collection: 'signatures', where: { petition: { equals: petition.id } }, select: { emailCanonical: true }, pagination: false, limit: 0 })
).docs.filter((d) => accepted.has(d.emailCanonical)).length

// 3. None counted twice: confirm a sample, every link pressed twice at once, then roll up.
const files = (await readdir(outboxDir)).filter((f) => f.endsWith('.json')).slice(0, 2000)
const links = await Promise.all(
  files.map(async (f) => /\/api\/public\/confirm\/signature\/[A-Za-z0-9_-]+/.exec(JSON.parse(await readFile(path.join(outboxDir, f), 'utf8')).text)![0]),
)
const t0 = performance.now()
let cursor = 0
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (cursor < links.length) {
      const link = links[cursor++]
      await Promise.all([fetch(`${base}${link}`, { method: 'POST' }), fetch(`${base}${link}`, { method: 'POST' })].map((p) => p.then((r) => r.arrayBuffer())))
    }
  }),
)
const confirmSeconds = (performance.now() - t0) / 1000
const rollT0 = performance.now()
await rollUpCounts(payload)
const rollMs = performance.now() - rollT0
const confirmedRows = (await payload.count({ collection: 'signatures', where: { and: [{ petition: { equals: petition.id } }, { state: { equals: 'confirmed' } }] }, overrideAccess: true })).totalDocs
const counted = (await payload.findByID({ collection: 'petitions', id: petition.id, overrideAccess: true })).signatureCount

// 4. The count endpoint.
console.log('Reading the count endpoint for 10 s…')
const count = await load(10_000, async () => {
  const res = await fetch(countUrl)
  await res.arrayBuffer()
  return res.status
})

stopServer()

// 5. What limits signing: Payload's create path against the adapter's insert, in this process.
const N = 1000
const other = await payload.create({ collection: 'petitions', overrideAccess: true, data: { title: 'B2', slug: 'bench-2', summary: 'B', addressedTo: 'B', whatWeWant: 'B', goal: 1, state: 'open' } })
let a = performance.now()
for (let i = 0; i < N; i++) await payload.create({ collection: 'signatures', overrideAccess: true, depth: 0, data: { petition: other.id, name: 'X', email: `x${i}@e.org`, emailCanonical: `x${i}@e.org`, state: 'pending', flags: [] } })
const payloadCreatePerSecond = N / ((performance.now() - a) / 1000)
a = performance.now()
for (let i = 0; i < N; i++) await payload.db.create({ collection: 'signatures', data: { petition: other.id, name: 'Y', email: `y${i}@e.org`, emailCanonical: `y${i}@e.org` }, returning: false })
const adapterCreatePerSecond = N / ((performance.now() - a) / 1000)
// What the sign endpoint now does: many rows per transaction (cms/petitions/batcher.ts), 100 at a time.
const { insertSignatures } = await import('../../cms/petitions/sign')
a = performance.now()
for (let j = 0; j < N / 100; j++) {
  await insertSignatures(
    payload,
    Array.from({ length: 100 }, (_, i) => ({ petition: other.id, name: 'Z', email: `z${j}-${i}@e.org`, emailCanonical: `z${j}-${i}@e.org`, state: 'pending' as const, confirmTokenHash: `bench-${j}-${i}`, flags: [] })),
  )
}
const batchedPerSecond = N / ((performance.now() - a) / 1000)

const f = (n: number, d = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: d })
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED')
console.log(`
Signatures benchmark (${seconds} s, ${concurrency} concurrent clients, SQLite, outbox email, ${os.cpus().length} cores)

sign     ${f(sign.n)} submissions, ${f(sign.perSecond)}/s (target ≥ ${TARGET_SIGN}/s: ${verdict(sign.perSecond >= TARGET_SIGN)}, ratio ${f(sign.perSecond / TARGET_SIGN, 2)})
         latency p50 ${f(sign.p50, 1)} ms, p99 ${f(sign.p99, 1)} ms (target p99 ≤ ${TARGET_P99} ms: ${verdict(sign.p99 <= TARGET_P99)})
         statuses ${JSON.stringify(Object.fromEntries(sign.statuses))}
lost     2xx answers ${f(accepted.size)}, stored rows ${f(stored)}, 2xx with a stored row ${f(storedAccepted)} (none lost: ${verdict(storedAccepted === accepted.size)})
confirm  ${f(links.length)} links pressed twice at once in ${f(confirmSeconds, 1)} s; confirmed rows ${f(confirmedRows)}, rolled-up count ${f(counted ?? 0)} (none counted twice: ${verdict(counted === confirmedRows && confirmedRows === links.length)})
         roll-up of ${f(stored)} signatures took ${f(rollMs)} ms
count    ${f(count.n)} requests, ${f(count.perSecond)}/s (target ≥ ${TARGET_COUNT}/s: ${verdict(count.perSecond >= TARGET_COUNT)}, ratio ${f(count.perSecond / TARGET_COUNT, 2)}), p50 ${f(count.p50, 1)} ms, p99 ${f(count.p99, 1)} ms
limits   payload.create (hooks, validation, hasMany table) ${f(payloadCreatePerSecond)}/s vs adapter insert (payload.db.create) ${f(adapterCreatePerSecond)}/s, one at a time in one process (ratio ${f(adapterCreatePerSecond / payloadCreatePerSecond, 2)});
         batched insert (100 rows per transaction, as the sign endpoint does) ${f(batchedPerSecond)}/s (ratio to one at a time ${f(batchedPerSecond / adapterCreatePerSecond, 2)})
         load average during the run: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} (other work on this machine takes its share of the 2 cores)
`)
await payload.destroy().catch(() => {})
await rm(dir, { recursive: true, force: true })
process.exit(0)
