/** Shared by the union pages: labels for sectors, nations and affiliations, and the A to Z. */
import { AFFILIATIONS, NATIONS, SECTORS } from '../../../../content-models/constants'
import type { SnapshotUnion } from '../../lib/snapshot'
import type { FinderUnion } from '../../lib/finder'

export { NATIONS, SECTORS }

export const sectorLabel = (value: string): string => SECTORS.find((s) => s.value === value)?.label ?? value
export const nationLabel = (value: string): string => NATIONS.find((n) => n.value === value)?.label ?? value
export const affiliationLabel = (value: string): string =>
  AFFILIATIONS.find((a) => a.value === value)?.label ?? value

/** Where a worker in that nation would say they work. */
export const NATION_PLACE: Record<string, string> = {
  'england-wales': 'England or Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
}

/** Unions A to Z, grouped by first letter. */
export const unionsByLetter = (unions: SnapshotUnion[]): [string, SnapshotUnion[]][] => {
  const groups = new Map<string, SnapshotUnion[]>()
  for (const u of [...unions].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))) {
    const letter = u.name[0].toUpperCase()
    groups.set(letter, [...(groups.get(letter) ?? []), u])
  }
  return [...groups]
}

/** Only what the finder island needs, to keep the page small. */
export const toFinderUnion = (u: SnapshotUnion): FinderUnion => ({
  slug: u.slug,
  name: u.name,
  shortName: u.shortName,
  sectors: u.sectors,
  occupations: u.occupations,
  nations: u.nations,
  affiliations: u.affiliations,
  recognisedEmployers: u.recognisedEmployers,
})

/** "Alex Union (AU)", or just the name when the short name adds nothing. */
export const displayName = (u: Pick<SnapshotUnion, 'name' | 'shortName'>): string =>
  u.shortName && u.shortName !== u.name ? `${u.name} (${u.shortName})` : u.name
