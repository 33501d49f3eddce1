/**
 * Training places with SQL of our own (through cms/db/rows.ts): each decision about a place is one
 * statement, so SQLite's write lock makes it atomic. Two people pressing "Register" for the last
 * place at once, or two tabs of one person, can never overfill a session or list a person twice:
 * Payload's update reads, then writes, and two requests could both read "one place left".
 */
import type { Client } from '@libsql/client'
import type { GenericTable } from '@payloadcms/db-sqlite'
import { getTableName } from 'drizzle-orm'
import { REGISTRATION_STATES as S } from '../../content-models/constants'
import type { RecordId } from '../members/recordId'
import { sqlColumn } from './sqlHandle'

/** Where a registration ended up once placed: a place, or this spot in the queue. */
export type Placed = { state: 'registered' | 'waiting'; position: number | null }

/** The statements on the registrations table. */
export type RegistrationRows = {
  /**
   * Gives the registration `id` (now in state `from`) a place if the session has one free and
   * nobody is waiting, else the next spot on the waiting list. Null when it is no longer in
   * `from` or its member already holds a place or spot for this session (the other tab won).
   */
  place: (
    r: { id: RecordId; session: RecordId; member: RecordId; from: string },
    capacity: number | null,
    now: string,
  ) => Promise<Placed | null>
  /** Moves people up from the waiting list into free places, first come first served; their ids. */
  promote: (session: RecordId, capacity: number | null, now: string) => Promise<RecordId[]>
  /** Cancels a registration that holds a place or spot; its state before, or null if it held none. */
  cancel: (id: RecordId, now: string) => Promise<'registered' | 'waiting' | null>
  /** Marks a registered person reminded; true if this call did it (so one reminder, whoever runs). */
  claimReminder: (id: RecordId, now: string) => Promise<boolean>
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/** The statements' SQL for one table, written once. */
const statements = (t: GenericTable) => {
  const c = (key: string) => quote(sqlColumn(t, key).name)
  const [table, id, session, member, state, position] = [
    quote(getTableName(t)),
    c('id'),
    c('session'),
    c('member'),
    c('state'),
    c('position'),
  ]
  const [updatedAt, movedUpAt, cancelledAt, remindedAt, activeKey] = [
    c('updatedAt'),
    c('movedUpAt'),
    c('cancelledAt'),
    c('remindedAt'),
    c('activeKey'),
  ]
  const registered = `(select count(*) from ${table} x where x.${session} = :session and x.${state} = '${S.REGISTERED}')`
  const free = `(:capacity is null or (${registered} < :capacity and not exists (select 1 from ${table} w where w.${session} = :session and w.${state} = '${S.WAITING}')))`
  return {
    place: `update ${table} set
      ${state} = case when ${free} then '${S.REGISTERED}' else '${S.WAITING}' end,
      ${position} = case when ${free} then null else (select coalesce(max(w.${position}), 0) + 1 from ${table} w where w.${session} = :session and w.${state} = '${S.WAITING}') end,
      ${updatedAt} = :now
      where ${id} = :id and ${state} = :from and not exists (select 1 from ${table} d where d.${member} = :member and d.${session} = :session and d.${state} in ('${S.REGISTERED}', '${S.WAITING}') and d.${id} <> :id)
      returning ${state} as state, ${position} as position`,
    promote: `update ${table} set ${state} = '${S.REGISTERED}', ${position} = null, ${movedUpAt} = :now, ${updatedAt} = :now
      where ${id} in (select w.${id} from ${table} w where w.${session} = :session and w.${state} = '${S.WAITING}'
        order by w.${position}, w.${id} limit case when :capacity is null then -1 else max(0, :capacity - ${registered}) end)
      returning ${id} as id`,
    // One state at a time (waiting first: a waiting place may be moved up meanwhile, never back).
    // activeKey as content-models/collections/Registrations.ts sets it (activeKeyOf): the member may register again.
    cancel: `update ${table} set ${state} = '${S.CANCELLED}', ${position} = null, ${cancelledAt} = :now, ${updatedAt} = :now,
      ${activeKey} = 'cancelled:' || ${id}
      where ${id} = :id and ${state} = :from`,
    claimReminder: `update ${table} set ${remindedAt} = :now, ${updatedAt} = :now
      where ${id} = :id and ${state} = '${S.REGISTERED}' and ${remindedAt} is null`,
  }
}

const written = new WeakMap<GenericTable, ReturnType<typeof statements>>()

/** The registrations statements on one libSQL client (their SQL written once per table). */
export const registrationRows = (client: Client, table: GenericTable): RegistrationRows => {
  let sql = written.get(table)
  if (!sql) written.set(table, (sql = statements(table)))
  return {
    place: async ({ id, session, member, from }, capacity, now) => {
      const res = await client.execute({ sql: sql.place, args: { id, session, member, from, capacity, now } })
      const row = res.rows[0]
      if (!row) return null
      return {
        state: row.state === S.REGISTERED ? S.REGISTERED : S.WAITING,
        position: row.position === null ? null : Number(row.position),
      }
    },
    promote: async (session, capacity, now) => {
      const res = await client.execute({ sql: sql.promote, args: { session, capacity, now } })
      return res.rows.map((r) => (typeof r.id === 'bigint' ? Number(r.id) : (r.id as RecordId)))
    },
    cancel: async (id, now) => {
      for (const from of [S.WAITING, S.REGISTERED] as const) {
        const res = await client.execute({ sql: sql.cancel, args: { id, now, from } })
        if (res.rowsAffected === 1) return from
      }
      return null
    },
    claimReminder: async (id, now) => {
      const res = await client.execute({ sql: sql.claimReminder, args: { id, now } })
      return res.rowsAffected === 1
    },
  }
}
