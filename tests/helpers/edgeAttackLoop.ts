/**
 * The attack loop the fuzz tests share (edgeFuzzFront: the CMS's front server; edgeFuzzSite: the
 * site's server): send one generated attack on a keep-alive connection, then a well-formed probe
 * on the same connection, and expect no 5xx and a connection either closed or still answering.
 */
import { expect } from 'vitest'
import type { AttackCase } from './edgeAttacks'
import { type ConnectionPool, type Exchange, type RawResponse, RawConnection } from './edgeRaw'

/** A well-formed GET sent after each attack, and how to recognise its answer. */
export type Probe = { request: string; isAnswer: (response: RawResponse) => boolean }

/** What came back: the answers, and whether the probe was answered or the server closed the connection. */
export type AttackOutcome = Exchange & { answered: boolean; closed: boolean }

/** fast-check's settings for an attack run: FUZZ_RUNS and FUZZ_SEED replay or lengthen one. */
export const fuzzSettings = (defaultRuns: number) => ({
  numRuns: Number(process.env.FUZZ_RUNS ?? defaultRuns),
  seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31),
  endOnFailure: true,
})

/**
 * Sends one attack and then the probe on the same connection; returns what came back. A stalled
 * body is abandoned, and the probe goes on a new connection instead.
 */
export const attackThenProbe = async (
  pool: ConnectionPool,
  c: AttackCase,
  probe: Probe,
): Promise<AttackOutcome> => {
  const conn = await pool.take()
  conn.expect(c.methods)
  for (const step of c.steps) {
    conn.write(step.bytes)
    if (step.pauseMs) await new Promise((r) => setTimeout(r, step.pauseMs))
  }
  if (c.abandon) {
    conn.destroy()
    const fresh = await RawConnection.open(pool.url)
    fresh.write(probe.request, ['GET'])
    const after = await fresh.read(1, 8000)
    fresh.destroy()
    return { ...after, answered: after.responses.some(probe.isAnswer), closed: false }
  }
  conn.write(probe.request, ['GET'])
  // Generous: under the full suite on 2 cores an answer can take seconds; a hang is still caught.
  const exchange = await conn.read(c.methods.length + 1, 8000)
  const answered = exchange.responses.some(probe.isAnswer)
  // Not answered (the server sent an extra 400 for a body it found bad after answering, say): it must close the connection.
  const closed = answered ? false : await conn.waitEnded(1000)
  pool.give(conn)
  return { ...exchange, answered, closed }
}

/** No answer to the attack was a 5xx. */
export const expectNo5xx = (c: AttackCase, { responses }: AttackOutcome) =>
  expect(
    responses.map((r) => r.status).filter((s) => s >= 500),
    `5xx for ${c.kinds.join(' | ')}`,
  ).toEqual([])

/** The connection still answered the probe, or the server closed it. */
export const expectUsableOrClosed = (c: AttackCase, { responses, state, answered, closed }: AttackOutcome) =>
  expect(
    answered || closed,
    `after ${c.kinds.join(' | ')} (answered ${responses.map((r) => r.status).join(',')}) the connection was ${state}: neither closed nor answering`,
  ).toBe(true)
