/**
 * Scores and filters documents for a planned query, from the postings of its terms, as lunr would.
 */
import { SEARCH_NATIONS } from './kinds'
import type { SearchManifest } from './files'
import type { QueryClause } from './planQuery'

export type SearchFilters = { type?: string | null; nation?: string | null }

/** A matched document: its number, lunr's score, and which clauses matched it. */
export type ScoredDoc = { doc: number; score: number; clauses: number[] }

/**
 * Scores documents exactly as lunr.Index#query does, from lunr's own BM25 field weights, without
 * lunr's per-match bookkeeping (which takes hundreds of milliseconds once a common word like "pay"
 * matches most documents). lunr gives each field the query vector q (a clause's boost per term, in
 * every field) and scores a document by Σ over fields of (q · the document's field vector) / |q|.
 * Ties keep document order, as lunr's do.
 */
export const scoreClauses = (
  clauses: readonly QueryClause[],
  postings: (term: string) => number[][] | undefined,
  docCount: number,
): ScoredDoc[] => {
  const scores = new Float64Array(docCount)
  const matched: (number[] | undefined)[] = new Array(docCount)
  let norm = 0
  clauses.forEach((clause, c) => {
    const perField = postings(clause.term)
    if (!perField) return
    norm += clause.boost * clause.boost
    for (const flat of perField) {
      let doc = 0
      for (let j = 0; j < flat.length; j += 2) {
        doc += flat[j]
        scores[doc] += clause.boost * flat[j + 1]
        const m = matched[doc]
        if (!m) matched[doc] = [c]
        else if (m[m.length - 1] !== c) m.push(c)
      }
    }
  })
  const magnitude = Math.sqrt(norm)
  const out: ScoredDoc[] = []
  for (let doc = 0; doc < docCount; doc++) {
    const m = matched[doc]
    if (m) out.push({ doc, score: scores[doc] / magnitude, clauses: m })
  }
  return out.sort((a, b) => b.score - a.score)
}

/** True when a document passes the type and nation filters; documents not tied to a nation pass any nation. */
export const passesFilters = (manifest: SearchManifest, doc: number, filters: SearchFilters): boolean => {
  if (filters.type && manifest.types[manifest.docTypes[doc]] !== filters.type) return false
  if (filters.nation) {
    const bit = SEARCH_NATIONS.findIndex((n) => n.value === filters.nation)
    const nations = manifest.docNations[doc]
    if (bit >= 0 && nations !== 0 && (nations & (1 << bit)) === 0) return false
  }
  return true
}
