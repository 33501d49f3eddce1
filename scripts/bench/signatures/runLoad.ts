/** The signatures load bench's load generator: `concurrency` keep-alive loops against the server. */
import os from 'node:os'
import { Connection } from './connection'

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN

/** How long, how many loops at once, where, and how the CPU of the server and of this process is read. */
export type LoadSettings = {
  ms: number
  concurrency: number
  port: number
  serverCpuMicros: () => number
  clientCpuMicros: () => number
}

/** What one load run measured (CPU in µs per request; latencies in ms). */
export type LoadFigures = {
  n: number
  perSecond: number
  p50: number
  p99: number
  statuses: Map<number, number>
  cpu: { server: number; client: number }
  cores: number
  clientCores: number
  slowest10s: number
  fastest10s: number
  load: number
}

/**
 * Runs `send` on `concurrency` loops, each with its own keep-alive connection, until `ms` have
 * passed; returns latencies, statuses, the slowest and fastest 10 s window, and the CPU the
 * server and this process used per request.
 */
export const runLoad = async (
  { ms, concurrency, port, serverCpuMicros, clientCpuMicros }: LoadSettings,
  send: (i: number, connection: Connection) => Promise<number>,
): Promise<LoadFigures> => {
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
