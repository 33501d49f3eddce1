import { describe, expect, it } from 'vitest'
import {
  clockChangeNote,
  clockTime,
  durationWords,
  hasEnded,
  sessionWhen,
  ukDay,
  ukOffsetHours,
  ukTime,
  ukZoneName,
} from '../../site/src/lib/time'

describe('UK time for training sessions', () => {
  it('shows a winter session in GMT, the same as UTC', () => {
    expect(sessionWhen('2027-01-14T18:30:00Z', '2027-01-14T20:00:00Z')).toBe(
      'Thursday 14 January 2027, 6:30pm to 8pm (UK time)',
    )
    expect(ukZoneName('2027-01-14T18:30:00Z')).toBe('GMT')
  })

  it('shows an October 2026 session in British Summer Time, an hour ahead of UTC', () => {
    expect(sessionWhen('2026-10-15T17:30:00Z', '2026-10-15T19:00:00Z')).toBe(
      'Thursday 15 October 2026, 6:30pm to 8pm (UK time)',
    )
    expect(ukZoneName('2026-10-15T17:30:00Z')).toBe('BST')
  })

  it('switches back to GMT at 1am UTC on 25 October 2026, when the clocks go back', () => {
    expect(ukTime('2026-10-25T00:59:00Z')).toBe('1:59am')
    expect(ukOffsetHours('2026-10-25T00:59:00Z')).toBe(1)
    expect(ukTime('2026-10-25T01:00:00Z')).toBe('1am')
    expect(ukOffsetHours('2026-10-25T01:00:00Z')).toBe(0)
    expect(clockChangeNote('2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z')).toBe(
      'The clocks go back one hour during this session.',
    )
  })

  it('shows a session across the clock change on 28 March 2027 with both times right', () => {
    // 00:30 UTC is 12:30am GMT; 01:30 UTC is 2:30am BST: the clocks jump from 1am to 2am.
    expect(sessionWhen('2027-03-28T00:30:00Z', '2027-03-28T01:30:00Z')).toBe(
      'Sunday 28 March 2027, 12:30am to 2:30am (UK time)',
    )
    expect(clockChangeNote('2027-03-28T00:30:00Z', '2027-03-28T01:30:00Z')).toBe(
      'The clocks go forward one hour during this session.',
    )
    expect(durationWords('2027-03-28T00:30:00Z', '2027-03-28T01:30:00Z')).toBe('1 hour')
  })

  it('shows the same 5:30pm UTC as 5:30pm before the clocks go forward and 6:30pm after', () => {
    expect(ukTime('2027-03-27T17:30:00Z')).toBe('5:30pm')
    expect(ukTime('2027-03-30T17:30:00Z')).toBe('6:30pm')
    expect(clockChangeNote('2027-03-30T17:30:00Z', '2027-03-30T19:00:00Z')).toBeNull()
  })

  it('names both days when a session runs past midnight', () => {
    expect(sessionWhen('2027-06-11T22:00:00Z', '2027-06-12T00:30:00Z')).toBe(
      'Friday 11 June 2027, 11pm to Saturday 12 June 2027, 1:30am (UK time)',
    )
  })

  it('says midday and midnight the way people do', () => {
    expect(clockTime({ hour: 12, minute: 0 })).toBe('12pm')
    expect(clockTime({ hour: 0, minute: 5 })).toBe('12:05am')
    expect(ukDay('2026-12-31T23:30:00Z')).toBe('Thursday 31 December 2026')
  })

  it('counts a session as ended from its end time', () => {
    const now = new Date('2027-01-14T20:00:00Z')
    expect(hasEnded('2027-01-14T20:00:00Z', now)).toBe(true)
    expect(hasEnded('2027-01-14T20:00:01Z', now)).toBe(false)
  })

  it('rejects a time that is not a date, saying what to use', () => {
    expect(() => sessionWhen('next Tuesday', '2027-01-14T20:00:00Z')).toThrow(/ISO 8601/)
  })
})
