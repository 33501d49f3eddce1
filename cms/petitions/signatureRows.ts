/**
 * The one place where signatures are written with SQL of our own instead of Payload's Local API:
 * under load, signing stores many rows per transaction (see batcher.ts), and a repeat signature
 * updates its row in the same kind of batch. Column names come from drizzle's table objects in
 * Payload's SQLite adapter, so a renamed field changes the SQL with it; an integration test pins
 * the table and the columns this relies on (tests/int/signatureRows.int.test.ts). Other databases
 * (MongoDB) go through Payload's adapter, row by row.
 */
import { getTableColumns, getTableName } from 'drizzle-orm'
import type { Payload } from 'payload'
import type { Signature } from '../payload-types'
import { RECORD_STATES } from '../members/records'
import { createBatcher, type Batcher } from './batcher'
import { MAX_CONFIRMATION_EMAILS } from '../members/records'
import { CONFIRM_EMAIL_STATES } from '../../content-models/fields/confirmEmail'

/** A unique-index clash, as the SQLite and MongoDB adapters report it. */
export const isUniqueViolation = (error: unknown): boolean => {
  const text = `${(error as Error)?.message ?? ''} ${String((error as { cause?: unknown })?.cause ?? '')} ${JSON.stringify((error as { data?: unknown })?.data ?? '')}`
  return /UNIQUE constraint|SQLITE_CONSTRAINT|E11000|duplicate key|unique/i.test(text)
}

/** A signature row as signPetition builds it, before the database gives it an id. */
export type NewSignature = Omit<Signature, 'id' | 'createdAt' | 'updatedAt'>

/** A statement for libSQL's client. */
type Statement = { sql: string; args: unknown[] }
/** The parts of the SQL adapter (SQLite via libSQL) that insertSignatures uses; drizzle's own types are not exported by Payload. */
type SqlAdapter = {
  client: { batch: (statements: Statement[], mode: 'write') => Promise<{ rows: Record<string, unknown>[] }[]> }
  tables: Record<string, Table>
}
type Column = { name: string; default?: unknown; mapToDriverValue: (v: unknown) => unknown }
type Table = Record<string, unknown>

/** How the signatures table's columns are called and written, worked out once per table. */
type InsertPlan = { keys: string[]; columns: Column[]; table: string; texts: string; head: string; row: string }
const plans = new WeakMap<Table, InsertPlan>()

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

const insertPlan = (table: Table, textsTable: Table): InsertPlan => {
  let plan = plans.get(table)
  if (!plan) {
    const all = getTableColumns(table as never) as Record<string, Column>
    const keys = Object.keys(all).filter((k) => k !== 'id')
    const columns = keys.map((k) => all[k])
    const name = getTableName(table as never)
    plan = {
      keys,
      columns,
      table: quote(name),
      texts: quote(getTableName(textsTable as never)),
      head: `insert into ${quote(name)} (${columns.map((c) => quote(c.name)).join(', ')}) values `,
      row: `(${columns.map(() => '?').join(', ')})`,
    }
    plans.set(table, plan)
  }
  return plan
}

/** A value as the column stores it; a missing one takes the column's plain default, as drizzle would. */
const driverValue = (column: Column, value: unknown): unknown => {
  if (value === undefined) return column.default === undefined || typeof column.default === 'object' ? null : column.mapToDriverValue(column.default)
  return value === null ? null : column.mapToDriverValue(value)
}

/**
 * Stores many signatures in one transaction and says, row by row, which were new: an id, or null
 * where the person had already signed (same petition and canonical email, in the database or
 * earlier in the same batch). The input is already checked by signSchema and signatures have no
 * hooks, so on SQL it is one multi-row INSERT … ON CONFLICT DO NOTHING plus one INSERT … SELECT
 * for the flags, run as one libSQL batch: its own BEGIN…COMMIT on the shared connection, so
 * nothing else interleaves (an interactive transaction would take a second connection and could
 * wait on the first). If any statement fails, none of the rows is stored. The SQL is written here,
 * with drizzle's column names and value mapping, because drizzle's query builder cost twice as
 * much CPU per row (scripts/bench/signatures.ts). Other databases go through the adapter, row by row.
 */
