/**
 * One run of the conversations bench against running front servers: `viewers` live streams on
 * the thread and `posters` members posting in a loop, both shared out over the servers in turn
 * (viewer i and poster i on server i mod n). A warm-up message must reach every viewer before the
 * clock starts, which also proves every stream is registered. Afterwards it waits until every
 * accepted message has reached every viewer, or gives up after DRAIN_MS and counts what is missing.
 */
import { readFileSync } from 'node:fs'
import { Connection } from '../signatures/connection'
import { ownCpuMicros, treeCpuMicros } from '../signatures/processCpu'
import { postLoop, postOne, Tally, waitFor, type PostTarget } from './traffic'
import { openViewer, type Viewer } from './viewer'

/** A running front server: its address, port and process id. */
export type BenchServer = { url: string; port: number; pid: number }

export type RunOptions = {
  label: string
  servers: BenchServer[]
  threadId: number
  origin: string
  /** One per member: viewers take the first `viewers`, posters the next `posters`. */
  cookies: string[]
  viewers: number
  posters: number
  seconds: number
}

/** What one run measured. Times in ms; CPU in seconds. */
export type RunFigures = {
  label: string
  processes: number
  connectMs: number
  posted: number
  refused: Map<number, number>
  postP50: number
  postP99: number
  /** The slowest of each poster's first post (all sent at the same instant). */
  firstPostMax: number
  fanP50: number
  fanP99: number
  fanMax: number
  /** Fan-out to viewers on another process than the poster's (run B). */
  acrossP50: number
  acrossP99: number
  deliveries: number
  deliveriesPerSecond: number
  messagesPerSecond: number
  lost: number
  lostSample: string[]
  duplicates: number
  outOfOrder: number
  dropped: number
  peakRssMb: number[]
  serverCpuS: number
  benchCpuS: number
}

/** How long to wait after the last post for the last deliveries. */
const DRAIN_MS = 15_000
/** Streams opened at once while connecting. */
const CONNECT_BATCH = 50

/** The p-th percentile of sorted values. */
export const pct = (sorted: Float64Array, p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN

/** The process's peak resident memory (VmHWM) in MB, or NaN where /proc cannot be read. */
export const peakRssMb = (pid: number): number => {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb ? Number(kb) / 1024 : NaN
  } catch {
    return NaN
  }
}

const liveUrl = (server: BenchServer, threadId: number) =>
  `${server.url}/api/account/conversations/threads/${threadId}/live`

/** Opens every viewer's stream; throws unless each is answered 200. */
const connectViewers = async (o: RunOptions, tally: Tally): Promise<Viewer[]> => {
  const viewers: Viewer[] = []
  for (let start = 0; start < o.viewers; start += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, o.viewers - start) }, (_, k) => start + k)
    viewers.push(
      ...(await Promise.all(
        batch.map((i) =>
          openViewer(
            liveUrl(o.servers[i % o.servers.length], o.threadId),
            { cookie: o.cookies[i], origin: o.origin },
            (r) => tally.receive(i, r),
          ),
        ),
      )),
    )
  }
  const refused = viewers.filter((v) => v.status !== 200)
  if (refused.length)
    throw new Error(
      `${refused.length} of ${o.viewers} live streams were refused (statuses ${[...new Set(refused.map((v) => v.status))].join(', ')}); check SITE_URL and the members' sessions.`,
    )
  return viewers
}

/** Runs the viewers and posters once and returns the figures. */
export const runOnce = async (o: RunOptions): Promise<RunFigures> => {
  const tally = new Tally(o.viewers, o.servers.length)
  const target = (i: number): PostTarget => ({
    server: i % o.servers.length,
    port: o.servers[i % o.servers.length].port,
    threadId: o.threadId,
    origin: o.origin,
    cookie: o.cookies[o.viewers + i],
  })
  const t0 = performance.now()
  const viewers = await connectViewers(o, tally)
  const connectMs = performance.now() - t0
  try {
    const warm = new Connection(target(0).port)
    await postOne(warm, target(0), tally, `warm-${o.label}`)
    warm.close()
    const warmed = await waitFor(() => tally.sent.get(`warm-${o.label}`)!.count === o.viewers, 30_000)
    if (!warmed) throw new Error('The warm-up message did not reach every viewer within 30 s.')
    const pids = o.servers.map((s) => s.pid)
    const [cpu0, own0] = [treeCpuMicros(pids), ownCpuMicros()]
    const started = performance.now()
    const until = started + o.seconds * 1000
    await Promise.all(
      Array.from({ length: o.posters }, (_, i) => postLoop(target(i), tally, `${o.label}-${i}`, until)),
    )
    const postingS = (performance.now() - started) / 1000
    await waitFor(() => tally.missing() === 0, DRAIN_MS)
    const [cpu1, own1] = [treeCpuMicros(pids), ownCpuMicros()]
    return figuresOf(o, tally, {
      connectMs,
      postingS,
      started,
      viewers,
      serverCpuS: (cpu1 - cpu0) / 1e6,
      benchCpuS: (own1 - own0) / 1e6,
    })
  } finally {
    for (const v of viewers) v.close()
  }
}

const figuresOf = (
  o: RunOptions,
  tally: Tally,
  m: {
    connectMs: number
    postingS: number
    started: number
    viewers: Viewer[]
    serverCpuS: number
    benchCpuS: number
  },
): RunFigures => {
  const entries = [...tally.sent].filter(([uid]) => !uid.startsWith('warm'))
  const all = entries.map(([, s]) => s)
  const firsts = entries.filter(([uid, s]) => uid.endsWith('-0') && s.status === 201)
  const accepted = all.filter((s) => s.status === 201)
  const refused = new Map<number, number>()
  for (const s of all) if (s.status !== 201) refused.set(s.status, (refused.get(s.status) ?? 0) + 1)
  const post = Float64Array.from(accepted, (s) => s.answeredAt - s.t0).sort()
  const fan = Float64Array.from(tally.fanOut).sort()
  const across = Float64Array.from(tally.fanOutAcross).sort()
  const deliveringS = Math.max(m.postingS, (tally.lastReceipt - m.started) / 1000)
  return {
    label: o.label,
    processes: o.servers.length,
    connectMs: m.connectMs,
    posted: accepted.length,
    refused,
    postP50: pct(post, 50),
    postP99: pct(post, 99),
    firstPostMax: Math.max(...firsts.map(([, s]) => s.answeredAt - s.t0)),
    fanP50: pct(fan, 50),
    fanP99: pct(fan, 99),
    fanMax: fan.length ? fan[fan.length - 1] : NaN,
    acrossP50: pct(across, 50),
    acrossP99: pct(across, 99),
    deliveries: fan.length,
    deliveriesPerSecond: fan.length / deliveringS,
    messagesPerSecond: accepted.length / m.postingS,
    lost: tally.missing(),
    lostSample: tally.missingSample(),
    duplicates: tally.duplicates,
    outOfOrder: m.viewers.reduce((n, v) => n + v.outOfOrder(), 0),
    dropped: m.viewers.filter((v) => v.ended()).length,
    peakRssMb: o.servers.map((s) => peakRssMb(s.pid)),
    serverCpuS: m.serverCpuS,
    benchCpuS: m.benchCpuS,
  }
}
