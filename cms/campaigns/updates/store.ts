/**
 * The delivery rows of updates to supporters, with SQL of our own on SQLite (through the one
 * handle, cms/db/rows.ts): queuing 100,000 recipients is one INSERT … SELECT, and each email
 * costs two single-row UPDATEs (its claim, its outcome) instead of Payload's read-and-rewrite.
 * Names come from drizzle's table objects, so a renamed field changes the SQL with it. On
 * MongoDB the same steps go through Payload (payloadStore.ts).
 */
import type { GenericTable } from '@payloadcms/db-sqlite'
import { getTableName, type Column } from 'drizzle-orm'
import type { Payload } from 'payload'
import { RECORD_STATES } from '../../../content-models/constants'
import { DELIVERY_STATES as D } from '../../../content-models/collections/supporterUpdates/states'
import type { RecordId } from '../../members/recordId'
import { sqlHandle, type SqlHandle } from '../../db/rows'
import { payloadStore } from './payloadStore'

/** One waiting email, with what the sender needs of its signer (null fields: erased). */
export type Recipient = {
  id: RecordId
  attempts: number
  signature: RecordId | null
  email: string | null
  emailCanonical: string | null
  /** Still a confirmed, opted-in, not anonymised signer (checked again at sending time). */
  wanted: boolean
}

/** How a claimed email ended: sent, or tried (back to queued for `nextAt`, or failed for good). */
export type Outcome =
  | { state: typeof D.SENT; at: string }
  | { state: typeof D.QUEUED; nextAt: string; error: string }
  | { state: typeof D.FAILED; error: string }

