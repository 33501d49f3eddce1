/**
 * Hands one claimed chunk of update emails to the email service: in one request when the adapter
 * can batch (Resend's POST /emails/batch, cms/email/resendAdapter.ts), otherwise one request per
 * email, in parallel. Either way each email is claimed in its row first and marked after, and a
 * failure counts against each email by the same rules: queued again after a back-off, or failed
 * at its last try. A failed batch request sent none of its emails (Resend's strict validation).
 */
import type { Payload } from 'payload'
import { DELIVERY_STATES as D } from '../../../content-models/collections/supporterUpdates/states'
import type { BatchSender } from '../../email/resendAdapter'
import { scrubPersonal } from '../../email/scrub'
import type { RecordId } from '../../members/recordId'
import { updateEmail, type UpdateForEmail } from './email'
import type { SendSettings } from './settings'
import type { DeliveryStore, Recipient } from './store'

/** A waiting email whose signer still wants it and can be written to. */
export type Ready = Recipient & { email: string; emailCanonical: string; signature: RecordId }

/** How one handed-over email ended in this run. */
export type Outcome = 'sent' | 'retrying' | 'failed'

/** What handing over needs, fixed for one run of one update. */
export type Courier = {
  payload: Payload
  store: DeliveryStore
  content: UpdateForEmail
  settings: SendSettings
  now: () => Date
  /** Waits for the next request's slot: UPDATE_SEND_PER_SECOND counts requests, one email or one batch. */
  pace: () => Promise<void>
  /** The adapter's batch method, or null to send one email per request. */
  batch: BatchSender | null
}

export const isReady = (r: Recipient): r is Ready =>
  r.wanted && Boolean(r.email) && Boolean(r.emailCanonical) && r.signature !== null

/** Emails per chunk: one batch request's worth, or as many as may be in flight at once. */
export const chunkSize = (c: Courier) =>
  c.batch ? Math.max(1, Math.min(c.settings.batch, c.batch.batchLimit)) : c.settings.concurrency

/** Records one failed try of each email: queued again after a back-off, or failed at its last try. */
const recordFailure = async (c: Courier, rows: Ready[], error: unknown): Promise<Outcome[]> => {
  const s = c.settings
  const message = scrubPersonal(error instanceof Error ? error.message : String(error)).slice(0, 500)
  const outcomes: Outcome[] = []
  for (const r of rows) {
    const tries = r.attempts + 1
    const last = tries >= s.tries
    const nextAt = new Date(c.now().getTime() + s.retryAfterMs * 2 ** (tries - 1)).toISOString()
    await c.store.finish(
      r.id,
      last ? { state: D.FAILED, error: message } : { state: D.QUEUED, nextAt, error: message },
      c.now().toISOString(),
    )
    outcomes.push(last ? 'failed' : 'retrying')
  }
  const failed = outcomes.filter((o) => o === 'failed').length
  c.payload.logger.warn({
    msg:
      rows.length === 1
        ? `Update email for delivery ${rows[0].id} failed (try ${rows[0].attempts + 1} of ${s.tries}): ${message}`
        : `Update emails for deliveries ${rows[0].id}–${rows[rows.length - 1].id} failed in one batch request (${rows.length} emails: ${failed} now failed, ${rows.length - failed} to try again; ${s.tries} tries each): ${message}`,
  })
  return outcomes
}

/** One request for the whole chunk. */
const handBatch = async (c: Courier, rows: Ready[], batch: BatchSender): Promise<Outcome[]> => {
  try {
    await batch.sendBatch(rows.map((r) => updateEmail(c.payload, c.content, r)))
  } catch (error) {
    return recordFailure(c, rows, error)
  }
  return rows.map(() => 'sent')
}

/** One request per email, each waiting for its slot. */
const handOne = async (c: Courier, r: Ready): Promise<Outcome> => {
  await c.pace()
  try {
    await c.payload.sendEmail(updateEmail(c.payload, c.content, r))
    return 'sent'
  } catch (error) {
    return (await recordFailure(c, [r], error))[0]
  }
}

/**
 * Claims a chunk (queued → sending, one statement), hands it over, and marks what went sent (one
 * statement): a crash in between leaves only this chunk sending, later uncertain, never sent
 * twice. A batch waits for its slot before the claim, so its rows are not held while it waits.
 * The outcomes of the emails this run claimed (another run may have taken some).
 */
export const sendChunk = async (c: Courier, chunk: Ready[]): Promise<Outcome[]> => {
  if (c.batch) await c.pace()
  const claimed = new Set(
    await c.store.claim(
      chunk.map((r) => r.id),
      c.now().toISOString(),
    ),
  )
  const mine = chunk.filter((r) => claimed.has(r.id))
  if (!mine.length) return []
  const batch = c.batch
  const outcomes = batch ? await handBatch(c, mine, batch) : await Promise.all(mine.map((r) => handOne(c, r)))
  await c.store.finishSent(
    mine.filter((_, i) => outcomes[i] === 'sent').map((r) => r.id),
    c.now().toISOString(),
  )
  return outcomes
}
