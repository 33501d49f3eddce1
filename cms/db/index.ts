/**
 * The database: which adapter DATABASE_URI selects (SQLite by default, MongoDB), set up as we run
 * it. The few statements we write in SQL ourselves are in rows.ts.
 */
import path from 'node:path'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter, type SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { index } from 'drizzle-orm/sqlite-core'
import type { DatabaseAdapterObj } from 'payload'
import { dataDir, projectRoot } from '../../content-models/paths'
import { RATE_LIMITS_TABLE, rateLimitsTable } from './rateLimitsTable'
import { migrations } from '../migrations'

/** The default: an SQLite file inside the project's data folder. */
export const DEFAULT_DATABASE_URI = 'file:./data/organise.db'

/** DATABASE_URI, or the SQLite file in the data folder (DATA_DIR, default data/). */
export const databaseUri = (): string =>
  process.env.DATABASE_URI || `file:${path.join(dataDir(), 'organise.db')}`

/**
 * Payload keeps the flags of a signature or member (a hasMany text field) in a side table indexed
 * on (order, parent_id), which cannot serve the lookups by parent_id alone that every read of a
 * signature or member makes: without this index each read scanned the whole table, which holds a
 * row for every flagged submission, so it grows fastest during an attack.
 */
const indexFlagsByParent: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const name of ['signatures_texts', 'members_texts']) {
    const table = schema.tables[name]
    if (!table)
      throw new Error(
        `The table ${name} was not found; indexFlagsByParent in cms/db/index.ts must follow the collection's flags field.`,
      )
    extendTable({ table, extraConfig: (t) => ({ parentIdx: index(`${name}_parent_idx`).on(t.parent) }) })
  }
  return schema
}

/** Adds the table the shared rate limits count in (cms/abuse/rateLimitStore.ts, declared in rateLimitsTable.ts), so migrations create it. */
const addRateLimitsTable: SQLiteSchemaHook = ({ schema }) => ({
  ...schema,
  tables: { ...schema.tables, [RATE_LIMITS_TABLE]: rateLimitsTable },
})

/** How long a MongoDB connection attempt may take before start-up fails. */
export const MONGO_TIMEOUT_MS = 5000

export type DatabaseKind = 'sqlite' | 'mongodb'

/** Which adapter a DATABASE_URI selects. Throws on a scheme we do not support, naming the setting. */
export const databaseKind = (uri: string): DatabaseKind => {
  if (/^mongodb(\+srv)?:\/\//.test(uri)) return 'mongodb'
  if (/^(file:|libsql:|https?:|wss?:)/.test(uri)) return 'sqlite'
  throw new Error(
    `DATABASE_URI "${redact(uri)}" is not supported. Use file:./data/organise.db (SQLite, the default) or mongodb://host:27017/organise (MongoDB).`,
  )
}

/** A relative `file:` URI is resolved against the project root, so every process opens the same file. */
export const resolveSqliteUrl = (uri: string): string => {
  if (!uri.startsWith('file:')) return uri
  const rest = uri.slice('file:'.length)
  return path.isAbsolute(rest) ? uri : `file:${path.resolve(projectRoot(), rest)}`
}

/** The host part of a URI, without credentials, for error messages. */
export const uriHost = (uri: string): string => {
  const m = /^[a-z+]+:\/\/(?:[^@/]*@)?([^/?]+)/i.exec(uri)
  return m?.[1] ?? '(unknown host)'
}

const redact = (uri: string) => uri.replace(/\/\/([^@/]*)@/, '//***@')

/**
 * The database adapter chosen by DATABASE_URI.
 * MongoDB fails fast (about 5 s) with a message naming the host, instead of mongoose's 30 s default.
 */
export const databaseAdapter = (uri: string = databaseUri()): DatabaseAdapterObj => {
  if (databaseKind(uri) === 'mongodb') {
    const adapter = mongooseAdapter({
      url: uri,
      connectOptions: { serverSelectionTimeoutMS: MONGO_TIMEOUT_MS, connectTimeoutMS: MONGO_TIMEOUT_MS },
    })
    const init = adapter.init
    adapter.init = (args) => {
      const db = init(args)
      const connect = db.connect
      if (connect) {
        db.connect = async function (this: unknown, options) {
          try {
            return await connect.call(db, options)
          } catch (cause) {
            throw new Error(
              `Cannot connect to MongoDB at ${uriHost(uri)} within ${MONGO_TIMEOUT_MS / 1000} s. Check that the server is running and reachable from this machine, that DATABASE_URI is right (user, password, database name), and that your IP is allowed (Atlas network access). To use the built-in SQLite database instead, remove DATABASE_URI.`,
              { cause },
            )
          }
        }
      }
      return db
    }
    return adapter
  }
  return sqliteAdapter({
    afterSchemaInit: [indexFlagsByParent, addRateLimitsTable],
    client: { url: resolveSqliteUrl(uri), authToken: process.env.DATABASE_AUTH_TOKEN || undefined },
    // The schema is changed only by committed migrations, the same way in development, CI and production.
    push: false,
    migrationDir: path.resolve(projectRoot(), 'cms/migrations'),
    prodMigrations: migrations,
    wal: { journalSizeLimit: 64 * 1024 * 1024, synchronous: 'NORMAL' },
    busyTimeout: 5000,
  })
}
