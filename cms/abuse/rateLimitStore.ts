/**
 * The shared store of the rate limits (RATE_LIMIT_STORE=database), so every CMS node counts the
 * same hits: rate-limiter-flexible's own Drizzle limiter on the SQLite database's `rate_limits`
 * table (declared in cms/db.ts), or its MongoDB limiter on Payload's mongoose connection. If the
 * store fails, the limiter counts in memory for a while (its insurance limiter) rather than
 * refusing everyone.
 */
import { lt } from 'drizzle-orm'
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { Payload } from 'payload'
import { RateLimiterDrizzle, RateLimiterMongo, type RateLimiterAbstract } from 'rate-limiter-flexible'

/** The table's name in the SQL schema. */
export const RATE_LIMITS_TABLE = 'rate_limits'

/** The rate-limit table as rate-limiter-flexible's Drizzle limiter needs it: key, points, expiry. */
export const rateLimitsTable = sqliteTable(RATE_LIMITS_TABLE, {
  key: text('key').primaryKey(),
  points: integer('points').notNull(),
  expire: integer('expire', { mode: 'timestamp_ms' }),
})

/** The parts of Payload's database adapters the shared limiters use. */
type SqlAdapter = { drizzle?: unknown; tables?: Record<string, unknown> }
type MongoAdapter = { connection?: unknown }

/** A limiter for one rule whose counts live in the database. */
export const sharedRateLimiter = (
  payload: Payload,
  rule: { limit: number; seconds: number },
  keyPrefix: string,
  insuranceLimiter: RateLimiterAbstract,
): RateLimiterAbstract => {
  const common = { points: rule.limit, duration: rule.seconds, keyPrefix, insuranceLimiter }
  const sql = payload.db as unknown as SqlAdapter
  if (sql.drizzle && sql.tables?.[RATE_LIMITS_TABLE])
    return new RateLimiterDrizzle({
      ...common,
      storeClient: sql.drizzle,
      schema: sql.tables[RATE_LIMITS_TABLE],
    })
  const mongo = payload.db as unknown as MongoAdapter
  if (mongo.connection)
    return new RateLimiterMongo({ ...common, storeClient: mongo.connection, tableName: 'rate-limits' })
  throw new Error(
    'RATE_LIMIT_STORE=database needs the SQLite or MongoDB adapter. Use RATE_LIMIT_STORE=memory with other databases.',
  )
}

/** Deletes expired counts from the SQL store (the limiter also clears them hourly); run by the retention job. */
export const sweepDatabaseRateLimits = async (payload: Payload, now = Date.now()): Promise<number> => {
  const sql = payload.db as unknown as {
    drizzle?: { delete: (t: unknown) => { where: (w: unknown) => PromiseLike<{ rowsAffected?: number }> } }
  }
  if (!sql.drizzle) return 0
  const res = await sql.drizzle.delete(rateLimitsTable).where(lt(rateLimitsTable.expire, new Date(now)))
  return res.rowsAffected ?? 0
}
