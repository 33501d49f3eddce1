/**
 * UK postcodes: checks the shape and finds the region and nation from the postcode area (the
 * letters at the start), with a static table and no outside service. We keep only the outward
 * code (for example "SW1A"): it is enough for counts by region and says less about a person.
 */

/** UK nations for counts (the four nations, not the legal systems). */
export const COUNT_NATIONS = {
  ENGLAND: 'england',
  WALES: 'wales',
  SCOTLAND: 'scotland',
  NORTHERN_IRELAND: 'northern-ireland',
} as const
export type CountNation = (typeof COUNT_NATIONS)[keyof typeof COUNT_NATIONS]

/** Regions (the ITL 1 regions, which also cover Wales, Scotland and Northern Ireland). */
export const REGIONS = {
  'north-east': { label: 'North East', nation: COUNT_NATIONS.ENGLAND },
  'north-west': { label: 'North West', nation: COUNT_NATIONS.ENGLAND },
  yorkshire: { label: 'Yorkshire and the Humber', nation: COUNT_NATIONS.ENGLAND },
  'east-midlands': { label: 'East Midlands', nation: COUNT_NATIONS.ENGLAND },
  'west-midlands': { label: 'West Midlands', nation: COUNT_NATIONS.ENGLAND },
  east: { label: 'East of England', nation: COUNT_NATIONS.ENGLAND },
  london: { label: 'London', nation: COUNT_NATIONS.ENGLAND },
  'south-east': { label: 'South East', nation: COUNT_NATIONS.ENGLAND },
  'south-west': { label: 'South West', nation: COUNT_NATIONS.ENGLAND },
  wales: { label: 'Wales', nation: COUNT_NATIONS.WALES },
  scotland: { label: 'Scotland', nation: COUNT_NATIONS.SCOTLAND },
  'northern-ireland': { label: 'Northern Ireland', nation: COUNT_NATIONS.NORTHERN_IRELAND },
} as const
export type Region = keyof typeof REGIONS

/**
 * Postcode area → region. An area that crosses a border is listed under the side most of it lies
 * on; DISTRICT_OVERRIDES corrects the districts on the other side.
 */
const AREAS_BY_REGION: Record<Region, string[]> = {
  'north-east': ['DH', 'DL', 'NE', 'SR', 'TS'],
  'north-west': ['BB', 'BL', 'CA', 'CH', 'CW', 'FY', 'L', 'LA', 'M', 'OL', 'PR', 'SK', 'WA', 'WN'],
  yorkshire: ['BD', 'DN', 'HD', 'HG', 'HU', 'HX', 'LS', 'S', 'WF', 'YO'],
  'east-midlands': ['DE', 'LE', 'LN', 'NG', 'NN'],
  'west-midlands': ['B', 'CV', 'DY', 'HR', 'ST', 'SY', 'TF', 'WR', 'WS', 'WV'],
  east: ['AL', 'CB', 'CM', 'CO', 'EN', 'IP', 'LU', 'NR', 'PE', 'SG', 'SS', 'WD'],
  london: ['E', 'EC', 'N', 'NW', 'SE', 'SW', 'W', 'WC', 'BR', 'CR', 'HA', 'IG', 'KT', 'RM', 'SM', 'TW', 'UB'],
  'south-east': ['BN', 'CT', 'DA', 'GU', 'HP', 'ME', 'MK', 'OX', 'PO', 'RG', 'RH', 'SL', 'SO', 'TN'],
  'south-west': ['BA', 'BH', 'BS', 'DT', 'EX', 'GL', 'PL', 'SN', 'SP', 'TA', 'TQ', 'TR'],
  wales: ['CF', 'LD', 'LL', 'NP', 'SA'],
  scotland: ['AB', 'DD', 'DG', 'EH', 'FK', 'G', 'HS', 'IV', 'KA', 'KW', 'KY', 'ML', 'PA', 'PH', 'TD', 'ZE'],
  'northern-ireland': ['BT'],
}

/** Districts on the other side of a border from the rest of their area. */
const DISTRICT_OVERRIDES: Record<string, Region> = {
  CH5: 'wales',
  CH6: 'wales',
  CH7: 'wales',
  CH8: 'wales',
  SY15: 'wales',
  SY16: 'wales',
  SY17: 'wales',
  SY18: 'wales',
  SY19: 'wales',
  SY20: 'wales',
  SY21: 'wales',
  SY22: 'wales',
  SY23: 'wales',
  SY24: 'wales',
  SY25: 'wales',
  TD15: 'north-east',
}

/** Every geographic postcode area, with its region. */
export const POSTCODE_AREAS: ReadonlyMap<string, Region> = new Map(
  (Object.entries(AREAS_BY_REGION) as [Region, string[]][]).flatMap(([region, areas]) =>
    areas.map((a) => [a, region] as const),
  ),
)

const FULL = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$/
const OUTWARD = /^([A-Z]{1,2}[0-9][A-Z0-9]?)$/

export type PostcodeInfo = {
  outward: string
  area: string
  region: Region
  regionLabel: string
  nation: CountNation
}

/**
 * Reads a full UK postcode ("sw1a 1aa") or just its first half ("SW1A"). Returns null when it is
 * not a UK postcode we know.
 * @example parsePostcode('m1 1ae') // { outward: 'M1', area: 'M', region: 'north-west', … nation: 'england' }
 */
export const parsePostcode = (input: string): PostcodeInfo | null => {
  const compact = input.trim().toUpperCase().replace(/\s+/g, ' ')
  const m = FULL.exec(compact) ?? OUTWARD.exec(compact)
  if (!m) return null
  const outward = m[1]
  const area = /^[A-Z]+/.exec(outward)![0]
  const region = DISTRICT_OVERRIDES[outward] ?? POSTCODE_AREAS.get(area)
  if (!region) return null
  return { outward, area, region, regionLabel: REGIONS[region].label, nation: REGIONS[region].nation }
}

/** What the postcode field accepts, for error messages. */
export const POSTCODE_HINT = 'a UK postcode like "M1 1AE", or just the first part like "M1"'
