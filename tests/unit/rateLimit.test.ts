import { describe, expect, it } from 'vitest'
import { DEFAULT_RATE_RULES, hitRateLimit, memoryRateLimitStore, parseRateRules, RateLimitSettingError, rateRules } from '../../cms/abuse/rateLimit'

describe('rate limits', () => {
  it('uses e-petitions defaults: 1 per 60 s burst and 5 per 300 s sustained', () => {
    expect(DEFAULT_RATE_RULES.sign).toEqual([{ limit: 1, seconds: 60 }, { limit: 5, seconds: 300 }])
  })
  it('reads rules from a setting, and "off" means no limit', () => {
    expect(rateRules('sign', { RATE_LIMIT_SIGN: '2/10, 20/600' })).toEqual([{ limit: 2, seconds: 10 }, { limit: 20, seconds: 600 }])
    expect(parseRateRules('off')).toEqual([])
  })
  it('names the setting and the accepted form when a rule cannot be read', () => {
    expect(() => rateRules('join', { RATE_LIMIT_JOIN: 'lots' })).toThrow(RateLimitSettingError)
    expect(() => rateRules('join', { RATE_LIMIT_JOIN: 'lots' })).toThrow(/RATE_LIMIT_JOIN="lots".*"1\/60,5\/300"/)
  })
  it('lets one hit through per burst window and flags the second', async () => {
    const store = memoryRateLimitStore()
    const rules = [{ limit: 1, seconds: 60 }]
    const t0 = 1_800_000_000_000 - (1_800_000_000_000 % 60_000)
    expect(await hitRateLimit(store, 'sign:1:ip', rules, t0)).toBe(false)
    expect(await hitRateLimit(store, 'sign:1:ip', rules, t0 + 1000)).toBe(true)
    expect(await hitRateLimit(store, 'sign:1:ip', rules, t0 + 61_000)).toBe(false)
  })
  it('counts each petition and each IP apart', async () => {
    const store = memoryRateLimitStore()
    const rules = [{ limit: 1, seconds: 60 }]
    const t0 = 1_800_000_000_000 - (1_800_000_000_000 % 60_000)
    expect(await hitRateLimit(store, 'sign:1:a', rules, t0)).toBe(false)
    expect(await hitRateLimit(store, 'sign:2:a', rules, t0)).toBe(false)
    expect(await hitRateLimit(store, 'sign:1:b', rules, t0)).toBe(false)
  })
  it('flags the sixth hit in five minutes under the sustained rule', async () => {
    const store = memoryRateLimitStore()
    const t0 = 1_800_000_000_000 - (1_800_000_000_000 % 300_000)
    const results: boolean[] = []
    for (let i = 0; i < 6; i++) results.push(await hitRateLimit(store, 'k', [{ limit: 5, seconds: 300 }], t0 + i * 40_000))
    expect(results).toEqual([false, false, false, false, false, true])
  })
})
