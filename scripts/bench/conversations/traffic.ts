/**
 * The conversations bench's traffic: posters sending messages in a loop (each message's body
 * carries its unique id and send time), and the tally of which viewer received which message when.
 * A message counts as sent from the moment its request starts, so an event that reaches a viewer
 * before the poster has its answer is matched too.
 */
import { Connection } from '../signatures/connection'
import type { Received } from './viewer'

/** One message: the server it was posted to, when its post started and was answered, its status, which viewers have it. */
type Sent = {
  server: number
  t0: number
  answeredAt: number
  status: number
  seen: Uint8Array
  count: number
}

const UID = /^bench message (\S+) sent at /

/** Every message posted in one run and every receipt of it. */
export class Tally {
  readonly sent = new Map<string, Sent>()
  /** Post start → receipt, ms, one per (viewer, message), the warm-up message left out. */
  readonly fanOut: number[] = []
  /** The same for a viewer on another server than the one the message was posted to. */
  readonly fanOutAcross: number[] = []
  duplicates = 0
  unknown = 0
  lastReceipt = 0

  /** Viewer i watches through server i mod `servers`. */
  constructor(
    readonly viewers: number,
    readonly servers = 1,
  ) {}

  /** Starts a message posted to `server`: its record and body. */
  start(uid: string, server: number): { record: Sent; body: string } {
    const t0 = performance.now()
    const record = { server, t0, answeredAt: NaN, status: 0, seen: new Uint8Array(this.viewers), count: 0 }
    this.sent.set(uid, record)
    return { record, body: `bench message ${uid} sent at ${t0.toFixed(3)} ms` }
  }

  /** A viewer's `message` event. */
  receive(viewer: number, r: Received) {
    const body = (JSON.parse(r.data) as { body?: string }).body ?? ''
    const uid = UID.exec(body)?.[1]
    const record = uid ? this.sent.get(uid) : undefined
    if (!record) return void this.unknown++
    if (record.seen[viewer]) return void this.duplicates++
    record.seen[viewer] = 1
    record.count++
    if (!uid!.startsWith('warm')) {
      this.fanOut.push(r.at - record.t0)
      if (viewer % this.servers !== record.server) this.fanOutAcross.push(r.at - record.t0)
      this.lastReceipt = r.at
    }
  }

  /** Messages the server accepted (201), the warm-up left out. */
  accepted(): [string, Sent][] {
    return [...this.sent].filter(([uid, s]) => s.status === 201 && !uid.startsWith('warm'))
  }

  /** (viewer, message) pairs an accepted message has not reached yet. */
  missing(): number {
    return this.accepted().reduce((n, [, s]) => n + this.viewers - s.count, 0)
  }

  /** Up to `max` lines naming a message some viewers never received, and how many. */
  missingSample(max = 5): string[] {
    return this.accepted()
      .filter(([, s]) => s.count < this.viewers)
      .slice(0, max)
      .map(([uid, s]) => `${uid}: ${this.viewers - s.count} of ${this.viewers} viewers never received it`)
  }
}

/** What to post to: the front server (its index and port), the thread, the site's origin, the member's cookie. */
export type PostTarget = { server: number; port: number; threadId: number; origin: string; cookie: string }

/** Posts one message (the warm-up, or one of a loop's) and records its answer. */
export const postOne = async (connection: Connection, target: PostTarget, tally: Tally, uid: string) => {
  const { record, body } = tally.start(uid, target.server)
  const reply = await connection
    .send(
      'POST',
      `/api/account/conversations/threads/${target.threadId}/messages`,
      {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        Origin: target.origin,
        Cookie: target.cookie,
      },
      JSON.stringify({ body }),
    )
    .catch(() => ({ status: 0 }))
  record.status = reply.status
  record.answeredAt = performance.now()
}

/** One poster: posts, waits for the answer, posts again, until `until` (performance.now()). */
export const postLoop = async (target: PostTarget, tally: Tally, tag: string, until: number) => {
  const connection = new Connection(target.port)
  for (let n = 0; performance.now() < until; n++) await postOne(connection, target, tally, `${tag}-${n}`)
  connection.close()
}

/** Resolves when `done()` is true (checked every 50 ms) or after `ms`; says which. */
export const waitFor = async (done: () => boolean, ms: number): Promise<boolean> => {
  const until = performance.now() + ms
  while (!done()) {
    if (performance.now() > until) return false
    await new Promise((r) => setTimeout(r, 50))
  }
  return true
}
