/**
 * Runs wrk with sign.lua against one server and reads its figures (sign.lua's done() prints them
 * as one JSON line, so nothing depends on wrk's human-readable layout).
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

export const WRK = '/usr/bin/wrk'
const SCRIPT = path.resolve('scripts/bench/signatures/sign.lua')

/** How hard to push: wrk's threads and connections, and for how long. */
export type Load = { threads: number; connections: number; seconds: number }

/** What to send: see sign.lua for each setting. */
export type SignTraffic = {
  /** Emails are "<tag>-<thread>-<n>@example.org". */
  tag: string
  /** Client addresses are 10.<block>.x.y: a block per phase keeps one phase's addresses out of another's rate limits. */
  block: number
  addresses: number
  origin?: string
  stamp?: string
  /** Requests per thread of an earlier run with this tag: send its emails again instead of new ones. */
  replay?: number[]
}

/** One wrk run, as sign.lua reports it. */
export type WrkResult = {
  requests: number
  durationUs: number
  /** Answers with a status of 400 or more (wrk's "Non-2xx or 3xx responses" counts only those). */
  non2xx: number
  connectErrors: number
  readErrors: number
  writeErrors: number
  timeouts: number
  p50Us: number
  p90Us: number
  p99Us: number
  maxUs: number
  /** Requests made, per wrk thread (the ones in flight at the end included). */
  sent: number[]
}

/** A readable message when wrk is not installed, with the way to install it. */
export const checkWrk = () => {
  if (!existsSync(WRK))
    throw new Error(`wrk is not installed at ${WRK}. Install it with: sudo apt-get install -y wrk`)
}

/** Runs wrk against `url` and returns its figures; rejects with wrk's own output when it fails. */
export const runWrk = (url: string, load: Load, traffic: SignTraffic): Promise<WrkResult> =>
  new Promise((resolve, reject) => {
    const target = new URL(url)
    const env = {
      ...process.env,
      BENCH_TAG: traffic.tag,
      BENCH_BLOCK: String(traffic.block),
      BENCH_ADDRESSES: String(traffic.addresses),
      BENCH_THREADS: String(load.threads),
      BENCH_PATH: target.pathname,
      BENCH_ORIGIN: traffic.origin ?? '',
      BENCH_STAMP: traffic.stamp ?? '',
      BENCH_REPLAY: traffic.replay?.join(',') ?? '',
    }
    const args = [
      '-t',
      String(load.threads),
      '-c',
      String(load.connections),
      '-d',
      `${load.seconds}s`,
      '--timeout',
      '10s',
      '--latency',
      '-s',
      SCRIPT,
      url,
    ]
    const wrk = spawn(WRK, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    wrk.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
    wrk.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
    wrk.on('error', (error) => reject(new Error(`wrk could not be started (${WRK}).`, { cause: error })))
    wrk.on('close', (code) => {
      const line = /^BENCH_RESULT (.+)$/m.exec(out)
      if (code !== 0 || !line)
        return reject(new Error(`wrk exited with ${code} and no BENCH_RESULT line. Its output:\n${out}`))
      resolve(JSON.parse(line[1]) as WrkResult)
    })
  })

/** Requests per second over the run. */
export const perSecond = (r: WrkResult) => r.requests / (r.durationUs / 1e6)
/** Answers with a status below 400 (sign answers 2xx; it never redirects a JSON post). */
export const accepted = (r: WrkResult) => r.requests - r.non2xx
/** Requests made in all. */
export const sentTotal = (r: WrkResult) => r.sent.reduce((a, b) => a + b, 0)
