/**
 * `npm run bench -- updates [--supporters 100000] [--per-second 0] [--keep]`: sends one update to
 * N confirmed, opted-in signers of a petition (a new SQLite file each run) through the outbox
 * adapter and through the `resend` SDK against the local stand-in of Resend's API
 * (tests/helpers/resendStandIn.ts, in this parent process so its records do not count against the
 * sender). Each adapter runs in its own child process (scripts/bench/updates/run.ts) with the
 * real sender (cms/campaigns/updates/send.ts, no rate limit unless --per-second): emails/s and
 * peak memory, side by side, and a check that every signer got exactly one email. Resend gets
 * batch requests of up to 100 (UPDATE_SEND_BATCH); the requests made give the time 10,000
 * supporters take at Resend's default 2 requests a second.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { startResendStandIn } from '../../tests/helpers/resendStandIn'
import type { RunFigures } from './updates/run'

const option = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback
}
const supporters = Number(option('supporters', '100000'))
const perSecond = option('per-second', '0')

/** Runs the sender in a child process; its figures come back as the last line of its output. */
const runChild = (env: Record<string, string>): Promise<RunFigures> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.resolve('node_modules/tsx/dist/cli.mjs'), path.resolve('scripts/bench/updates/run.ts')],
      { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? ''
      if (code !== 0) reject(new Error(`The ${env.BENCH_ADAPTER} run failed (exit ${code}):\n${out}`))
      else resolve(JSON.parse(last) as RunFigures)
    })
  })

const standIn = await startResendStandIn()
// Count what arrives and let the recorded emails go, so the stand-in stays small.
const seen = new Set<string>()
let emails = 0
let withHeaders = 0
const count = () => {
  for (const r of standIn.requests.splice(0)) {
    emails++
    for (const to of r.body.to ?? []) seen.add(to)
    const h = r.body.headers as Record<string, string> | undefined
    if (h?.['List-Unsubscribe'] && h['List-Unsubscribe-Post'] === 'List-Unsubscribe=One-Click') withHeaders++
  }
}
const drain = setInterval(count, 200)

const common = { BENCH_SUPPORTERS: String(supporters), UPDATE_SEND_PER_SECOND: perSecond }
console.log(
  `Sending one update to ${supporters.toLocaleString('en-GB')} supporters (rate: ${perSecond === '0' ? 'no limit' : `${perSecond}/s`})…`,
)
const outbox = await runChild({ ...common, BENCH_ADAPTER: 'outbox' })
const resend = await runChild({
  ...common,
  BENCH_ADAPTER: 'resend',
  RESEND_API_KEY: 're_bench_key',
  RESEND_BASE_URL: standIn.url,
})
await new Promise((r) => setTimeout(r, 300))
clearInterval(drain)
count()
const requests = standIn.requestCount()
await standIn.close()
resend.delivered = seen.size
resend.duplicates = emails - seen.size

const row = (label: string, f: (r: RunFigures) => string) =>
  console.log(`${label.padEnd(34)}${f(outbox).padStart(16)}${f(resend).padStart(20)}`)
const n = (x: number, digits = 0) =>
  x.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })
console.log('')
row('', () => '')
console.log(`${''.padEnd(34)}${'outbox'.padStart(16)}${'resend stand-in'.padStart(20)}`)
row('emails sent', (r) => n(r.sent))
row('seconds sending', (r) => n(r.seconds, 1))
row('emails/s', (r) => n(r.sent / r.seconds, 0))
row('peak RSS, MiB (whole process)', (r) => n(r.peakRssMiB, 0))
row('RSS before sending, MiB', (r) => n(r.rssBeforeMiB, 0))
row('peak heap used, MiB', (r) => n(r.peakHeapMiB, 0))
row('seconds seeding signers', (r) => n(r.seedSeconds, 1))
row('recipients with one email', (r) => n(r.delivered))
row('sent twice', (r) => n(r.duplicates))
console.log(`Emails to Resend with one-click List-Unsubscribe headers: ${n(withHeaders)} of ${n(emails)}`)
console.log(
  `Requests to Resend: ${n(requests)} for ${n(emails)} emails (${n(emails / Math.max(1, requests), 1)} a request)`,
)
// What the rate limit makes of it: requests scale with supporters, each takes half a second.
const minutesFor = (people: number) => (requests * (people / supporters)) / 2 / 60
console.log(
  `At Resend's default 2 requests/s: 10,000 supporters take ${n(minutesFor(10_000), 1)} min (${n(requests * (10_000 / supporters))} requests); ${n(supporters)} take ${n(minutesFor(supporters), 1)} min.`,
)
const ok = [outbox, resend].every(
  (r) => r.delivered === supporters && r.duplicates === 0 && r.sent === supporters,
)
if (!ok) {
  console.error('FAILED: not every supporter got exactly one email.')
  process.exit(1)
}
