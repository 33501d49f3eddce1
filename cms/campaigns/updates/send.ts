/**
 * Sends updates to supporters in batches, at the provider's rate, resumable after a crash without
 * sending anything twice. Each email has its own row; a chunk of rows is claimed (queued →
 * sending) just before it is handed to the email service, and marked sent or failed just after
 * (handOver.ts). A chunk is one batch request when the adapter can batch (Resend: up to 100
 * emails a request, UPDATE_SEND_BATCH), otherwise `concurrency` emails sent one per request. A
 * process killed between claim and mark leaves that chunk in sending: after the claim lease the
 * next run marks those rows uncertain and never sends them again (at most once: they may have
 * gone). Every other row is done or still queued, so a resumed run sends exactly the rest.
 */
import type { Payload } from 'payload'
import {
  DELIVERY_STATES as D,
  UPDATE_STATES as U,
} from '../../../content-models/collections/supporterUpdates/states'
import { SENDER_CONTEXT } from '../../../content-models/collections/supporterUpdates/hooks'
import type { SupporterUpdate } from '../../../content-models/payload-types'
import { batchSenderOf } from '../../email/resendAdapter'
import type { RecordId } from '../../members/recordId'
import type { UpdateForEmail } from './email'
import { chunkSize, isReady, sendChunk, type Courier } from './handOver'
import { pacer, sendSettings, type SendSettings } from './settings'
import { deliveryStore, type DeliveryStore } from './store'

export type SendOptions = Partial<SendSettings> & {
  /** Stop after handing over this many emails, leaving the rest as they are (tests: a crash after N). */
  limit?: number
  /** Stop taking new emails after this time (ms since the epoch): a job run's budget. */
  until?: number
  /** The clock (tests move it past the claim lease). */
  now?: () => Date
}

/** What one run did to one update. */
export type SendResult = {
  sent: number
  failed: number
  retrying: number
  skipped: number
  uncertain: number
  done: boolean
}

const idOf = (v: unknown): RecordId =>
  typeof v === 'object' && v ? (v as { id: RecordId }).id : (v as RecordId)

const setUpdate = (payload: Payload, id: RecordId, data: Partial<SupporterUpdate>) =>
  payload.update({
    collection: 'supporter-updates',
    id,
    data,
    depth: 0,
    overrideAccess: true,
    context: { [SENDER_CONTEXT]: true },
  })

/** How often a run copies the counts onto the update while sending. */
const COUNTS_EVERY_MS = 2000

/** Copies the delivery counts onto the update (what organisers see); true when nothing is left to do. */
const recordCounts = async (payload: Payload, store: DeliveryStore, id: RecordId, now: Date) => {
  const c = await store.counts(id)
  const done = !c[D.QUEUED] && !c[D.SENDING]
  await setUpdate(payload, id, {
    sent: c[D.SENT] ?? 0,
    failed: c[D.FAILED] ?? 0,
    skipped: c[D.SKIPPED] ?? 0,
    uncertain: c[D.UNCERTAIN] ?? 0,
    ...(done ? { state: U.SENT, finishedAt: now.toISOString() } : {}),
  })
  return done
}

/** Queues the recipients of a queued update (once: a repeat adds nobody) and marks it sending. */
const startSending = async (payload: Payload, store: DeliveryStore, u: SupporterUpdate, now: Date) => {
  const recipients = await store.enqueue(u.id, idOf(u.petition), now.toISOString())
  await setUpdate(payload, u.id, { state: U.SENDING, recipients })
}

/**
 * Sends one update as far as it can in this run: queues its recipients if it was just queued,
 * gives up claims left by a crashed run, then sends waiting emails page by page at `perSecond`
 * requests a second (a batch of up to 100 emails a request when the adapter can batch).
 */
export const sendUpdate = async (
  payload: Payload,
  id: RecordId,
  options: SendOptions = {},
): Promise<SendResult> => {
  const s = { ...sendSettings(), ...options }
  const now = options.now ?? (() => new Date())
  const store = deliveryStore(payload)
  const result: SendResult = { sent: 0, failed: 0, retrying: 0, skipped: 0, uncertain: 0, done: false }
  let u = await payload.findByID({ collection: 'supporter-updates', id, depth: 1, overrideAccess: true })
  if (u.state === U.DRAFT || u.state === U.SENT) return { ...result, done: u.state === U.SENT }
  if (u.state === U.QUEUED) {
    await startSending(payload, store, u, now())
    u = await payload.findByID({ collection: 'supporter-updates', id, depth: 1, overrideAccess: true })
  }
  result.uncertain = await store.expireClaims(
    id,
    new Date(now().getTime() - s.claimLeaseMs).toISOString(),
    now().toISOString(),
  )
  const petition = typeof u.petition === 'object' ? u.petition : null
  const content: UpdateForEmail = {
    subject: u.subject,
    intro: u.intro,
    body: u.body,
    title: petition?.title ?? '',
    slug: petition?.slug ?? '',
    kind: petition?.kind,
  }
  const courier: Courier = {
    payload,
    store,
    content,
    settings: s,
    now,
    pace: pacer(s.perSecond),
    batch: batchSenderOf(payload.email),
  }
  let started = 0
  const room = () => {
    if (options.until !== undefined && Date.now() >= options.until) return 0
    return options.limit === undefined ? Infinity : options.limit - started
  }
  // A cursor through the rows; at the end, one more pass from the start for emails whose retry is due.
  let after: RecordId | null = null
  let counted = Date.now()
  while (room() > 0) {
    const page = await store.due(id, now().toISOString(), s.batch, after)
    if (!page.length) {
      if (after === null) break
      after = null
      continue
    }
    after = page[page.length - 1].id
    const unwanted = page.filter((r) => !isReady(r)).map((r) => r.id)
    await store.skip(unwanted, now().toISOString())
    result.skipped += unwanted.length
    const ready = page.filter(isReady)
    // A chunk is claimed in one statement, handed over (one batch request, or one request per
    // email in parallel), and marked sent in one statement: a crash can leave at most one chunk uncertain.
    for (let at = 0; at < ready.length && room() > 0;) {
      const chunk = ready.slice(at, at + Math.min(chunkSize(courier), room()))
      at += chunk.length
      const outcomes = await sendChunk(courier, chunk)
      started += outcomes.length
      for (const o of outcomes) result[o]++
    }
    // Organisers see the counts move every couple of seconds (counting every page would cost more than sending).
    if (Date.now() - counted >= COUNTS_EVERY_MS) {
      await recordCounts(payload, store, id, now())
      counted = Date.now()
    }
  }
  result.done = await recordCounts(payload, store, id, now())
  return result
}

/** Every update waiting or being sent, oldest first, within one run's time. */
export const sendQueuedUpdates = async (payload: Payload, options: SendOptions = {}) => {
  const { docs } = await payload.find({
    collection: 'supporter-updates',
    where: { state: { in: [U.QUEUED, U.SENDING] } },
    sort: 'queuedAt',
    depth: 0,
    limit: 20,
    pagination: false,
    overrideAccess: true,
  })
  const results: Record<string, SendResult> = {}
  for (const u of docs) {
    if (options.until !== undefined && Date.now() >= options.until) break
    results[String(u.id)] = await sendUpdate(payload, u.id, options)
  }
  return results
}
