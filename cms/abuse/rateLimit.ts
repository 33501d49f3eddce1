/**
 * Per-IP rate limits, as settings. Like e-petitions, a submission over the limit is not refused:
 * it is stored with a silent flag and gets no email, so a script learns nothing and floods no one.
 *
 * Fixed windows: each rule counts hits in the current window of `seconds`. Two rules (a short burst
 * and a longer sustained one) together behave close to a sliding window.
 */
import type { Payload } from 'payload'

/** At most `limit` hits in `seconds`. */
export type RateRule = { limit: number; seconds: number }

/** Where counts live: one process (memory) or shared by every CMS node (the database). */
export interface RateLimitStore {
  /** Adds one hit to `key` and returns the count in its window; the key may be dropped after `ttlSeconds`. */
  increment(key: string, ttlSeconds: number): Promise<number>
}

/** The endpoints with limits. */
export type RateScope = 'sign' | 'join' | 'confirm' | 'erase'

/** e-petitions' defaults: 1 per 60 s burst, 5 per 300 s sustained. */
export const DEFAULT_RATE_RULES: Record<RateScope, RateRule[]> = {
  sign: [{ limit: 1, seconds: 60 }, { limit: 5, seconds: 300 }],
  join: [{ limit: 1, seconds: 60 }, { limit: 5, seconds: 300 }],
  confirm: [{ limit: 30, seconds: 60 }],
  erase: [{ limit: 10, seconds: 300 }],
}

/** A rule setting was not understood. */
export class RateLimitSettingError extends Error {
  constructor(name: string, value: string) {
    super(`${name}="${value}" is not a rate limit. Write limits as "hits/seconds", comma-separated, for example "1/60,5/300"; or "off".`)
    this.name = 'RateLimitSettingError'
  }
}

/**
 * Reads a rule list like "1/60,5/300" ("off" means no limit).
 * @example parseRateRules('1/60,5/300') // [{ limit: 1, seconds: 60 }, { limit: 5, seconds: 300 }]
 */
export const parseRateRules = (value: string, name = 'rate limit'): RateRule[] => {
  if (value.trim() === 'off') return []
  return value.split(',').map((part) => {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(part)
    if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) throw new RateLimitSettingError(name, value)
    return { limit: Number(m[1]), seconds: Number(m[2]) }
  })
}

/** The rules for a scope: RATE_LIMIT_<SCOPE> (for example RATE_LIMIT_SIGN="1/60,5/300"), else the default. */
export const rateRules = (scope: RateScope, env: Record<string, string | undefined> = process.env): RateRule[] => {
  const name = `RATE_LIMIT_${scope.toUpperCase()}`
  const value = env[name]
  return value ? parseRateRules(value, name) : DEFAULT_RATE_RULES[scope]
}

/**
 * Counts one hit against every rule and says whether any limit is now exceeded. `key` names who
 * and what, for example "sign:<petition>:<ip hash>", so limits are per petition and per endpoint.
 */
export const hitRateLimit = async (store: RateLimitStore, key: string, rules: RateRule[], now = Date.now()): Promise<boolean> => {
  let exceeded = false
  for (const rule of rules) {
    const window = Math.floor(now / (rule.seconds * 1000))
    const count = await store.increment(`rl:${rule.limit}/${rule.seconds}:${window}:${key}`, rule.seconds)
    if (count > rule.limit) exceeded = true
  }
  return exceeded
}

/** A store for one process. Old windows are swept as new ones are used. */
export const memoryRateLimitStore = (): RateLimitStore & { size: () => number } => {
  const counts = new Map<string, { n: number; expires: number }>()
  let nextSweep = 0
  return {
    size: () => counts.size,
    async increment(key, ttlSeconds) {
      const now = Date.now()
      if (now > nextSweep) {
        for (const [k, v] of counts) if (v.expires < now) counts.delete(k)
        nextSweep = now + 10_000
      }
      const entry = counts.get(key)
      if (entry && entry.expires >= now) {
        entry.n += 1
        return entry.n
      }
      counts.set(key, { n: 1, expires: now + ttlSeconds * 1000 })
      return 1
    },
  }
}

/**
 * A store shared by every CMS node, in Payload's key-value table (payload.kv). Read-then-write is
 * not atomic, so two nodes hitting the same key in the same millisecond may count once: fine for
 * abuse control, which only needs to be roughly right.
 */
export const databaseRateLimitStore = (payload: Payload): RateLimitStore => ({
  async increment(key, ttlSeconds) {
    const now = Date.now()
    const entry = await payload.kv.get<{ n: number; expires: number }>(key)
    const n = entry && entry.expires >= now ? entry.n + 1 : 1
    await payload.kv.set(key, { n, expires: entry && entry.expires >= now ? entry.expires : now + ttlSeconds * 1000 })
    return n
  },
})

/** Deletes expired windows from the database store; run by the retention job. */
export const sweepDatabaseRateLimits = async (payload: Payload, now = Date.now()): Promise<number> => {
  let removed = 0
  for (const key of await payload.kv.keys()) {
    if (!key.startsWith('rl:')) continue
    const entry = await payload.kv.get<{ expires: number }>(key)
    if (!entry || entry.expires < now) {
      await payload.kv.delete(key)
      removed++
    }
  }
  return removed
}

export type RateLimitStoreKind = 'memory' | 'database'

/** RATE_LIMIT_STORE: "memory" (default, one node) or "database" (shared by several nodes). */
export const rateLimitStoreKind = (env: NodeJS.ProcessEnv = process.env): RateLimitStoreKind => {
  const v = env.RATE_LIMIT_STORE || 'memory'
  if (v !== 'memory' && v !== 'database') {
    throw new Error(`RATE_LIMIT_STORE="${v}" is not a store. Use "memory" (one CMS node) or "database" (several nodes share the limits).`)
  }
  return v
}

const stores = new WeakMap<Payload, RateLimitStore>()

/** The store chosen by config, one per Payload instance. */
export const rateLimitStoreFor = (payload: Payload, env: NodeJS.ProcessEnv = process.env): RateLimitStore => {
  let store = stores.get(payload)
  if (!store) {
    store = rateLimitStoreKind(env) === 'database' ? databaseRateLimitStore(payload) : memoryRateLimitStore()
    stores.set(payload, store)
  }
  return store
}
