import { describe, expect, it } from 'vitest'
import {
  milestoneViews,
  newlyReached,
  nextMilestone,
  publicPlaceCounts,
  readMilestonesReached,
  supportBars,
} from '../../content-models/collections/Petitions/progress'
import { shareLinks } from '../../site/src/pages/petitions/_petitions'

const steps = [
  { count: 1000, whatHappens: 'We hand it in' },
  { count: 100, whatHappens: 'The organiser responds' },
]

describe('milestones', () => {
  it('orders milestones by count, one per count, with when each was reached', () => {
    expect(
      milestoneViews([...steps, { count: 100, whatHappens: 'A second 100' }], {
        100: '2026-12-07T02:00:00.000Z',
      }),
    ).toEqual([
      { count: 100, whatHappens: 'The organiser responds', reachedAt: '2026-12-07T02:00:00.000Z' },
      { count: 1000, whatHappens: 'We hand it in', reachedAt: null },
    ])
  })

  it('finds the next milestone above a count, and none past the last', () => {
    const views = milestoneViews(steps, {})
    expect(nextMilestone(views, 99)?.count).toBe(100)
    expect(nextMilestone(views, 100)?.count).toBe(1000)
    expect(nextMilestone(views, 1000)).toBeNull()
  })

  it('records only milestones reached and not yet recorded, never changing a kept time', () => {
    const now = new Date('2026-12-07T03:00:00.000Z')
    expect(newlyReached(steps, {}, 99, now)).toEqual({})
    expect(newlyReached(steps, {}, 1000, now)).toEqual({ 100: now.toISOString(), 1000: now.toISOString() })
    expect(newlyReached(steps, { 100: '2026-12-01T00:00:00.000Z' }, 150, now)).toEqual({})
  })

  it('ignores a stored value that is not counts and times', () => {
    expect(readMilestonesReached({ 100: 'not a time', abc: '2026-12-07T02:00:00.000Z', 5: 7 })).toEqual({})
    expect(readMilestonesReached(['x'])).toEqual({})
    expect(readMilestonesReached(null)).toEqual({})
  })
})

describe('where support comes from', () => {
  it('adds up places with fewer than 5 signatures as "other", biggest first and "other" last', () => {
    expect(publicPlaceCounts({ wales: 4, london: 7, scotland: 1, unknown: 5, east: 0 })).toEqual({
      london: 7,
      unknown: 5,
      other: 5,
    })
    expect(Object.keys(publicPlaceCounts({ wales: 4, london: 7, scotland: 1, unknown: 5 }))).toEqual([
      'london',
      'unknown',
      'other',
    ])
    expect(publicPlaceCounts(null)).toEqual({})
  })

  it('names each bar, and shows a key it has no name for as it is', () => {
    expect(supportBars({ london: 7, mars: 5 }, { london: 'London' })).toEqual([
      { key: 'london', label: 'London', count: 7 },
      { key: 'mars', label: 'mars', count: 5 },
    ])
  })
})

describe('sharing links', () => {
  it('are plain links carrying only the title, summary and address', () => {
    const links = shareLinks({
      title: 'Fair rotas',
      summary: 'Two weeks ahead.',
      url: 'https://x.org/petitions/a/',
    })
    expect(links.map((l) => l.label)).toEqual(['Share on WhatsApp', 'Share on Telegram', 'Share by email'])
    expect(links[0].href).toBe('https://wa.me/?text=Fair%20rotas%20https%3A%2F%2Fx.org%2Fpetitions%2Fa%2F')
    expect(links[1].href).toBe(
      'https://t.me/share/url?url=https%3A%2F%2Fx.org%2Fpetitions%2Fa%2F&text=Fair%20rotas',
    )
    expect(decodeURIComponent(links[2].href)).toBe(
      'mailto:?subject=Fair rotas&body=Two weeks ahead.\n\nSign the petition: https://x.org/petitions/a/',
    )
  })
})
