/**
 * The signatures written with SQL of our own (through cms/db/rows.ts): under load, signing stores
 * many rows per transaction (cms/campaigns/batcher.ts), new people and repeats in the same
 * statement. The SQL is ours because drizzle's query builder cost more CPU per row (README,
 * "Benchmarks").
 */
import type { Client, InStatement, InValue } from '@libsql/client'
import type { GenericTable } from '@payloadcms/db-sqlite'
import { getTableColumns, getTableName, type Column } from 'drizzle-orm'
import { RECORD_STATES } from '../../content-models/constants'
import type { Signature } from '../../content-models/payload-types'
import { sqlColumn } from './sqlHandle'

/** A signature row as signPetition builds it, before the database gives it an id. */
export type NewSignature = Omit<Signature, 'id' | 'createdAt' | 'updatedAt'>

/** What storing one signature did: a new row, an existing row counted again (pending ones get the new link), or null. */
export type UpsertedSignature = { id: number; state: string; inserted: boolean } | null

/** How the signatures table's columns are called and written, worked out once per table. */
type InsertPlan = { keys: string[]; columns: Column[]; head: string; row: string }
const plans = new WeakMap<GenericTable, InsertPlan>()

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

const insertPlan = (table: GenericTable): InsertPlan => {
  let plan = plans.get(table)
  if (!plan) {
    const all: Record<string, Column> = getTableColumns(table)
    const keys = Object.keys(all).filter((k) => k !== 'id')
    const columns = keys.map((k) => all[k])
    plan = {
      keys,
      columns,
      head: `insert into ${quote(getTableName(table))} (${columns.map((c) => quote(c.name)).join(', ')}) values `,
      row: `(${columns.map(() => '?').join(', ')})`,
    }
    plans.set(table, plan)
  }
  return plan
}

/**
 * A value as the column stores it; a missing one takes the column's plain default, as drizzle
 * would. (Drizzle's SQLite columns map to values libSQL takes: text, numbers, null, blobs.)
 */
const driverValue = (column: Column, value: unknown): InValue => {
  if (value === undefined)
    return column.default === undefined || typeof column.default === 'object'
      ? null
      : (column.mapToDriverValue(column.default) as InValue)
  return value === null ? null : (column.mapToDriverValue(value) as InValue)
}

/** The statement's SQL names: a column of the table (`name`), of the existing row (`c`), of the new one (`x`). */
const namesOf = (table: GenericTable) => {
  const t = quote(getTableName(table))
  const name = (key: string) => quote(sqlColumn(table, key).name)
  return { t, name, c: (key: string) => `${t}.${name(key)}`, x: (key: string) => `excluded.${name(key)}` }
}

/** INSERT … ON CONFLICT (petition, email) DO UPDATE … RETURNING, for `count` rows. */
const upsertSql = (table: GenericTable, count: number, maxEmails: number): string => {
  const plan = insertPlan(table)
  const { name: col, c, x } = namesOf(table)
  const pending = `${c('state')} = '${RECORD_STATES.PENDING}'`
  const renew = [
    'confirmTokenHash',
    'confirmEmailState',
    'confirmEmailAttempts',
    'confirmEmailNextAt',
    'confirmEmailError',
    ...('pendingSince' in table ? ['pendingSince'] : []),
  ]
  const upsert = `on conflict (${col('petition')}, ${col('emailCanonical')}) do update set
    ${col('confirmationsSent')} = coalesce(${c('confirmationsSent')}, 0) + 1, ${col('updatedAt')} = ${x('updatedAt')},
    ${renew.map((k) => `${col(k)} = case when ${pending} then ${x(k)} else ${c(k)} end`).join(', ')}
    where coalesce(${c('confirmationsSent')}, 0) < ${maxEmails} and ${x('confirmEmailState')} is not null
    returning ${col('id')} as "id", ${col('state')} as "state", ${col('petition')} as "petition", ${col('emailCanonical')} as "email",
      ${col('confirmTokenHash')} as "hash", ${col('createdAt')} as "createdAt"`
  return `${plan.head}${Array.from({ length: count }, () => plan.row).join(', ')} ${upsert}`
}

/**
 * Flags go to the rows this batch made (joined on the new confirm-token hash and the batch's
 * createdAt), never to an older signature: one INSERT … SELECT for the whole batch.
 */
const flagsStatement = (tables: SignatureTables, rows: NewSignature[], now: string): InStatement | null => {
  const args: (string | number | null)[] = []
  for (const r of rows)
    (r.flags ?? []).forEach((text, i) => args.push(r.confirmTokenHash ?? null, i + 1, text))
  if (!args.length) return null
  const s = namesOf(tables.signatures)
  const f = namesOf(tables.texts)
  return {
    sql: `insert into ${f.t} (${f.name('order')}, ${f.name('parent')}, ${f.name('path')}, ${f.name('text')})
        select v.column2, s.${s.name('id')}, 'flags', v.column3 from (values ${Array.from({ length: args.length / 3 }, () => '(?, ?, ?)').join(', ')}) as v
        join ${s.t} as s on s.${s.name('confirmTokenHash')} = v.column1 and s.${s.name('createdAt')} = ?`,
    args: [...args, now],
  }
}

/** The signatures table and the side table of their flags. */
export type SignatureTables = { signatures: GenericTable; texts: GenericTable }

/**
 * Stores many signatures in one transaction, new people and repeats alike: one multi-row
 * INSERT … ON CONFLICT (petition, email) DO UPDATE … RETURNING, plus one INSERT … SELECT for the
 * flags, as one libSQL batch (its own BEGIN…COMMIT on the shared connection). A repeat counts one
 * more email on its row and, if the row is still pending, gives it the new link (only hashes are
 * kept, so the old one cannot be resent) owed as a first one is. A row that has had its
 * `maxEmails`, or a repeat that sends no email (flagged), changes nothing: null. The same address
 * twice in one batch: only the one whose link the row kept gets a result. `now` must differ from
 * every earlier batch's: a row made by this batch is known by its createdAt.
 */
export const upsertSignatures = async (
  client: Pick<Client, 'batch'>,
  tables: SignatureTables,
  rows: NewSignature[],
  now: string,
  maxEmails: number,
): Promise<UpsertedSignature[]> => {
  const plan = insertPlan(tables.signatures)
  const args: InValue[] = []
  for (const r of rows) {
    const row: Record<string, unknown> = { ...r, createdAt: now, updatedAt: now }
    for (let i = 0; i < plan.keys.length; i++) args.push(driverValue(plan.columns[i], row[plan.keys[i]]))
  }
  const statements: InStatement[] = [{ sql: upsertSql(tables.signatures, rows.length, maxEmails), args }]
  const flags = flagsStatement(tables, rows, now)
  if (flags) statements.push(flags)
  const [stored] = await client.batch(statements, 'write')
  const byKey = new Map<string, { id: number; state: string; hash: string; inserted: boolean }>()
  for (const r of stored.rows)
    byKey.set(`${r.petition}|${r.email}`, {
      id: Number(r.id),
      state: String(r.state),
      hash: String(r.hash),
      inserted: r.createdAt === now,
    })
  const given = new Set<string>()
  return rows.map((r) => {
    const key = `${r.petition}|${r.emailCanonical}`
    const row = byKey.get(key)
    if (!row || given.has(key) || (row.state === RECORD_STATES.PENDING && row.hash !== r.confirmTokenHash))
      return null
    given.add(key)
    return { id: row.id, state: row.state, inserted: row.inserted }
  })
}
