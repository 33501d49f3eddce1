/**
 * The union finder's ranking, following the TUC's order of preference: first the union your
 * employer recognises, then a union that already has members where you work, then a union for your
 * kind of job. Plain data in, plain data out, so the static sector pages and the finder island give
 * the same answer.
 */
import type { SnapshotUnion } from '../../../content-models/snapshot'
import { employerMatches } from './employerMatch'

/** The three reasons a union is suggested, best first. */
export const FINDER_TIERS = {
  RECOGNISED: 'recognised',
  WORKPLACE: 'workplace',
  JOB: 'job',
} as const
export type FinderTier = (typeof FINDER_TIERS)[keyof typeof FINDER_TIERS]
const TIER_ORDER: readonly FinderTier[] = ['recognised', 'workplace', 'job']

/** The fields of a union the finder needs (small enough to hand to the island). */
export type FinderUnion = Pick<
  SnapshotUnion,
  | 'slug'
  | 'name'
  | 'shortName'
  | 'sectors'
  | 'occupations'
  | 'nations'
  | 'affiliations'
  | 'recognisedEmployers'
>

/** What the worker told us. Every part is optional. */
export type FinderQuestion = {
  /** A sector value from content-models/constants.ts, e.g. "warehouse-logistics". */
  sector?: string | null
  /** Words for their job, as typed: "forklift driver". */
  job?: string | null
  /** Where they work: "england-wales", "scotland" or "northern-ireland". */
  nation?: string | null
  /** The union their employer recognises, if they know it (a union slug). */
  recognisedUnion?: string | null
  /** Their employer's name, matched against the unions' recognised employers. */
  employer?: string | null
  /** A union that already has members where they work (a union slug). */
  workplaceUnion?: string | null
}

export type FinderResult<U extends FinderUnion = FinderUnion> = {
  union: U
  tier: FinderTier
  /** The job words of this union that matched what was typed. */
  matchedJobs: string[]
  /** True when the union organises in the worker's sector. */
  sectorMatch: boolean
  /** True when the union covers the nation asked for (or no nation was given). */
  coversNation: boolean
}

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^a-z0-9']+/)
    .filter((w) => w.length > 1)

/** Loose stemming, so "cleaners" finds "cleaner" and "driving" finds "driver". */
const stem = (word: string): string => (word.length > 4 ? word.replace(/(ing|ers|er|es|s)$/, '') : word)

/**
 * The union's job words that match the typed words: every typed word must start a word of the job.
 * @example matchJobs(['warehouse worker', 'forklift driver'], 'forklift') // ['forklift driver']
 */
export const matchJobs = (occupations: readonly string[], typed: string): string[] => {
  const wanted = words(typed)
    .map(stem)
    .filter((w) => w.length > 1)
  if (wanted.length === 0) return []
  return occupations.filter((job) => {
    const have = words(job).map(stem)
    // A typed word matches the start of a job word ("ware" finds "warehouse"), or a longer typed
    // word contains a whole job word's stem ("drivers" finds "driver").
    return wanted.every((w) => have.some((h) => h.startsWith(w) || (h.length >= 3 && w.startsWith(h))))
  })
}

/**
 * Ranks unions for a worker, best first, and drops unions that do not fit. Within "a union for your
 * kind of job", unions whose job words match come before sector-only matches, then unions focused
 * on fewer sectors (more likely to know your work), then A to Z.
 */
export const rankUnions = <U extends FinderUnion>(
  unions: readonly U[],
  q: FinderQuestion,
): FinderResult<U>[] => {
  const job = q.job?.trim() ?? ''
  const results: FinderResult<U>[] = []
  for (const union of unions) {
    const matchedJobs = job ? matchJobs(union.occupations, job) : []
    const sectorMatch = !!q.sector && union.sectors.includes(q.sector)
    const coversNation = !q.nation || (union.nations ?? []).some((n) => n === q.nation)
    const recognised =
      (!!q.recognisedUnion && union.slug === q.recognisedUnion) ||
      (!!q.employer?.trim() && union.recognisedEmployers.some((e) => employerMatches(e, q.employer!)))
    let tier: FinderTier | null = null
    if (recognised) tier = 'recognised'
    else if (q.workplaceUnion && union.slug === q.workplaceUnion) tier = 'workplace'
    else if (coversNation && (matchedJobs.length > 0 || sectorMatch)) tier = 'job'
    if (tier) results.push({ union, tier, matchedJobs, sectorMatch, coversNation })
  }
  return results.sort(
    (a, b) =>
      TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier) ||
      b.matchedJobs.length - a.matchedJobs.length ||
      Number(b.sectorMatch) - Number(a.sectorMatch) ||
      a.union.sectors.length - b.union.sectors.length ||
      a.union.name.localeCompare(b.union.name, 'en-GB'),
  )
}

const NATION_PLACE: Record<string, string> = {
  'england-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
}

/**
 * Why a union is on the list, in plain words.
 * @example explainResult({ tier: 'recognised', ... }) // 'Your employer recognises this union. ...'
 */
export const explainResult = (r: FinderResult, q: FinderQuestion, sectorLabel?: string): string => {
  const name = r.union.shortName || r.union.name
  if (r.tier === 'recognised')
    return `Your employer recognises ${name}. This means ${name} already talks to your employer about pay and conditions. Join this union first.`
  if (r.tier === 'workplace')
    return `${name} already has members where you work. Joining the same union as your workmates makes you all stronger.`
  const place = q.nation ? ` in ${NATION_PLACE[q.nation] ?? q.nation}` : ''
  if (r.matchedJobs.length > 0)
    return `${name} is a union for people who work as ${r.matchedJobs.slice(0, 3).join(', ')}${place}.`
  return `${name} is a union for people who work in ${sectorLabel ? sectorLabel.toLowerCase() : 'this kind of job'}${place}.`
}

/** A heading for each tier, in plain words. */
export const TIER_HEADINGS: Record<FinderTier, string> = {
  recognised: 'The union your employer recognises',
  workplace: 'A union with members where you work',
  job: 'Unions for your kind of job',
}
