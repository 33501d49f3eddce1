/**
 * What a search page request asks for (GET /search?q=…&type=…&nation=…), checked: a bad value is
 * named with what would be accepted, never guessed at.
 */
import { z } from 'zod'
import { MAX_SEARCH_QUERY_LENGTH, SEARCH_NATIONS, SEARCH_TYPES } from '../../content-models/search/kinds'
import { check, type Checked } from '../abuse/validation'

/** A search as the form sends it; empty strings mean "not given". */
export type SearchRequest = { q: string; type: string; nation: string }

const TYPES = SEARCH_TYPES.map((t) => t.value)
const NATIONS = SEARCH_NATIONS.map((n) => n.value)

const oneOf = (values: readonly string[], what: string) =>
  z.string().refine((v) => v === '' || values.includes(v), {
    message: `Choose ${what}: ${values.join(', ')}, or leave it empty.`,
  })

const schema = z.object({
  q: z.string().max(MAX_SEARCH_QUERY_LENGTH, {
    message: `Search for at most ${MAX_SEARCH_QUERY_LENGTH} characters: a few words work best.`,
  }),
  type: oneOf(TYPES, 'one of the kinds'),
  nation: oneOf(NATIONS, 'one of the nations'),
})

/**
 * Reads a search from a query string (the first of a repeated field, as browsers send one).
 * @example parseSearchRequest('q=sick+pay&nation=scotland') // { ok: true, data: { q: 'sick pay', type: '', nation: 'scotland' } }
 */
export const parseSearchRequest = (queryString: string): Checked<SearchRequest> => {
  const p = new URLSearchParams(queryString)
  return check(schema, { q: p.get('q') ?? '', type: p.get('type') ?? '', nation: p.get('nation') ?? '' })
}

/**
 * The key a search is cached under: the same words, whatever their case or spacing, give the
 * same answer (the analyser lower-cases and splits on spaces).
 * @example searchCacheKey({ q: '  Holiday   PAY ', type: '', nation: '' }) // 'holiday pay\u0000\u0000'
 */
export const searchCacheKey = ({ q, type, nation }: SearchRequest): string =>
  [q.trim().toLowerCase().replace(/\s+/g, ' '), type, nation].join('\u0000')
