/** What the conversations bench prints: its runs side by side, with each figure's ratio to the first. */
import type { RunFigures } from './run'

const f = (n: number, d = 0) =>
  Number.isFinite(n) ? n.toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d }) : '–'

type Row = [name: string, value: (r: RunFigures) => number, digits: number]

const ROWS: Row[] = [
  ['streams connected in (ms)', (r) => r.connectMs, 0],
  ['messages posted (201)', (r) => r.posted, 0],
  ['messages/s posted', (r) => r.messagesPerSecond, 1],
  ['post p50 (ms)', (r) => r.postP50, 1],
  ['post p99 (ms)', (r) => r.postP99, 1],
  ['slowest first post (ms)', (r) => r.firstPostMax, 1],
  ['fan-out p50 (ms)', (r) => r.fanP50, 1],
  ['fan-out p99 (ms)', (r) => r.fanP99, 1],
  ['fan-out max (ms)', (r) => r.fanMax, 1],
  ['fan-out p50, other process (ms)', (r) => r.acrossP50, 1],
  ['fan-out p99, other process (ms)', (r) => r.acrossP99, 1],
  ['deliveries (viewer × message)', (r) => r.deliveries, 0],
  ['deliveries/s', (r) => r.deliveriesPerSecond, 0],
  ['lost (viewer × message)', (r) => r.lost, 0],
  ['duplicates', (r) => r.duplicates, 0],
  ['out of feed order', (r) => r.outOfOrder, 0],
  ['streams dropped', (r) => r.dropped, 0],
  ['peak RSS, largest server (MB)', (r) => Math.max(...r.peakRssMb), 0],
  ['peak RSS, all servers (MB)', (r) => r.peakRssMb.reduce((a, b) => a + b, 0), 0],
  ['server CPU (s)', (r) => r.serverCpuS, 1],
  ['bench process CPU (s)', (r) => r.benchCpuS, 1],
]

/** The table: one row per figure, one column per run, then each later run's ratio to the first. */
export const runTable = (runs: RunFigures[]): string => {
  const [first, ...later] = runs
  const head = [
    'figure',
    ...runs.map((r) => `${r.label} (${r.processes} process${r.processes > 1 ? 'es' : ''})`),
    ...later.map((r) => `${r.label}/${first.label}`),
  ]
  const lines = [
    head,
    ...ROWS.map(([name, value, digits]) => [
      name,
      ...runs.map((r) => f(value(r), digits)),
      ...later.map((r) => (value(first) ? f(value(r) / value(first), 2) : '–')),
    ]),
  ]
  const widths = head.map((_, c) => Math.max(...lines.map((l) => l[c].length)))
  return lines
    .map((l) => l.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '))
    .join('\n')
}

/** Lines about what went wrong in a run: refused posts and messages never received. */
export const runProblems = (run: RunFigures): string[] => [
  ...(run.refused.size
    ? [
        `${run.label}: posts not accepted: ${[...run.refused].map(([s, n]) => `${s === 0 ? 'no answer' : s}×${n}`).join(', ')}`,
      ]
    : []),
  ...run.lostSample.map((line) => `${run.label}: LOST ${line}`),
]
