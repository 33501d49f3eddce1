/** The search page's state as it is kept in the address (`/search/?q=…&type=…&nation=…`), so results can be shared. */

export type SearchState = { q: string; type: string; nation: string }

/** Reads the state from a query string; anything missing is empty. */
export const readSearchState = (search: string): SearchState => {
  const p = new URLSearchParams(search)
  return { q: p.get('q') ?? '', type: p.get('type') ?? '', nation: p.get('nation') ?? '' }
}

/**
 * The query string for a state, leaving out empty parts.
 * @example searchStateToQuery({ q: 'holiday pay', type: '', nation: 'scotland' }) // '?q=holiday+pay&nation=scotland'
 */
export const searchStateToQuery = (s: SearchState): string => {
  const p = new URLSearchParams()
  if (s.q) p.set('q', s.q)
  if (s.type) p.set('type', s.type)
  if (s.nation) p.set('nation', s.nation)
  const text = p.toString()
  return text ? `?${text}` : ''
}
