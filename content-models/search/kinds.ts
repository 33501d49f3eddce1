/**
 * What search results can be and where they can be filtered to: shared by the site (the island,
 * the index builder) and the CMS (search without JavaScript), so both offer the same filters.
 */
import { NATIONS } from '../constants'

/** The kinds of result, in the order the type filter lists them. */
export const SEARCH_TYPES = [
  { value: 'guide', label: 'Guide' },
  { value: 'template', label: 'Letter' },
  { value: 'training', label: 'Training' },
  { value: 'union', label: 'Union' },
  { value: 'network', label: 'Network' },
] as const
export type SearchType = (typeof SEARCH_TYPES)[number]['value']

/** The nations a result can be filtered by: the CMS's own list (a plain module, safe in the browser). */
export const SEARCH_NATIONS = NATIONS

/** The longest query the search box and the CMS's search page accept (a long question is well under it). */
export const MAX_SEARCH_QUERY_LENGTH = 200
