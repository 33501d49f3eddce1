/**
 * The members bench's load loops: `concurrency` keep-alive connections sending requests made by
 * `next` (null when there is nothing more to send) for at most `ms`, with each reply's latency.
 */
import { Connection } from '../signatures/connection'

/** One request to send: method, path, headers, body. */
export type BenchRequest = { method: string; path: string; headers: Record<string, string>; body?: string }

/** What a phase measured: how many, how fast, latencies in ms, and the statuses seen. */
export type PhaseFigures = {
  name: string
  n: number
  perSecond: number
  p50: number
  p99: number
  statuses: Map<number, number>
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN

/** Runs one phase: loops send until `next` has no more or time is up. */
export const runPhase = async (
  name: string,
  { port, concurrency, ms }: { port: number; concurrency: number; ms: number },
  next: () => BenchRequest | null,
): Promise<PhaseFigures> => {
  const latencies: number[] = []
  const statuses = new Map<number, number>()
  const started = performance.now()
  const loop = async () => {
    const connection = new Connection(port)
    while (performance.now() - started < ms) {
      const request = next()
      if (!request) return
      const t0 = performance.now()
      const reply = await connection
        .send(request.method, request.path, request.headers, request.body)
        .catch(() => ({ status: 0 }))
      latencies.push(performance.now() - t0)
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, loop))
  const elapsed = (performance.now() - started) / 1000
  const sorted = latencies.sort((a, b) => a - b)
  return {
    name,
    n: sorted.length,
    perSecond: sorted.length / elapsed,
    p50: pct(sorted, 50),
    p99: pct(sorted, 99),
    statuses,
  }
}

/** The figures as a table, one phase per line. */
export const phaseTable = (phases: PhaseFigures[]): string =>
  [
    'phase                         requests   req/s    p50 ms   p99 ms   statuses',
    ...phases.map(
      (p) =>
        `${p.name.padEnd(30)}${String(p.n).padStart(8)}${p.perSecond.toFixed(0).padStart(8)}${p.p50.toFixed(1).padStart(10)}${p.p99.toFixed(1).padStart(9)}   ${[...p.statuses].map(([s, n]) => `${s}×${n}`).join(' ')}`,
    ),
  ].join('\n')
