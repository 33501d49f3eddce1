/**
 * Scores and filters documents for a planned query, from the postings of its terms, as lunr would,
 * with work proportional to the postings read (not to the number of documents): the buffers are
 * kept between queries and only the documents a query touched are reset, and only the best
 * `limit` are sorted (a heap keeps them while the rest are counted).
 */
import { averageLength, lunrIdf, lunrWeight, type FieldStats } from './bm25'
import { SEARCH_NATIONS } from './kinds'
import { tableLengths, type NationList, type SearchManifest, type TermPostings } from './files'
import { textToNumbers } from './numberText'
import type { QueryClause } from './planQuery'
import { bestDocs } from './topDocs'

export type SearchFilters = { type?: string | null; nation?: string | null }

/** A matched document: its number, lunr's score, and which clauses matched it (ascending). */
export type ScoredDoc = { doc: number; score: number; clauses: number[] }

/** The best documents of a query, after filters, and how many passed the filters in all. */
export type Ranked = { top: ScoredDoc[]; total: number }

/** A term's postings with lunr's weights: per field, the documents holding it (ascending) and its weight in each. */
export type WeighedPostings = [docs: Int32Array, weights: Float64Array][]

/** What every weight of an index shares: per field its average length and boost, per document its boost, and the table's lengths. */
export type IndexStats = {
  documentCount: number
  fields: FieldStats[]
  docBoosts: Float64Array
  tableLengths: number[]
}

/** The numbers every weight shares, from the manifest and the length table (files.ts). */
export const indexStats = (
  manifest: Pick<SearchManifest, 'docTypes' | 'typeBoosts' | 'fieldBoosts' | 'fieldLengthTotals'> &
    Partial<Pick<SearchManifest, 'documentCount' | 'version'>>,
  lengthTable: string,
): IndexStats => {
  // Numbers left empty by removed documents are not documents: lunr never counted them.
  const documentCount = manifest.documentCount ?? manifest.docTypes.length
  return {
    documentCount,
    fields: manifest.fieldBoosts.map((boost, f) => ({
      boost,
      averageLength: averageLength(manifest.fieldLengthTotals[f], documentCount),
    })),
    docBoosts: Float64Array.from(manifest.docTypes, (t) => manifest.typeBoosts[t] ?? 1),
    tableLengths: tableLengths(manifest, lengthTable),
  }
}

/**
 * A term's stored postings (frequencies and lengths) with lunr's weights: its document frequency
 * is the number of (document, field) pairs it has postings in, as lunr.idf counts it.
 */
export const weighPostings = (stats: IndexStats, stored: TermPostings): WeighedPostings => {
  const fields = stored.map(([gaps, tfs, lengths]) => ({
    gaps: textToNumbers(gaps),
    tfs: textToNumbers(tfs),
    lengths: lengths === undefined ? undefined : textToNumbers(lengths),
  }))
  const idf = lunrIdf(
    fields.reduce((pairs, f) => pairs + f.gaps.length, 0),
    stats.documentCount,
  )
  return fields.map(({ gaps, tfs, lengths }, f) => {
    const docs = new Int32Array(gaps.length)
    const weights = new Float64Array(gaps.length)
    let doc = 0
    for (let j = 0; j < gaps.length; j++) {
      doc += gaps[j]
      docs[j] = doc
      const length = lengths ? lengths[j] : stats.tableLengths[doc]
      weights[j] = lunrWeight(idf, tfs[j], length, stats.fields[f], stats.docBoosts[doc])
    }
    return [docs, weights]
  })
}

/**
 * Scores documents exactly as lunr.Index#query does, from lunr's own BM25 field weights, without
 * lunr's per-match bookkeeping. lunr gives each field the query vector q (a clause's boost per
 * term, in every field) and scores a document by Σ over fields of (q · the document's field
 * vector) / |q|. Clauses whose term has no postings do not count in |q|. Ties keep document order,
 * as lunr's do. One scorer per index: it keeps its buffers between queries.
 */
export class Scorer {
  private readonly scores: Float64Array
  private masks = new Uint32Array(0)
  private readonly seen: Uint8Array
  private readonly touched: Int32Array
  private readonly passed: Int32Array

  constructor(private readonly docCount: number) {
    this.scores = new Float64Array(docCount)
    this.seen = new Uint8Array(docCount)
    this.touched = new Int32Array(docCount)
    this.passed = new Int32Array(docCount)
  }

  rank(
    clauses: readonly QueryClause[],
    postings: (term: string) => WeighedPostings | undefined,
    accept: (doc: number) => boolean,
    limit: number,
  ): Ranked {
    const words = Math.max(1, Math.ceil(clauses.length / 32))
    if (this.masks.length < this.docCount * words) this.masks = new Uint32Array(this.docCount * words)
    const { scores, masks, seen, touched, passed } = this
    let count = 0
    let norm = 0
    clauses.forEach((clause, c) => {
      const found = postings(clause.term)
      if (!found) return
      norm += clause.boost * clause.boost
      const word = c >>> 5
      const bit = 1 << (c & 31)
      for (const [docs, weights] of found) {
        for (let j = 0; j < docs.length; j++) {
          const doc = docs[j]
          if (!seen[doc]) {
            seen[doc] = 1
            touched[count++] = doc
          }
          scores[doc] += clause.boost * weights[j]
          masks[doc * words + word] |= bit
        }
      }
    })
    const magnitude = Math.sqrt(norm)
    let total = 0
    for (let i = 0; i < count; i++) {
      const doc = touched[i]
      scores[doc] /= magnitude
      if (accept(doc)) passed[total++] = doc
    }
    const top = bestDocs(passed, total, scores, limit).map((doc) => ({
      doc,
      score: scores[doc],
      clauses: clausesOf(masks, doc * words, clauses.length),
    }))
    for (let i = 0; i < count; i++) {
      const doc = touched[i]
      scores[doc] = 0
      seen[doc] = 0
      masks.fill(0, doc * words, doc * words + words)
    }
    return { top, total }
  }
}

/** The clause numbers set in a document's mask. */
const clausesOf = (masks: Uint32Array, at: number, clauseCount: number): number[] => {
  const out: number[] = []
  for (let c = 0; c < clauseCount; c++) if (masks[at + (c >>> 5)] & (1 << (c & 31))) out.push(c)
  return out
}

/**
 * The filter of a search, as a test per document. A nation filter needs the nations file (`nations`);
 * documents not tied to a nation pass any nation.
 */
export const filterOf = (
  manifest: Pick<SearchManifest, 'types' | 'docTypes'>,
  filters: SearchFilters,
  nations?: NationList,
): ((doc: number) => boolean) => {
  const type = filters.type ? manifest.types.indexOf(filters.type) : -1
  const bit = filters.nation ? SEARCH_NATIONS.findIndex((n) => n.value === filters.nation) : -1
  if (filters.type && type < 0) return () => false
  return (doc) => {
    if (filters.type && manifest.docTypes[doc] !== type) return false
    if (bit >= 0 && nations) {
      const held = nations[doc]
      if (held !== 0 && (held & (1 << bit)) === 0) return false
    }
    return true
  }
}
