import { describe, expect, it } from 'vitest'
import { describeNations, formatDate, isoDay } from '../../site/src/lib/format'

describe('site wording', () => {
  it('names the nations a guide covers in a sentence', () => {
    expect(describeNations(['england-wales', 'scotland'])).toBe('England, Wales and Scotland')
    expect(describeNations(['northern-ireland'])).toBe('Northern Ireland')
    expect(describeNations(['scotland', 'england-wales', 'northern-ireland'])).toBe(
      'the whole of the UK (England, Wales, Scotland and Northern Ireland)',
    )
    expect(describeNations([])).toBe('')
  })
  it('shows dates in UK time, so a late-evening summer time stays on its own day', () => {
    expect(formatDate('2026-06-30T23:30:00.000Z')).toBe('1 July 2026')
    expect(isoDay('2026-06-30T23:30:00.000Z')).toBe('2026-07-01')
    expect(formatDate('2026-12-31T23:30:00.000Z')).toBe('31 December 2026')
    expect(formatDate('not a date')).toBe('')
  })
})
