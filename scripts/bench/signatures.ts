/**
 * Signing, side by side with a bare baseline in one run (issue 13): our sign endpoint through the
 * real server (cms/edge/serve.ts on SQLite, outbox email, rate limits on, TRUST_PROXY=1)
 * against a bare node:http server doing the least the design needs (signatures/bareSign.ts),
 * both loaded by wrk with a new email per request from 65,000 client addresses (signatures/sign.lua).
 * Phases run interleaved (ours, bare, ours, bare) so the machine's other work hits both:
 *   - new: every request a new signature;
 *   - repeat: the emails the same server took in its "new" phase, sent again from other addresses.
 * Prints requests/s, p50/p99, errors and server CPU per request for each, the ratio ours/bare,
 * the figures issue 13 started from, and whether every accepted signature has its stored row.
 *
 * Usage: npm run bench -- signatures [--seconds 20] [--threads 2] [--connections 32]
 *          [--addresses 65000] [--rounds 1] [--warmup 3] [--keep (the servers' databases and mail)]
 * The long-run bench (count endpoint, confirmations, what limits signing) is signatures-load.ts.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { onFreePort } from '../lib/ports'
import { treeCpuMicros } from './signatures/processCpu'
import { countMboxMessages, printReport, type Measured } from './signatures/report'
import { type BenchServer, startServer } from './signatures/servers'
import { checkWrk, type Load, runWrk, type SignTraffic } from './signatures/wrk'

const option = (name: string, fallback: number): number => {
  const args = process.argv.slice(2)
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`))
  if (i < 0) return fallback
  const value = Number(args[i].includes('=') ? args[i].split('=')[1] : args[i + 1])
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`--${name} takes a number, for example --${name} ${fallback}.`)
  return value
}
const load: Load = {
  threads: option('threads', 2),
  connections: option('connections', 32),
  seconds: option('seconds', 20),
}
const addresses = Math.min(65_000, option('addresses', 65_000))
const rounds = Math.max(1, option('rounds', 1))
const warmupSeconds = option('warmup', 3)
const SLUG = 'bench-petition'

checkWrk()
process.env.PAYLOAD_SECRET ||= 'bench-only-secret'
process.env.LOG_LEVEL ||= 'warn'
process.env.JOBS_AUTORUN = 'false'
const dir = await mkdtemp(path.join(os.tmpdir(), 'organise-bench-sign-'))
process.env.DATABASE_URI = `file:${path.join(dir, 'ours.db')}`
process.env.OUTBOX_DIR = path.join(dir, 'outbox')
const bareDir = path.join(dir, 'bare')
await mkdir(bareDir)

// The petition, through Payload's Local API (this also creates the schema).
const { initPayload } = await import('../../cms/initPayload')
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
// A form stamp as the site's form sends it (started a minute ago), so no signature is flagged for lacking one.
const stamp = await import('../../cms/abuse/formStamp')
  .then((m) => m.issueFormStamp(payload.secret, Date.now() - 60_000))
  .catch(() => '')
const siteOrigin = new URL(process.env.SITE_URL || 'http://localhost:4321').origin

const servers: BenchServer[] = []
const stopAll = () => Promise.all(servers.map((s) => s.stop()))
process.on('SIGINT', () => void stopAll().finally(() => process.exit(130)))
try {
  // Told its own address (CMS_URL) before it starts: on other ports if the one it got was taken meanwhile.
  const ours = await onFreePort((oursPort) =>
    startServer('ours', 'cms/edge/serve.ts', {
      ...process.env,
      PORT: String(oursPort),
      HOST: '127.0.0.1',
      TRUST_PROXY: '1',
      CMS_URL: `http://127.0.0.1:${oursPort}`,
      NODE_ENV: 'production',
      ALLOW_GENERATED_SECRET: 'true',
    }),
  )
  servers.push(ours)
  const bare = await startServer('bare', 'scripts/bench/signatures/bareSign.ts', {
    ...process.env,
    BARE_DIR: bareDir,
    PORT: '0',
    HOST: '127.0.0.1',
  })
  servers.push(bare)

  const targets = [
    {
      server: ours,
      url: `${ours.url}/api/public/petitions/${SLUG}/sign`,
      rows: async () =>
        (
          await payload.count({
            collection: 'signatures',
            where: { petition: { equals: petition.id } },
            overrideAccess: true,
          })
        ).totalDocs,
    },
    {
      server: bare,
      url: `${bare.url}/sign`,
      rows: async () => ((await (await fetch(`${bare.url}/rows`)).json()) as { rows: number }).rows,
    },
  ]
  const measure = async (
    t: (typeof targets)[number],
    traffic: SignTraffic,
    seconds = load.seconds,
  ): Promise<Measured> => {
    const rows0 = await t.rows()
    const cpu0 = treeCpuMicros([t.server.child.pid])
    const result = await runWrk(
      t.url,
      { ...load, seconds },
      { ...traffic, addresses, origin: siteOrigin, stamp },
    )
    const cpuPerRequest = (treeCpuMicros([t.server.child.pid]) - cpu0) / Math.max(1, result.requests)
    await new Promise((r) => setTimeout(r, 200)) // the last batch, written 5 ms after its last request
    return { result, rowsAdded: (await t.rows()) - rows0, cpuPerRequest }
  }

  console.log(
    `Signing side by side: wrk ${load.threads} threads, ${load.connections} connections, ${load.seconds} s a phase, ${addresses.toLocaleString('en-GB')} client addresses; ${os.cpus().length} cores shared by wrk and both servers.`,
  )
  if (warmupSeconds > 0) {
    console.log(`Warming up both servers for ${warmupSeconds} s each…`)
    for (const t of targets) await measure(t, { tag: 'warm', block: 250, addresses }, warmupSeconds)
  }
  type Round = { new: [Measured, Measured]; repeat: [Measured, Measured] }
  const results: Round[] = []
  for (let r = 0; r < rounds; r++) {
    const tag = `r${r}`
    const fresh: Measured[] = []
    for (const t of targets) {
      console.log(`Round ${r + 1}: new signatures, ${t.server.name}…`)
      fresh.push(await measure(t, { tag, block: 1 + 2 * r, addresses }))
    }
    const repeat: Measured[] = []
    for (const [i, t] of targets.entries()) {
      console.log(`Round ${r + 1}: repeats of those signatures, ${t.server.name}…`)
      repeat.push(await measure(t, { tag, block: 2 + 2 * r, addresses, replay: fresh[i].result.sent }))
    }
    results.push({ new: [fresh[0], fresh[1]], repeat: [repeat[0], repeat[1]] })
  }
  await stopAll()
  printReport(results)
  // Ours must have done the full work: a rate-limited or flagged signature is stored without an email, which is cheaper.
  const quiet = (
    await payload.count({
      collection: 'signatures',
      where: { and: [{ petition: { equals: petition.id } }, { confirmationsSent: { equals: 0 } }] },
      overrideAccess: true,
    })
  ).totalDocs
  const { OUTBOX_FILE } = await import('../../cms/email/outboxAdapter')
  const emails = await countMboxMessages(path.join(process.env.OUTBOX_DIR!, OUTBOX_FILE))
  console.log(
    `Ours stored ${quiet.toLocaleString('en-GB')} signatures without sending an email (rate-limited or flagged; 0 expected) and wrote ${emails.toLocaleString('en-GB')} emails to its outbox.`,
  )
} finally {
  await stopAll()
  await payload.destroy().catch(() => {})
  if (process.argv.includes('--keep')) console.log(`Kept both servers' databases and mail in ${dir}.`)
  else await rm(dir, { recursive: true, force: true })
}
process.exit(0)
