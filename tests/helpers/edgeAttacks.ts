/**
 * fast-check arbitraries for attacks on one connection: one to four malformed requests
 * (edgeRequests.ts) pipelined, written at once, slowly, or stalled part-way. A case that stalls
 * part-way is `abandon`ed (we close it ourselves). edgeAttackLoop.ts sends them.
 */
import fc from 'fast-check'
import { request } from './edgeRequests'

/** Bytes to write, then how long to wait before the next. */
export type Step = { bytes: Buffer; pauseMs: number }

/** One generated attack on one connection. */
export type AttackCase = {
  /** What kinds of request it holds, for failure messages. */
  kinds: string[]
  steps: Step[]
  /** The method of each request the bytes frame, in order. */
  methods: string[]
  /** The body stalls part-way and we close the connection ourselves. */
  abandon: boolean
}

/**
 * One attack on one connection: one to four pipelined requests, written at once, or split with
 * pauses (a slow body), or cut off part-way and abandoned (a stalled body).
 */
export const attack = (paths: string[], extraHeaders?: () => string[]) =>
  fc
    .record({
      requests: fc.array(request(paths, extraHeaders), { minLength: 1, maxLength: 4 }),
      pace: fc.oneof(
        { weight: 40, arbitrary: fc.constant('at-once' as const) },
        { weight: 1, arbitrary: fc.constant('slow' as const) },
        { weight: 1, arbitrary: fc.constant('stall' as const) },
      ),
      cuts: fc.array(fc.double({ min: 0.05, max: 0.95, noNaN: true }), { minLength: 1, maxLength: 3 }),
      pauseMs: fc.integer({ min: 5, max: 40 }),
    })
    .map(({ requests, pace, cuts, pauseMs }): AttackCase => {
      const all = Buffer.concat(requests.map((r) => r.bytes))
      const base = { kinds: requests.map((r) => r.kind), methods: requests.map((r) => r.method) }
      const points = [...new Set(cuts.map((c) => Math.floor(c * all.length)))]
        .filter((p) => p > 0 && p < all.length)
        .sort((x, y) => x - y)
      const steps = [0, ...points].map((from, i, list) => ({
        bytes: all.subarray(from, list[i + 1] ?? all.length),
        pauseMs,
      }))
      const described = (c: AttackCase): AttackCase =>
        Object.assign(c, {
          [fc.toStringMethod]: () =>
            `${c.abandon ? 'abandoned ' : ''}${JSON.stringify(
              Buffer.concat(c.steps.map((s) => s.bytes))
                .toString('latin1')
                .slice(0, 600),
            )}`,
        })
      if (pace === 'at-once')
        return described({ ...base, steps: [{ bytes: all, pauseMs: 0 }], abandon: false })
      if (pace === 'slow') return described({ ...base, steps, abandon: false })
      // Stalled: everything but the last piece is sent, then the connection is given up.
      return described({
        ...base,
        steps:
          steps.length > 1
            ? steps.slice(0, -1)
            : [{ bytes: all.subarray(0, Math.max(1, all.length >> 1)), pauseMs }],
        abandon: true,
      })
    })
