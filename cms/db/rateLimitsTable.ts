/**
 * The one table of ours in the SQLite schema: the shared rate limits' counts (RATE_LIMIT_STORE=
 * database), added to Payload's schema in cms/db/index.ts so the migrations create it.
 */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** The table's name in the SQL schema. */
export const RATE_LIMITS_TABLE = 'rate_limits'

/** The rate-limit table as rate-limiter-flexible's Drizzle limiter needs it: key, points, expiry. */
export const rateLimitsTable = sqliteTable(RATE_LIMITS_TABLE, {
  key: text('key').primaryKey(),
  points: integer('points').notNull(),
  expire: integer('expire', { mode: 'timestamp_ms' }),
})
