/**
 * The shared store of the rate limits (RATE_LIMIT_STORE=database), so every CMS node counts the
 * same hits: rate-limiter-flexible's own Drizzle limiter on the SQLite database's `rate_limits`
 * table (declared in cms/db/rateLimitsTable.ts), or its MongoDB limiter on Payload's mongoose
 * connection. If the store fails, the limiter counts in memory for a while (its insurance limiter)
 * rather than refusing everyone.
 */
import type { Payload } from 'payload'
import { RateLimiterDrizzle, RateLimiterMongo, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { RATE_LIMITS_TABLE } from '../db/rateLimitsTable'
import { sqlHandle, sqlRows } from '../db/rows'

/** A limiter for one rule whose counts live in the database. */
export const sharedRateLimiter = (
  payload: Payload,
  rule: { limit: number; seconds: number },
  keyPrefix: string,
  insuranceLimiter: RateLimiterAbstract,
): RateLimiterAbstract => {
  const common = { points: rule.limit, duration: rule.seconds, keyPrefix, insuranceLimiter }
  const sql = sqlHandle(payload)
  const table = sql?.tables[RATE_LIMITS_TABLE]
  if (sql && table) return new RateLimiterDrizzle({ ...common, storeClient: sql.drizzle, schema: table })
  if (payload.db.packageName === '@payloadcms/db-mongodb' && payload.db.connection)
    return new RateLimiterMongo({ ...common, storeClient: payload.db.connection, tableName: 'rate-limits' })
  throw new Error(
    'RATE_LIMIT_STORE=database needs the SQLite or MongoDB adapter. Use RATE_LIMIT_STORE=memory with other databases.',
  )
}

/** Deletes expired counts from the SQL store (the limiter also clears them hourly); run by the retention job. */
export const sweepDatabaseRateLimits = async (payload: Payload, now = Date.now()): Promise<number> =>
  (await sqlRows(payload)?.deleteExpiredRateLimits(now)) ?? 0
