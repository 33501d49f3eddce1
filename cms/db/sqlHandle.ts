/**
 * The one typed handle on Payload's SQLite adapter (drizzle, the libSQL client and drizzle's table
 * objects), and the table and column names the SQL in cms/db/rows.ts relies on. Import it through
 * rows.ts.
 */
import type { GenericTable, SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Column } from 'drizzle-orm'
import type { Payload } from 'payload'

/** The parts of Payload's SQLite adapter our own SQL uses: drizzle, the libSQL client, drizzle's tables. */
export type SqlHandle = Pick<SQLiteAdapter, 'client' | 'drizzle' | 'tables'>

/** Payload's SQLite adapter, typed; null on any other database (MongoDB). */
export const sqlHandle = (payload: Payload): SqlHandle | null => {
  if (payload.db.packageName !== '@payloadcms/db-sqlite') return null
  // eslint-disable-next-line no-restricted-syntax -- checked above: this adapter is @payloadcms/db-sqlite's, whose instance is a SQLiteAdapter; Payload types payload.db as any database's adapter
  return payload.db as unknown as SQLiteAdapter
}

/**
 * Every table and field (by its name in the collection) the statements in rows.ts name. The signatures
 * insert also writes every other column of its table.
 */
export const RELIED_ON = {
  signatures: [
    'id',
    'petition',
    'emailCanonical',
    'state',
    'confirmTokenHash',
    'confirmationsSent',
    'confirmedAt',
    'pendingSince',
    'confirmEmailState',
    'confirmEmailAttempts',
    'confirmEmailNextAt',
    'confirmEmailError',
    'createdAt',
    'updatedAt',
  ],
  signatures_texts: ['order', 'parent', 'path', 'text'],
  members: [
    'id',
    'state',
    'confirmTokenHash',
    'confirmedAt',
    'confirmEmailState',
    'confirmEmailNextAt',
    'confirmEmailError',
    'updatedAt',
  ],
  rate_limits: ['key', 'points', 'expire'],
  registrations: [
    'id',
    'session',
    'member',
    'state',
    'position',
    'movedUpAt',
    'cancelledAt',
    'remindedAt',
    'activeKey',
    'updatedAt',
  ],
} as const

export type SqlTable = keyof typeof RELIED_ON

/** A table the statements here rely on, or an error that says what to fix. */
export const sqlTable = (handle: SqlHandle, name: SqlTable): GenericTable => {
  const table = handle.tables[name] as GenericTable | undefined
  if (!table)
    throw new Error(
      `Payload's SQLite schema has no "${name}" table; cms/db/rows.ts must follow the collections (see tests/int/sqlRows.int.test.ts).`,
    )
  return table
}

/** A column of a table by its field name, or an error that says what to fix. */
export const sqlColumn = (table: GenericTable, key: string): Column => {
  const column = table[key] as Column | undefined
  if (!column)
    throw new Error(
      `Payload's SQLite schema has no column for the field "${key}"; cms/db/rows.ts must follow the collections (see tests/int/sqlRows.int.test.ts).`,
    )
  return column
}

/** The SQL name of each table and column in RELIED_ON, as drizzle's schema gives them. */
export const sqlNames = (handle: SqlHandle): Record<SqlTable, Record<string, string>> =>
  Object.fromEntries(
    (Object.keys(RELIED_ON) as SqlTable[]).map((name) => {
      const table = sqlTable(handle, name)
      return [name, Object.fromEntries(RELIED_ON[name].map((key) => [key, sqlColumn(table, key).name]))]
    }),
  ) as Record<SqlTable, Record<string, string>>