export const insertSignatures = async (payload: Payload, rows: NewSignature[]): Promise<(number | null)[]> => {
  const now = new Date().toISOString()
  const sql = payload.db as unknown as Partial<SqlAdapter>
  const table = sql.tables?.signatures
  const textsTable = sql.tables?.signatures_texts
  if (!sql.client?.batch || !table || !textsTable) {
    const ids: (number | null)[] = []
    for (const data of rows) {
      try {
        ids.push(((await payload.db.create({ collection: 'signatures', data: { ...data, createdAt: now, updatedAt: now } })) as { id: number }).id)
      } catch (error) {
        if (!isUniqueViolation(error)) throw error
        ids.push(null)
      }
    }
    return ids
  }
  const plan = insertPlan(table, textsTable)
  const args: unknown[] = []
  for (const r of rows) {
    const row = { ...r, createdAt: now, updatedAt: now } as Record<string, unknown>
    for (let i = 0; i < plan.keys.length; i++) args.push(driverValue(plan.columns[i], row[plan.keys[i]]))
  }
  const statements: Statement[] = [
    { sql: `${plan.head}${rows.map(() => plan.row).join(', ')} on conflict do nothing returning "id", "confirm_token_hash"`, args },
  ]
  // Flags go to the row with this confirm-token hash (new and unique), so never to an older
  // signature: one INSERT … SELECT for the whole batch, joined on the hash.
  const flagArgs: unknown[] = []
  for (const r of rows) (r.flags ?? []).forEach((text, i) => flagArgs.push(r.confirmTokenHash ?? null, i + 1, text))
  if (flagArgs.length) {
    statements.push({
      sql: `insert into ${plan.texts} ("order", "parent_id", "path", "text")
        select v.column2, s."id", 'flags', v.column3 from (values ${Array.from({ length: flagArgs.length / 3 }, () => '(?, ?, ?)').join(', ')}) as v
        join ${plan.table} as s on s."confirm_token_hash" = v.column1`,
      args: flagArgs,
    })
  }
  const [inserted] = await sql.client.batch(statements, 'write')
  const byHash = new Map(inserted.rows.map((r) => [r.confirm_token_hash as string, Number(r.id)]))
  return rows.map((r) => byHash.get(r.confirmTokenHash ?? '') ?? null)
}

/** SIGN_BATCH_MS (default 5) and SIGN_BATCH_ROWS (default 200, at most 1,000: SQLite allows about 32,000 values per statement). */
const batchOptions = () => ({
  maxWaitMs: Number(process.env.SIGN_BATCH_MS ?? 5) || 5,
  maxItems: Math.min(1000, Number(process.env.SIGN_BATCH_ROWS ?? 200) || 200),
})

const batchers = new WeakMap<Payload, Batcher<NewSignature, number | null>>()

/** The insert batcher of this Payload instance: SIGN_BATCH_MS (default 5) and SIGN_BATCH_ROWS (default 200, at most 1,000: SQLite allows about 32,000 values per statement). */
export const signatureBatcher = (payload: Payload): Batcher<NewSignature, number | null> => {
  let b = batchers.get(payload)
  if (!b) {
    b = createBatcher((rows: NewSignature[]) => insertSignatures(payload, rows), batchOptions())
    batchers.set(payload, b)
  }
  return b
}

/** Stores one signature through the batcher: its id, or null if this person had already signed. */
export const insertSignature = (payload: Payload, data: NewSignature): Promise<number | null> => signatureBatcher(payload).add(data)


/** A repeat: someone signed a petition again with an address that has signed it. */
export type RepeatSignature = { petition: number | string; emailCanonical: string; confirmTokenHash: string; at: string; emailNextAt: string }

/** What a repeat found: the row and its state, or null when that address has had all its emails (silently capped). */
export type RepeatResult = { id: number | string; state: string } | null

const col = (table: Table, key: string) => quote((table[key] as Column).name)

/**
 * Counts repeats against their rows and, where a row is still pending, gives it a new link (only
 * hashes are kept, so the old one cannot be resent) owed as a first one is: one UPDATE … FROM
 * (VALUES …) … RETURNING for the whole batch. A row at its cap of emails is left untouched (null).
 * The same address twice in one batch counts once; the later one gets null (no second email).
 */
