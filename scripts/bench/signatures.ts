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
import { createReadStream } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { treeCpuMicros } from './signatures/processCpu'
import { onFreePort } from '../lib/ports'
import { type BenchServer, startServer } from './signatures/servers'
import {
  accepted,
  checkWrk,
  type Load,
  perSecond,
  runWrk,
  sentTotal,
  type SignTraffic,
  type WrkResult,
} from './signatures/wrk'

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

/** Where issue 13 started from (same machine, same wrk settings). */
const ISSUE_13 = {
  ours: 1867,
  oursP99: 42,
  bare: 4393,
  bareP99: 16,
  ratio: 0.43,
  repeat: 226,
  repeatP99: 266,
}
/** Issue 13's targets: ours at least this share of the bare baseline; a repeat no slower than a new signature. */
const TARGET_RATIO = 0.6

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
  type Measured = { result: WrkResult; rowsAdded: number; cpuPerRequest: number }
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

/** Messages in an mbox file: lines that start with "From " (the format escapes such lines in bodies). */
async function countMboxMessages(file: string): Promise<number> {
  let count = 0
  let atLineStart = true
  try {
    for await (const chunk of createReadStream(file, { encoding: 'latin1', highWaterMark: 1 << 20 })) {
      const text = chunk as string
      if (atLineStart && text.startsWith('From ')) count++
      count += text.split('\nFrom ').length - 1
      atLineStart = text.endsWith('\n')
    }
  } catch {
    return NaN
  }
  return count
}

type Pair = [
  { result: WrkResult; rowsAdded: number; cpuPerRequest: number },
  { result: WrkResult; rowsAdded: number; cpuPerRequest: number },
]

function printReport(results: { new: Pair; repeat: Pair }[]) {
  const f = (n: number, d = 0) =>
    Number.isFinite(n)
      ? n.toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d })
      : '–'
  const ms = (us: number) => f(us / 1000, 1)
  const errors = (r: WrkResult) => r.non2xx + r.connectErrors + r.readErrors + r.writeErrors + r.timeouts
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL')
  const cols = [
    'phase',
    'ours req/s',
    'bare req/s',
    'ratio',
    'ours p50/p99 ms',
    'bare p50/p99 ms',
    'non-2xx ours/bare',
    'CPU µs/req ours/bare',
    'issue 13 before',
  ]
  const lines: string[][] = [cols]
  results.forEach((round, r) => {
    for (const phase of ['new', 'repeat'] as const) {
      const [ours, bare] = round[phase]
      const before =
        phase === 'new'
          ? `${f(ISSUE_13.ours)}/s p99 ${ISSUE_13.oursP99}, ${ISSUE_13.ratio} of ${f(ISSUE_13.bare)}/s p99 ${ISSUE_13.bareP99}`
          : `${f(ISSUE_13.repeat)}/s p99 ${ISSUE_13.repeatP99}`
      lines.push([
        results.length > 1 ? `${phase} (${r + 1})` : phase,
        f(perSecond(ours.result)),
        f(perSecond(bare.result)),
        f(perSecond(ours.result) / perSecond(bare.result), 2),
        `${ms(ours.result.p50Us)} / ${ms(ours.result.p99Us)}`,
        `${ms(bare.result.p50Us)} / ${ms(bare.result.p99Us)}`,
        `${f(errors(ours.result))} / ${f(errors(bare.result))}`,
        `${f(ours.cpuPerRequest)} / ${f(bare.cpuPerRequest)}`,
        before,
      ])
    }
  })
  const widths = cols.map((_, c) => Math.max(...lines.map((l) => l[c].length)))
  console.log(
    '\n' +
      lines
        .map((l) =>
          l
            .map((cell, c) =>
              c === 0 || c === cols.length - 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]),
            )
            .join('  '),
        )
        .join('\n'),
  )

  console.log('\nTargets (information; a bench never fails the build):')
  results.forEach((round, r) => {
    const [oursNew, bareNew] = round.new
    const [oursRepeat] = round.repeat
    const ratio = perSecond(oursNew.result) / perSecond(bareNew.result)
    const prefix = results.length > 1 ? `round ${r + 1}: ` : ''
    console.log(
      `  ${prefix}new signatures ≥ ${TARGET_RATIO} of bare: ${f(ratio, 2)} ${verdict(ratio >= TARGET_RATIO)}`,
    )
    console.log(
      `  ${prefix}a repeat no slower than a new signature (ours): ${f(perSecond(oursRepeat.result))}/s against ${f(perSecond(oursNew.result))}/s ${verdict(perSecond(oursRepeat.result) >= perSecond(oursNew.result))}`,
    )
    // Less swayed by other work on the machine than requests/s: what each server spent on one signature.
    console.log(
      `  ${prefix}server CPU per new signature, bare/ours: ${f(bareNew.cpuPerRequest / oursNew.cpuPerRequest, 2)} (${f(bareNew.cpuPerRequest)} / ${f(oursNew.cpuPerRequest)} µs)`,
    )
  })

  console.log(
    '\nNone lost, none twice (every accepted signature has its stored row; a request in flight when wrk stopped may add a row without an answer; a repeat adds none):',
  )
  results.forEach((round, r) => {
    for (const [i, name] of ['ours', 'bare'].entries()) {
      const fresh = round.new[i]
      const repeat = round.repeat[i]
      const ok = fresh.rowsAdded >= accepted(fresh.result) && fresh.rowsAdded <= sentTotal(fresh.result)
      // wrk makes its last request of a thread without sending it: a repeat of that one is new.
      const unsent = sentTotal(fresh.result) - fresh.rowsAdded
      const prefix = results.length > 1 ? `round ${r + 1}, ` : ''
      console.log(
        `  ${prefix}${name}: new ${f(accepted(fresh.result))} answered below 400, ${f(sentTotal(fresh.result))} made, ${f(fresh.rowsAdded)} rows added ${verdict(ok)}; repeat ${f(accepted(repeat.result))} answered, ${f(repeat.rowsAdded)} rows added (≤ ${f(unsent)} never sent in the new phase) ${verdict(repeat.rowsAdded <= unsent)}`,
      )
    }
  })
  console.log(
    `\nLoad average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')} (${os.cpus().length} cores).`,
  )
}
