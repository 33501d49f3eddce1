import { describe, expect, it } from 'vitest'
import { isSlug, slugify } from '../../content-models/validators/slug'

describe('slugs', () => {
  it('makes a slug from a worker-style title', () => {
    expect(slugify('Can my boss stop my holiday pay?')).toBe('can-my-boss-stop-my-holiday-pay')
    expect(slugify("Workers' rights & TUPE")).toBe('workers-rights-and-tupe')
    expect(slugify('  Café crème — 2026  ')).toBe('cafe-creme-2026')
  })
  it('accepts lower-case hyphenated words and refuses anything else', () => {
    expect(isSlug('holiday-pay')).toBe(true)
    expect(isSlug('Holiday-Pay')).toBe(false)
    expect(isSlug('holiday--pay')).toBe(false)
    expect(isSlug('-holiday')).toBe(false)
    expect(isSlug('../etc')).toBe(false)
    expect(isSlug('')).toBe(false)
  })
})
