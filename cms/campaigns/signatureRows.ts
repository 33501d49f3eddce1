/**
 * The one place where signatures are written with SQL of our own instead of Payload's Local API:
 * under load, signing stores many rows per transaction (see batcher.ts), new people and repeats
 * in the same statement. Column names come from drizzle's table objects in
 * Payload's SQLite adapter, so a renamed field changes the SQL with it; an integration test pins
 * the table and the columns this relies on (tests/int/signatureRows.int.test.ts). Other databases
 * (MongoDB) go through Payload's adapter, row by row.
 */
import { getTableColumns, getTableName } from 'drizzle-orm'
import type { Payload } from 'payload'
import type { Signature } from '../../content-models/payload-types'
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
/** The parts of the SQL adapter (SQLite via libSQL) that storeSignatures uses; drizzle's own types are not exported by Payload. */
type SqlAdapter = {
  client: {
    batch: (statements: Statement[], mode: 'write') => Promise<{ rows: Record<string, unknown>[] }[]>
  }
  tables: Record<string, Table>
}
type Column = { name: string; default?: unknown; mapToDriverValue: (v: unknown) => unknown }
type Table = Record<string, unknown>

/** How the signatures table's columns are called and written, worked out once per table. */
type InsertPlan = {
  keys: string[]
  columns: Column[]
  table: string
  texts: string
  head: string
  row: string
}
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
  if (value === undefined)
    return column.default === undefined || typeof column.default === 'object'
      ? null
      : column.mapToDriverValue(column.default)
  return value === null ? null : column.mapToDriverValue(value)
}

/** What storing one signature did: a new row, an existing row counted again (pending ones get the new link), or null. */
export type StoreResult = { id: number | string; state: string; inserted: boolean } | null

let lastStamp = ''
/** A timestamp for a batch, never the same as the previous batch's, so a row made by this batch is known by its createdAt. */
const batchStamp = (): string => {
  let t = Date.now()
  let stamp = new Date(t).toISOString()
  while (stamp <= lastStamp) stamp = new Date(++t).toISOString()
  return (lastStamp = stamp)
}

/**
 * Stores many signatures in one transaction, new people and repeats alike: one multi-row
 * INSERT … ON CONFLICT (petition, email) DO UPDATE … RETURNING, plus one INSERT … SELECT for the
 * flags, as one libSQL batch (its own BEGIN…COMMIT on the shared connection). A repeat counts one
 * more email on its row and, if the row is still pending, gives it the new link (only hashes are
 * kept, so the old one cannot be resent) owed as a first one is. A row that has had its
 * MAX_CONFIRMATION_EMAILS, or a repeat that sends no email (flagged), changes nothing: null. The
 * same address twice in one batch: only the one whose link the row kept gets a result.
 * The SQL is ours because drizzle's query builder cost twice as much CPU per row.
 */