export const repeatSignatures = async (payload: Payload, repeats: RepeatSignature[]): Promise<RepeatResult[]> => {
  const sql = payload.db as unknown as Partial<SqlAdapter>
  const table = sql.tables?.signatures
  if (!sql.client?.batch || !table) return Promise.all(repeats.map((r) => repeatByAdapter(payload, r)))
  const name = quote(getTableName(table as never))
  const c = (key: string) => `${name}.${col(table, key)}`
  const pending = `${c('state')} = '${RECORD_STATES.PENDING}'`
  const whenPending = (key: string, value: string) => `${col(table, key)} = case when ${pending} then ${value} else ${c(key)} end`
  const hasPendingSince = 'pendingSince' in table
  const text = `update ${name} set ${col(table, 'confirmationsSent')} = coalesce(${c('confirmationsSent')}, 0) + 1,
    ${whenPending('confirmTokenHash', 'v.column3')}, ${whenPending('confirmEmailState', `'${CONFIRM_EMAIL_STATES.OWED}'`)}, ${whenPending('confirmEmailAttempts', '0')},
    ${whenPending('confirmEmailNextAt', 'v.column5')}, ${whenPending('confirmEmailError', 'null')}, ${hasPendingSince ? `${whenPending('pendingSince', 'v.column4')}, ` : ''}${col(table, 'updatedAt')} = v.column4
    from (values ${repeats.map(() => '(?, ?, ?, ?, ?)').join(', ')}) as v
    where ${c('petition')} = v.column1 and ${c('emailCanonical')} = v.column2 and coalesce(${c('confirmationsSent')}, 0) < ${MAX_CONFIRMATION_EMAILS}
    returning ${c('id')} as "id", ${c('state')} as "state", ${c('petition')} as "petition", ${c('emailCanonical')} as "email", ${c('confirmTokenHash')} as "hash"`
  const args = repeats.flatMap((r) => [r.petition, r.emailCanonical, r.confirmTokenHash, r.at, r.emailNextAt])
  const [{ rows }] = await sql.client.batch([{ sql: text, args }], 'write')
  const found = new Map(rows.map((row) => [`${row.petition}|${row.email}`, { id: row.id as number, state: String(row.state), hash: row.hash as string }]))
  // Which of several repeats of one address in this batch the row took: for a pending row, the one
  // whose link it now holds (SQLite picks one); otherwise the first. The others get null.
  return repeats.map((r) => {
    const key = `${r.petition}|${r.emailCanonical}`
    const row = found.get(key)
    if (!row || (row.state === RECORD_STATES.PENDING && row.hash !== r.confirmTokenHash)) return null
    found.delete(key)
    return { id: row.id, state: row.state }
  })
}

/** The same as repeatSignatures through Payload's adapter (MongoDB). */
const repeatByAdapter = async (payload: Payload, r: RepeatSignature): Promise<RepeatResult> => {
  const found = await payload.find({
    collection: 'signatures',
    where: { and: [{ petition: { equals: r.petition } }, { emailCanonical: { equals: r.emailCanonical } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    select: { state: true, confirmationsSent: true },
  })
  const existing = found.docs[0]
  if (!existing || (existing.confirmationsSent ?? 0) >= MAX_CONFIRMATION_EMAILS) return null
  const pending = existing.state === RECORD_STATES.PENDING
  const owed = { confirmTokenHash: r.confirmTokenHash, confirmEmailState: CONFIRM_EMAIL_STATES.OWED, confirmEmailAttempts: 0, confirmEmailNextAt: r.emailNextAt, confirmEmailError: null, pendingSince: r.at }
  await payload.update({ collection: 'signatures', id: existing.id, data: { confirmationsSent: (existing.confirmationsSent ?? 0) + 1, ...(pending ? owed : {}) }, overrideAccess: true, depth: 0 })
  return { id: existing.id, state: existing.state }
}

const repeatBatchers = new WeakMap<Payload, Batcher<RepeatSignature, RepeatResult>>()

/** The repeat batcher of this Payload instance (the same batch settings as new signatures). */
export const repeatBatcher = (payload: Payload): Batcher<RepeatSignature, RepeatResult> => {
  let b = repeatBatchers.get(payload)
  if (!b) {
    b = createBatcher((rows: RepeatSignature[]) => repeatSignatures(payload, rows), batchOptions())
    repeatBatchers.set(payload, b)
  }
  return b
}
