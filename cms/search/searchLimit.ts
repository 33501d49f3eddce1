/**
 * The rate limit of the search page (RATE_LIMIT_SEARCH, default 60 a minute and 600 an hour per
 * client address): a reader trying word after word gets through, a script walking the index does
 * not. Counted by the same limiters as the public endpoints (cms/abuse/rateLimit.ts), in memory or
 * in the database when RATE_LIMIT_STORE=database.
 */
import type { Payload } from 'payload'
import { RateLimiterMemory } from 'rate-limiter-flexible'
import { consumeAll, limitersFor, parseRateRules, type RateRule, type RateVerdict } from '../abuse/rateLimit'
import { sharedRateLimiter } from '../abuse/rateLimitStore'
import { clientRateKey } from '../edge/clientAddress'

/** The default rules, as RATE_LIMIT_SEARCH would write them. */
export const DEFAULT_SEARCH_RATE = '60/60,600/3600'

const memory = (rule: RateRule, keyPrefix: string) =>
  new RateLimiterMemory({ points: rule.limit, duration: rule.seconds, keyPrefix })

/** Counts a search by a client address and says whether it may go on. */
export type SearchLimit = (ip: string) => Promise<RateVerdict>

/** The search page's limiter, from the settings; `payload` gives the shared store when one is set. */
export const searchRateLimit = (
  payload: Payload | null,
  env: Record<string, string | undefined> = process.env,
): SearchLimit => {
  const rules = parseRateRules(env.RATE_LIMIT_SEARCH || DEFAULT_SEARCH_RATE, 'RATE_LIMIT_SEARCH')
  // RATE_LIMIT_STORE is checked where the CMS starts (rateLimitStoreKind); here it only picks the store.
  const shared = payload && env.RATE_LIMIT_STORE === 'database'
  const limiters = limitersFor(
    rules,
    'search',
    shared ? (rule, prefix) => sharedRateLimiter(payload, rule, prefix, memory(rule, prefix)) : memory,
  )
  return (ip) => consumeAll(limiters, clientRateKey(ip))
}
