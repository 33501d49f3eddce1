/** What the signing bench (scripts/bench/signatures.ts) prints, and how it counts the mail. */
import { createReadStream } from 'node:fs'
import os from 'node:os'
import { accepted, perSecond, sentTotal, type WrkResult } from './wrk'

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

/** Messages in an mbox file: lines that start with "From " (the format escapes such lines in bodies). */
export async function countMboxMessages(file: string): Promise<number> {
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

/** One phase against one server: wrk's result, the rows it added, the server's CPU per request. */
export type Measured = { result: WrkResult; rowsAdded: number; cpuPerRequest: number }
/** Ours, then bare. */
type Pair = [Measured, Measured]
type Round = { new: Pair; repeat: Pair }

const f = (n: number, d = 0) =>
  Number.isFinite(n) ? n.toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d }) : '–'
const ms = (us: number) => f(us / 1000, 1)
const errors = (r: WrkResult) => r.non2xx + r.connectErrors + r.readErrors + r.writeErrors + r.timeouts
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL')

/** The table: requests/s, latency, errors and CPU per phase, ours against bare, and issue 13's start. */
function printTable(results: Round[]) {
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
}

/** Issue 13's targets, each met or not. */
function printTargets(results: Round[]) {
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
}

/** Every accepted signature has its stored row, and a repeat adds none. */
function printNoneLost(results: Round[]) {
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
}

/** The whole report of a run, round by round. */
export function printReport(results: Round[]) {
  printTable(results)
  printTargets(results)
  printNoneLost(results)
  console.log(
    `\nLoad average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')} (${os.cpus().length} cores).`,
  )
}