export type DeliveryStore = {
  /** Queues one email per confirmed signer of the petition who opted in; how many are queued in all. */
  enqueue: (update: RecordId, petition: RecordId, now: string) => Promise<number>
  /**
   * Up to `limit` waiting emails due by `now`, in id order after `after` (a cursor: each page
   * starts where the last ended, so a page costs the same at the 100,000th email as at the first).
   */
  due: (update: RecordId, now: string, limit: number, after: RecordId | null) => Promise<Recipient[]>
  /** Claims waiting emails just before they are handed over; the ids this caller got. */
  claim: (ids: RecordId[], now: string) => Promise<RecordId[]>
  /** Records how a claimed email ended. */
  finish: (id: RecordId, outcome: Outcome, now: string) => Promise<void>
  /** Marks claimed emails sent, in one statement. */
  finishSent: (ids: RecordId[], at: string) => Promise<void>
  /** Waiting emails whose signers no longer want them. */
  skip: (ids: RecordId[], now: string) => Promise<void>
  /** Claims older than `before` (their process died mid-send) become uncertain; how many. */
  expireClaims: (update: RecordId, before: string, now: string) => Promise<number>
  /** Deliveries per state. */
  counts: (update: RecordId) => Promise<Partial<Record<string, number>>>
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

const tableOf = (h: SqlHandle, name: string): GenericTable => {
  const t = h.tables[name] as GenericTable | undefined
  if (!t)
    throw new Error(
      `Payload's SQLite schema has no "${name}" table: run the migrations (npm run migrate) after changing the supporter-update collections.`,
    )
  return t
}
const columnOf = (t: GenericTable, key: string) => {
  const c = t[key] as Column | undefined
  if (!c)
    throw new Error(
      `The table "${getTableName(t)}" has no field "${key}": cms/campaigns/updates/store.ts must follow the collection.`,
    )
  return quote(c.name)
}

/** The statements' SQL, written once per database. */
const statements = (h: SqlHandle) => {
  const dt = tableOf(h, 'supporter_update_deliveries')
  const st = tableOf(h, 'signatures')
  const d = (k: string) => columnOf(dt, k)
  const s = (k: string) => columnOf(st, k)
  const [dT, sT] = [quote(getTableName(dt)), quote(getTableName(st))]
  return {
    enqueue: `insert or ignore into ${dT} (${d('supporterUpdate')}, ${d('signature')}, ${d('state')}, ${d('attempts')}, ${d('createdAt')}, ${d('updatedAt')})
      select :update, ${s('id')}, '${D.QUEUED}', 0, :now, :now from ${sT}
      where ${s('petition')} = :petition and ${s('state')} = '${RECORD_STATES.CONFIRMED}' and ${s('consentUpdates')} = 1
        and ${s('anonymisedAt')} is null and ${s('email')} is not null`,
    total: `select count(*) as n from ${dT} where ${d('supporterUpdate')} = :update`,
    due: `select d.${d('id')} as id, d.${d('attempts')} as attempts, x.${s('id')} as signature, x.${s('email')} as email,
        x.${s('emailCanonical')} as emailCanonical,
        (x.${s('state')} = '${RECORD_STATES.CONFIRMED}' and x.${s('consentUpdates')} = 1 and x.${s('anonymisedAt')} is null) as wanted
      from ${dT} d left join ${sT} x on x.${s('id')} = d.${d('signature')}
      where d.${d('supporterUpdate')} = :update and d.${d('state')} = '${D.QUEUED}' and d.${d('id')} > :after
        and (d.${d('nextAt')} is null or d.${d('nextAt')} <= :now)
      order by d.${d('id')} limit :limit`,
    claim: (
      n: number,
    ) => `update ${dT} set ${d('state')} = '${D.SENDING}', ${d('attempts')} = ${d('attempts')} + 1, ${d('claimedAt')} = ?, ${d('updatedAt')} = ?
      where ${d('id')} in (${Array(n).fill('?').join(', ')}) and ${d('state')} = '${D.QUEUED}' returning ${d('id')} as id`,
    sent: (
      n: number,
    ) => `update ${dT} set ${d('state')} = '${D.SENT}', ${d('sentAt')} = ?, ${d('nextAt')} = null, ${d('error')} = null, ${d('updatedAt')} = ?
      where ${d('id')} in (${Array(n).fill('?').join(', ')}) and ${d('state')} = '${D.SENDING}'`,
    finish: `update ${dT} set ${d('state')} = :state, ${d('sentAt')} = :sentAt, ${d('nextAt')} = :nextAt, ${d('error')} = :error, ${d('updatedAt')} = :now
      where ${d('id')} = :id and ${d('state')} = '${D.SENDING}'`,
    skip: (n: number) => `update ${dT} set ${d('state')} = '${D.SKIPPED}', ${d('updatedAt')} = ?
      where ${d('id')} in (${Array(n).fill('?').join(', ')}) and ${d('state')} = '${D.QUEUED}'`,
    expire: `update ${dT} set ${d('state')} = '${D.UNCERTAIN}', ${d('error')} = 'The sending process stopped while handing this email over: it may have gone, so it is not sent again.', ${d('updatedAt')} = :now
      where ${d('supporterUpdate')} = :update and ${d('state')} = '${D.SENDING}' and ${d('claimedAt')} < :before`,
    counts: `select ${d('state')} as state, count(*) as n from ${dT} where ${d('supporterUpdate')} = :update group by ${d('state')}`,
  }
}

const sqlStore = (h: SqlHandle): DeliveryStore => {
  const q = statements(h)
  const run = (sql: string, args: Record<string, string | number | null>) => h.client.execute({ sql, args })
  return {
    enqueue: async (update, petition, now) => {
      await run(q.enqueue, { update, petition, now })
      return Number((await run(q.total, { update })).rows[0]?.n ?? 0)
    },
    due: async (update, now, limit, after) =>
      (await run(q.due, { update, now, limit, after: after ?? 0 })).rows.map((r) => ({
        id: Number(r.id),
        attempts: Number(r.attempts ?? 0),
        signature: r.signature == null ? null : Number(r.signature),
        email: r.email == null ? null : String(r.email),
        emailCanonical: r.emailCanonical == null ? null : String(r.emailCanonical),
        wanted: Number(r.wanted) === 1,
      })),
    claim: async (ids, now) =>
      ids.length
        ? (await h.client.execute({ sql: q.claim(ids.length), args: [now, now, ...ids] })).rows.map((r) =>
            Number(r.id),
          )
        : [],
    finishSent: async (ids, at) => {
      if (ids.length) await h.client.execute({ sql: q.sent(ids.length), args: [at, at, ...ids] })
    },
    finish: async (id, o, now) => {
      await run(q.finish, {
        id,
        now,
        state: o.state,
        sentAt: o.state === D.SENT ? o.at : null,
        nextAt: o.state === D.QUEUED ? o.nextAt : null,
        error: o.state === D.SENT ? null : o.error,
      })
    },
    skip: async (ids, now) => {
      if (ids.length) await h.client.execute({ sql: q.skip(ids.length), args: [now, ...ids] })
    },
    expireClaims: async (update, before, now) => (await run(q.expire, { update, before, now })).rowsAffected,
    counts: async (update) =>
      Object.fromEntries((await run(q.counts, { update })).rows.map((r) => [String(r.state), Number(r.n)])),
  }
}

/** The delivery store for this Payload's database. */
export const deliveryStore = (payload: Payload): DeliveryStore => {
  const h = sqlHandle(payload)
  return h ? sqlStore(h) : payloadStore(payload)
}
