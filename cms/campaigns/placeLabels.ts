/** The names readers see for the places signatures are counted under (nations and regions from cms/members/postcode.ts). */
import { OTHER_PLACES } from '../../content-models/collections/Petitions/progress'
import { COUNT_NATIONS, REGIONS } from '../members/postcode'

const NATION_LABELS: Record<string, string> = {
  [COUNT_NATIONS.ENGLAND]: 'England',
  [COUNT_NATIONS.WALES]: 'Wales',
  [COUNT_NATIONS.SCOTLAND]: 'Scotland',
  [COUNT_NATIONS.NORTHERN_IRELAND]: 'Northern Ireland',
}

/** Every key a public count by place may hold, with its name: nations, regions, no postcode, and the small places together. */
export const PLACE_LABELS: Record<string, string> = {
  ...NATION_LABELS,
  ...Object.fromEntries(Object.entries(REGIONS).map(([key, r]) => [key, r.label])),
  unknown: 'No postcode given',
  [OTHER_PLACES]: 'Other places (fewer than 5 each)',
}
