import { RateLimiterMemory } from 'rate-limiter-flexible'
import { describe, expect, it } from 'vitest'
import {
  consumeAll,
  DEFAULT_RATE_RULES,
  limitersFor,
  parseRateRules,
  RateLimitSettingError,
  rateRules,
} from '../../cms/abuse/rateLimit'

const memoryLimiters = (rules: { limit: number; seconds: number }[]) =>
  limitersFor(
    rules,
    'test',
    (rule, keyPrefix) => new RateLimiterMemory({ points: rule.limit, duration: rule.seconds, keyPrefix }),
  )

describe('rate limits', () => {
  it('lets fifty co-workers on one connection sign one petition in a minute by default', () => {
    expect(DEFAULT_RATE_RULES.sign[0]).toEqual({ limit: 50, seconds: 60 })
  })

  it('reads rules from a setting, and "off" means no limit', () => {
    expect(rateRules('sign', { RATE_LIMIT_SIGN: '2/10, 20/600' })).toEqual([
      { limit: 2, seconds: 10 },
      { limit: 20, seconds: 600 },
    ])
    expect(parseRateRules('off')).toEqual([])
  })

  it('names the setting and the accepted form when a rule cannot be read', () => {
    expect(() => rateRules('join', { RATE_LIMIT_JOIN: 'lots' })).toThrow(RateLimitSettingError)
    expect(() => rateRules('join', { RATE_LIMIT_JOIN: 'lots' })).toThrow(
      /RATE_LIMIT_JOIN="lots".*"50\/60,500\/3600"/,
    )
  })

  it('lets hits through up to the limit, then says how many seconds to wait', async () => {
    const limiters = memoryLimiters([{ limit: 2, seconds: 60 }])
    expect(await consumeAll(limiters, 'a')).toEqual({ limited: false })
    expect(await consumeAll(limiters, 'a')).toEqual({ limited: false })
    const third = await consumeAll(limiters, 'a')
    expect(third.limited).toBe(true)
    expect(third.limited && third.retryAfterSeconds).toBeGreaterThan(55)
    expect(third.limited && third.retryAfterSeconds).toBeLessThanOrEqual(60)
  })

  it('counts each key apart', async () => {
    const limiters = memoryLimiters([{ limit: 1, seconds: 60 }])
    expect(await consumeAll(limiters, 'petition-1:a')).toEqual({ limited: false })
    expect(await consumeAll(limiters, 'petition-2:a')).toEqual({ limited: false })
    expect(await consumeAll(limiters, 'petition-1:b')).toEqual({ limited: false })
    expect((await consumeAll(limiters, 'petition-1:a')).limited).toBe(true)
  })

  it('waits for the longest rule that is over its limit', async () => {
    const limiters = memoryLimiters([
      { limit: 5, seconds: 10 },
      { limit: 1, seconds: 600 },
    ])
    await consumeAll(limiters, 'k')
    const second = await consumeAll(limiters, 'k')
    expect(second.limited && second.retryAfterSeconds).toBeGreaterThan(590)
  })
})
