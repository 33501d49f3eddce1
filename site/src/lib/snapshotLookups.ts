/**
 * Lookups over a snapshot's lists, made once per list and reused by every page that renders from
 * it: a page is rendered once per entry, so a page that sorted or searched the whole list itself
 * made a build's time grow with the square of the library (at 20,000 guides, sorting them for
 * each of the 400 pages of the A to Z list took about 90 s; finding a guide page's own entry
 * for its link preview, about 40 s).
 */
import { guidesAtoZ } from '../../../content-models/lists'
import type { SnapshotGuide } from './snapshot'

/** `compute` of a list, remembered for as long as the list lives (a snapshot's lists never change). */
const perList = <K extends object, V>(compute: (list: K) => V): ((list: K) => V) => {
  const made = new WeakMap<K, V>()
  return (list) => {
    let value = made.get(list)
    if (value === undefined) made.set(list, (value = compute(list)))
    return value
  }
}

/** Every guide A to Z (content-models/lists.ts), sorted once per snapshot. */
export const guidesAtoZOnce = perList((guides: readonly SnapshotGuide[]) => guidesAtoZ(guides))

type WithSlug = { slug?: string | null }

const bySlug = perList((entries: readonly WithSlug[]): ReadonlyMap<string, WithSlug> => {
  const map = new Map<string, WithSlug>()
  for (const e of entries) if (e.slug && !map.has(e.slug)) map.set(e.slug, e)
  return map
})

/** The entries of a list by slug (the first with a slug, as Array#find would give), made once per list. */
export const entriesBySlug = <T extends WithSlug>(entries: readonly T[]): ReadonlyMap<string, T> =>
  // The map holds the list's own entries, so they are Ts.
  bySlug(entries) as ReadonlyMap<string, T>
