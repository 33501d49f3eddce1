/**
 * What the public sees of a petition's progress, worked out the same way by the CMS (the public
 * count and the snapshot) and the site (the count island): milestones and where support comes
 * from. Pure functions over numbers: nothing here knows who signed.
 */

/** Places with fewer confirmed signatures than this are shown together as "other", so no signer stands out. */
export const SMALLEST_PLACE_SHOWN = 5

/** The key under which small places are added up. */
export const OTHER_PLACES = 'other'

/**
 * Counts by place as the public may see them: places with fewer than SMALLEST_PLACE_SHOWN
 * signatures are added up under "other"; biggest first, "other" last.
 * @example publicPlaceCounts({ london: 7, wales: 2, scotland: 1 }) // { london: 7, other: 3 }
 */
export const publicPlaceCounts = (
  counts: Record<string, number> | null | undefined,
  smallest = SMALLEST_PLACE_SHOWN,
): Record<string, number> => {
  const shown: [string, number][] = []
  let other = 0
  for (const [key, n] of Object.entries(counts ?? {})) {
    if (typeof n !== 'number' || !(n > 0)) continue
    if (n < smallest || key === OTHER_PLACES) other += n
    else shown.push([key, n])
  }
  shown.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  if (other > 0) shown.push([OTHER_PLACES, other])
  return Object.fromEntries(shown)
}

/** One bar of a chart of support: a place's name and its count. */
export type SupportBar = { key: string; label: string; count: number }

/**
 * Bars for a chart from public counts (see publicPlaceCounts), in the same order, each with a
 * name a reader understands; an unknown key is shown as it is.
 */
export const supportBars = (
  publicCounts: Record<string, number> | null | undefined,
  labels: Record<string, string>,
): SupportBar[] =>
  Object.entries(publicCounts ?? {}).map(([key, count]) => ({ key, label: labels[key] ?? key, count }))

/** A milestone as the public sees it: its count, what happens there, and when it was reached (ISO time) or null. */
export type MilestoneView = { count: number; whatHappens: string; reachedAt: string | null }

/** When milestones were reached, by their count: `{ "100": "2026-12-07T02:10:00.000Z" }`. */
export type MilestonesReached = Record<string, string>

/** Reads the stored milestonesReached value, ignoring anything that is not a count and an ISO time. */
export const readMilestonesReached = (value: unknown): MilestonesReached => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {}
  return Object.fromEntries(
    Object.entries(value).filter(
      ([k, v]) => /^\d+$/.test(k) && typeof v === 'string' && !Number.isNaN(Date.parse(v)),
    ),
  )
}

/**
 * A petition's milestones in order of count (one per count, the first one an editor wrote),
 * each with when it was reached.
 */
export const milestoneViews = (
  milestones: { count: number; whatHappens: string }[] | null | undefined,
  reached: unknown,
): MilestoneView[] => {
  const when = readMilestonesReached(reached)
  const byCount = new Map<number, MilestoneView>()
  for (const m of milestones ?? []) {
    if (!Number.isInteger(m.count) || m.count < 1 || byCount.has(m.count)) continue
    byCount.set(m.count, {
      count: m.count,
      whatHappens: m.whatHappens,
      reachedAt: when[String(m.count)] ?? null,
    })
  }
  return [...byCount.values()].sort((a, b) => a.count - b.count)
}

/** The next milestone above a count, or null when every one is behind it. */
export const nextMilestone = (views: MilestoneView[], count: number): MilestoneView | null =>
  views.find((m) => m.count > count) ?? null

/**
 * The milestones a count has reached that have no time yet, recorded at `now`; the times already
 * kept never change (so recording twice records once).
 * @example newlyReached([{ count: 100, whatHappens: 'x' }], {}, 120, now) // { "100": now }
 */
export const newlyReached = (
  milestones: { count: number; whatHappens: string }[] | null | undefined,
  reached: unknown,
  count: number,
  now: Date,
): MilestonesReached => {
  const kept = readMilestonesReached(reached)
  const added: MilestonesReached = {}
  for (const m of milestoneViews(milestones, kept)) {
    if (m.count <= count && !m.reachedAt) added[String(m.count)] = now.toISOString()
  }
  return added
}
