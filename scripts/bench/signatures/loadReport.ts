/** What the signatures load bench (scripts/bench/signatures-load.ts) prints. */
import os from 'node:os'
import type { EmailFigures, InsertFigures } from './limits'
import type { LoadFigures } from './runLoad'

/** Everything one run of the load bench measured. */
export type LoadReport = {
  seconds: number
  concurrency: number
  underNext: boolean
  sign: LoadFigures
  count: LoadFigures
  revalidate: LoadFigures
  lost: { accepted: number; stored: number; storedAccepted: number }
  confirm: { links: number; seconds: number; confirmedRows: number; counted: number; rollMs: number }
  inserts: InsertFigures
  email: EmailFigures
  targets: { sign: number; p99: number; count: number }
}

export const printLoadReport = (r: LoadReport): void => {
  const { seconds, concurrency, underNext, sign, count, revalidate } = r
  const { accepted, stored, storedAccepted } = r.lost
  const { confirmedRows, counted, rollMs } = r.confirm
  const { payloadCreatePerSecond, adapterCreatePerSecond, batchedPerSecond } = r.inserts
  const { emailsPerSecond, emailCpuMicros } = r.email
  const { sign: TARGET_SIGN, p99: TARGET_P99, count: TARGET_COUNT } = r.targets
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
lost     2xx answers ${f(accepted)}, stored rows ${f(stored)}, 2xx with a stored row ${f(storedAccepted)} (none lost: ${verdict(storedAccepted === accepted)})
confirm  ${f(r.confirm.links)} links pressed twice at once in ${f(r.confirm.seconds, 1)} s; confirmed rows ${f(confirmedRows)}, rolled-up count ${f(counted)} (none counted twice: ${verdict(counted === confirmedRows && confirmedRows === r.confirm.links)})
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
}
