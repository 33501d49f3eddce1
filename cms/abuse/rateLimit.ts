/**
 * Per-client rate limits on the public endpoints, counted by rate-limiter-flexible. Over a limit,
 * the person is told plainly to try again in N seconds (429 with Retry-After): nothing is stored
 * and nothing is silently dropped. The limits are per client address (an IPv6 address by its
 * /64, see clientAddress.ts) and, for signing, per petition, and high enough for a workplace
 * Wi-Fi or a mobile network's shared address. Caps on emails to one address are separate and
 * silent (MAX_CONFIRMATION_EMAILS).
 */
import type { Payload } from 'payload'
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { sharedRateLimiter } from './rateLimitStore'

/** At most `limit` hits in `seconds`. */
export type RateRule = { limit: number; seconds: number }

/** The actions with limits. */
export type RateScope =
  | 'sign'
  | 'join'
  | 'confirm'
  | 'erase'
  | 'login'
  | 'signIn'
  | 'post'
  | 'report'
  | 'ask'
  | 'propose'
  | 'support'
  | 'download'

/**
 * Defaults: a burst and a sustained rule per scope. Fifty co-workers signing one petition from
 * the office in a minute all get through; a script sending thousands does not.
 */
export const DEFAULT_RATE_RULES: Record<RateScope, RateRule[]> = {
  sign: [
    { limit: 50, seconds: 60 },
    { limit: 500, seconds: 3600 },
  ],
  join: [
    { limit: 30, seconds: 60 },
    { limit: 300, seconds: 3600 },
  ],
  confirm: [{ limit: 60, seconds: 60 }],
  erase: [{ limit: 20, seconds: 300 }],
  login: [
    { limit: 10, seconds: 300 },
    { limit: 50, seconds: 3600 },
  ],
  // Members asking for a sign-in link (RATE_LIMIT_SIGNIN): a whole office signing in one morning
  // gets through; a script trying addresses does not.
  signIn: [
    { limit: 20, seconds: 300 },
    { limit: 100, seconds: 3600 },
  ],
  // Questions to an adviser (RATE_LIMIT_ASK): a few people in one office asking in an hour get
  // through; a script filling the advisers' queue does not.
  ask: [
    { limit: 5, seconds: 300 },
    { limit: 20, seconds: 3600 },
  ],
  // Per member, not per address (RATE_LIMIT_POST): a lively chat gets through, a flood does not.
  post: [
    { limit: 10, seconds: 60 },
    { limit: 200, seconds: 3600 },
  ],
  // Per member (RATE_LIMIT_REPORT).
  report: [{ limit: 20, seconds: 3600 }],
  // Per member: proposing, resubmitting or renewing the link of a petition proposal (RATE_LIMIT_PROPOSE).
  propose: [
    { limit: 5, seconds: 3600 },
    { limit: 20, seconds: 86400 },
  ],
  // Per member: supporting proposals through their private links (RATE_LIMIT_SUPPORT).
  support: [{ limit: 30, seconds: 3600 }],
  // Per client: downloading an open letter with its signatories (RATE_LIMIT_DOWNLOAD), a file
  // made afresh at most once a roll-up; an organiser checking it often gets through, a loop does not.
  download: [
    { limit: 20, seconds: 60 },
    { limit: 200, seconds: 3600 },
  ],
}

/** A rule setting was not understood. */
export class RateLimitSettingError extends Error {
  constructor(name: string, value: string) {
    super(
      `${name}="${value}" is not a rate limit. Write limits as "hits/seconds", comma-separated, for example "50/60,500/3600"; or "off".`,
    )
    this.name = 'RateLimitSettingError'
  }
}

/**
 * Reads a rule list like "50/60,500/3600" ("off" means no limit).
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

/** The rules for a scope: RATE_LIMIT_<SCOPE> (for example RATE_LIMIT_SIGN="50/60,500/3600"), else the default. */
export const rateRules = (
  scope: RateScope,
  env: Record<string, string | undefined> = process.env,
): RateRule[] => {
  const name = `RATE_LIMIT_${scope.toUpperCase()}`
  const value = env[name]
  return value ? parseRateRules(value, name) : DEFAULT_RATE_RULES[scope]
}

/** Whether a request may go on, or how long the client must wait. */
export type RateVerdict = { limited: false } | { limited: true; retryAfterSeconds: number }

export type RateLimitStoreKind = 'memory' | 'database'

/** RATE_LIMIT_STORE: "memory" (default, one node) or "database" (shared by every CMS node). */
export const rateLimitStoreKind = (env: NodeJS.ProcessEnv = process.env): RateLimitStoreKind => {
  const v = env.RATE_LIMIT_STORE || 'memory'
  if (v !== 'memory' && v !== 'database') {
    throw new Error(
      `RATE_LIMIT_STORE="${v}" is not a store. Use "memory" (one CMS node) or "database" (several nodes share the limits).`,
    )
  }
  return v
}

/** One limiter per rule, for one scope. */
export const limitersFor = (
  rules: RateRule[],
  scope: string,
  make: (rule: RateRule, keyPrefix: string) => RateLimiterAbstract,
): RateLimiterAbstract[] => rules.map((rule) => make(rule, `rl:${scope}:${rule.limit}/${rule.seconds}`))

/**
 * Counts one hit against every limiter and says whether any limit is exceeded, and for how long.
 * A store that fails throws (rate-limiter-flexible's insurance limiter covers the shared stores).
 */
export const consumeAll = async (limiters: RateLimiterAbstract[], key: string): Promise<RateVerdict> => {
  let waitMs = 0
  for (const limiter of limiters) {
    try {
      await limiter.consume(key)
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection
      waitMs = Math.max(waitMs, rejection.msBeforeNext)
    }
  }
  return waitMs > 0
    ? { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) }
    : { limited: false }
}

const memory = (rule: RateRule, keyPrefix: string) =>
  new RateLimiterMemory({ points: rule.limit, duration: rule.seconds, keyPrefix })

const byPayload = new WeakMap<Payload, Map<RateScope, RateLimiterAbstract[]>>()

/** The limiters of a scope for this Payload instance, from the settings (made once). */
const limitersOf = (payload: Payload, scope: RateScope, env: NodeJS.ProcessEnv): RateLimiterAbstract[] => {
  let scopes = byPayload.get(payload)
  if (!scopes) byPayload.set(payload, (scopes = new Map()))
  let limiters = scopes.get(scope)
  if (!limiters) {
    const shared = rateLimitStoreKind(env) === 'database'
    limiters = limitersFor(
      rateRules(scope, env),
      scope,
      shared ? (rule, prefix) => sharedRateLimiter(payload, rule, prefix, memory(rule, prefix)) : memory,
    )
    scopes.set(scope, limiters)
  }
  return limiters
}

/**
 * Counts a hit by `client` (a key from clientRateKey) on `scope`, optionally per `subject` (a
 * petition id), and says whether it may go on.
 * @example await limitRate(payload, 'sign', '203.0.113.9', '12') // { limited: false }
 */
export const limitRate = (
  payload: Payload,
  scope: RateScope,
  client: string,
  subject = '',
  env: NodeJS.ProcessEnv = process.env,
): Promise<RateVerdict> =>
  consumeAll(limitersOf(payload, scope, env), subject ? `${subject}:${client}` : client)
