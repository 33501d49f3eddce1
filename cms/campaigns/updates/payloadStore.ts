/**
 * The delivery store through Payload's Local API, for MongoDB (no SQL handle there). Each claim
 * is an update with the old state in its filter, so two senders never both get one email.
 */
import type { Payload, Where } from 'payload'
import { RECORD_STATES } from '../../../content-models/constants'
import { DELIVERY_STATES as D } from '../../../content-models/collections/supporterUpdates/states'
import type { Signature } from '../../../content-models/payload-types'
import type { RecordId } from '../../members/recordId'
import type { DeliveryStore } from './store'

const COLLECTION = 'supporter-update-deliveries'
const PAGE = 500

const idOf = (v: unknown): RecordId | null =>
  v == null ? null : typeof v === 'object' ? (v as { id: RecordId }).id : (v as RecordId)

const ofUpdate = (update: RecordId, more: Where[] = []): Where => ({
  and: [{ supporterUpdate: { equals: update } }, ...more],
})

/** One row per confirmed, opted-in signer, page by page; a repeat adds nobody (the unique index). */
const enqueue = async (payload: Payload, update: RecordId, petition: RecordId, now: string) => {
  for (let page = 1; ; page++) {
    const { docs, hasNextPage } = await payload.find({
      collection: 'signatures',
      where: {
        and: [
          { petition: { equals: petition } },
          { state: { equals: RECORD_STATES.CONFIRMED } },
          { consentUpdates: { equals: true } },
          { anonymisedAt: { exists: false } },
        ],
      },
      select: { state: true },
      page,
      limit: PAGE,
      depth: 0,
      overrideAccess: true,
    })
    for (const s of docs)
      await payload
        .create({
          collection: COLLECTION,
          data: {
            supporterUpdate: update as number,
            signature: s.id,
            state: D.QUEUED,
            attempts: 0,
            createdAt: now,
          },
          depth: 0,
          overrideAccess: true,
        })
        .catch(() => undefined) // already queued by an earlier run
    if (!hasNextPage) break
  }
  return (await payload.count({ collection: COLLECTION, where: ofUpdate(update), overrideAccess: true }))
    .totalDocs
}

const counts = async (payload: Payload, update: RecordId) => {
  const out: Record<string, number> = {}
  for (const state of Object.values(D))
    out[state] = (
      await payload.count({
        collection: COLLECTION,
        where: ofUpdate(update, [{ state: { equals: state } }]),
        overrideAccess: true,
      })
    ).totalDocs
  return out
}

export const payloadStore = (payload: Payload): DeliveryStore => {
  const base = { depth: 0, overrideAccess: true } as const
  /** Moves one row from state `from` to `data`; true if this call did it. */
  const move = async (id: RecordId, from: string, data: Record<string, unknown>) =>
    (
      await payload.update({
        collection: COLLECTION,
        where: { and: [{ id: { equals: id } }, { state: { equals: from } }] },
        data,
        ...base,
      })
    ).docs.length === 1
  return {
    enqueue: (update, petition, now) => enqueue(payload, update, petition, now),
    due: async (update, now, limit, after) => {
      const { docs } = await payload.find({
        collection: COLLECTION,
        where: ofUpdate(update, [
          { state: { equals: D.QUEUED } },
          ...(after === null ? [] : [{ id: { greater_than: after } }]),
          { or: [{ nextAt: { exists: false } }, { nextAt: { less_than_equal: now } }] },
        ]),
        sort: 'id',
        limit,
        depth: 1,
        overrideAccess: true,
      })
      return docs.map((d) => {
        const s = typeof d.signature === 'object' ? (d.signature as Signature | null) : null
        return {
          id: d.id,
          attempts: d.attempts ?? 0,
          signature: idOf(d.signature),
          email: s?.email ?? null,
          emailCanonical: s?.emailCanonical ?? null,
          wanted: Boolean(s && s.state === RECORD_STATES.CONFIRMED && s.consentUpdates && !s.anonymisedAt),
        }
      })
    },
    claim: async (ids, now) => {
      const got: RecordId[] = []
      for (const id of ids) {
        const row = await payload.findByID({ collection: COLLECTION, id, ...base, disableErrors: true })
        if (
          await move(id, D.QUEUED, { state: D.SENDING, claimedAt: now, attempts: (row?.attempts ?? 0) + 1 })
        )
          got.push(id)
      }
      return got
    },
    finishSent: async (ids, at) => {
      for (const id of ids)
        await move(id, D.SENDING, { state: D.SENT, sentAt: at, nextAt: null, error: null })
    },
    finish: async (id, o) => {
      await move(id, D.SENDING, {
        state: o.state,
        sentAt: o.state === D.SENT ? o.at : null,
        nextAt: o.state === D.QUEUED ? o.nextAt : null,
        error: o.state === D.SENT ? null : o.error,
      })
    },
    skip: async (ids) => {
      for (const id of ids) await move(id, D.QUEUED, { state: D.SKIPPED })
    },
    expireClaims: async (update, before) =>
      (
        await payload.update({
          collection: COLLECTION,
          where: ofUpdate(update, [{ state: { equals: D.SENDING } }, { claimedAt: { less_than: before } }]),
          data: { state: D.UNCERTAIN, error: 'The sending process stopped while handing this email over.' },
          ...base,
        })
      ).docs.length,
    counts: (update) => counts(payload, update),
  }
}