export const storeSignatures = async (payload: Payload, rows: NewSignature[]): Promise<StoreResult[]> => {
  const now = batchStamp()
  const sql = payload.db as unknown as Partial<SqlAdapter>
  const table = sql.tables?.signatures
  const textsTable = sql.tables?.signatures_texts
  if (!sql.client?.batch || !table || !textsTable) return storeByAdapter(payload, rows, now)
  const plan = insertPlan(table, textsTable)
  const args: unknown[] = []
  for (const r of rows) {
    const row = { ...r, createdAt: now, updatedAt: now } as Record<string, unknown>
    for (let i = 0; i < plan.keys.length; i++) args.push(driverValue(plan.columns[i], row[plan.keys[i]]))
  }
  const c = (key: string) => `${plan.table}.${col(table, key)}`
  const x = (key: string) => `excluded.${col(table, key)}`
  const pending = `${c('state')} = '${RECORD_STATES.PENDING}'`
  const renew = [
    'confirmTokenHash',
    'confirmEmailState',
    'confirmEmailAttempts',
    'confirmEmailNextAt',
    'confirmEmailError',
    ...('pendingSince' in table ? ['pendingSince'] : []),
  ]
  const upsert = `on conflict (${col(table, 'petition')}, ${col(table, 'emailCanonical')}) do update set
    ${col(table, 'confirmationsSent')} = coalesce(${c('confirmationsSent')}, 0) + 1, ${col(table, 'updatedAt')} = ${x('updatedAt')},
    ${renew.map((k) => `${col(table, k)} = case when ${pending} then ${x(k)} else ${c(k)} end`).join(', ')}
    where coalesce(${c('confirmationsSent')}, 0) < ${MAX_CONFIRMATION_EMAILS} and ${x('confirmEmailState')} is not null
    returning "id", ${col(table, 'state')} as "state", ${col(table, 'petition')} as "petition", ${col(table, 'emailCanonical')} as "email",
      ${col(table, 'confirmTokenHash')} as "hash", ${col(table, 'createdAt')} as "createdAt"`
  const statements: Statement[] = [
    { sql: `${plan.head}${rows.map(() => plan.row).join(', ')} ${upsert}`, args },
  ]
  // Flags go to the rows this batch made (joined on the new confirm-token hash and the batch's
  // createdAt), never to an older signature: one INSERT … SELECT for the whole batch.
  const flagArgs: unknown[] = []
  for (const r of rows)
    (r.flags ?? []).forEach((text, i) => flagArgs.push(r.confirmTokenHash ?? null, i + 1, text))
  if (flagArgs.length) {
    statements.push({
      sql: `insert into ${plan.texts} ("order", "parent_id", "path", "text")
        select v.column2, s."id", 'flags', v.column3 from (values ${Array.from({ length: flagArgs.length / 3 }, () => '(?, ?, ?)').join(', ')}) as v
        join ${plan.table} as s on s."confirm_token_hash" = v.column1 and s."created_at" = ?`,
      args: [...flagArgs, now],
    })
  }
  const [stored] = await sql.client.batch(statements, 'write')
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

/** The same as storeSignatures through Payload's adapter (MongoDB), row by row. */
const storeByAdapter = async (
  payload: Payload,
  rows: NewSignature[],
  now: string,
): Promise<StoreResult[]> => {
  const results: StoreResult[] = []
  for (const data of rows) {
    try {
      const created = (await payload.db.create({
        collection: 'signatures',
        data: { ...data, createdAt: now, updatedAt: now },
      })) as { id: number | string }
      results.push({ id: created.id, state: RECORD_STATES.PENDING, inserted: true })
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      results.push(data.confirmEmailState ? await repeatByAdapter(payload, data, now) : null)
    }
  }
  return results
}

/** SIGN_BATCH_MS (default 5) and SIGN_BATCH_ROWS (default 200, at most 1,000: SQLite allows about 32,000 values per statement). */
const batchOptions = () => ({
  maxWaitMs: Math.max(0, Number(process.env.SIGN_BATCH_MS ?? 5) || 0),
  maxItems: Math.min(1000, Number(process.env.SIGN_BATCH_ROWS ?? 200) || 200),
})

const batchers = new WeakMap<Payload, Batcher<NewSignature, StoreResult>>()

/** The batcher of this Payload instance: SIGN_BATCH_MS (default 5) and SIGN_BATCH_ROWS (default 200, at most 1,000: SQLite allows about 32,000 values per statement). */
export const signatureBatcher = (payload: Payload): Batcher<NewSignature, StoreResult> => {
  let b = batchers.get(payload)
  if (!b) {
    b = createBatcher((rows: NewSignature[]) => storeSignatures(payload, rows), batchOptions())
    batchers.set(payload, b)
  }
  return b
}

/** Stores one signature (new or repeat) through the batcher; see storeSignatures. */
export const storeSignature = (payload: Payload, data: NewSignature): Promise<StoreResult> =>
  signatureBatcher(payload).add(data)

const col = (table: Table, key: string) => quote((table[key] as Column).name)

/** A repeat through Payload's adapter (MongoDB): count it, and give a pending row the new link. */
const repeatByAdapter = async (payload: Payload, r: NewSignature, at: string): Promise<StoreResult> => {
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
  const owed = {
    confirmTokenHash: r.confirmTokenHash,
    confirmEmailState: CONFIRM_EMAIL_STATES.OWED,
    confirmEmailAttempts: 0,
    confirmEmailNextAt: r.confirmEmailNextAt,
    confirmEmailError: null,
    pendingSince: at,
  }
  await payload.update({
    collection: 'signatures',
    id: existing.id,
    data: { confirmationsSent: (existing.confirmationsSent ?? 0) + 1, ...(pending ? owed : {}) },
    overrideAccess: true,
    depth: 0,
  })
  return { id: existing.id, state: existing.state, inserted: false }
}
