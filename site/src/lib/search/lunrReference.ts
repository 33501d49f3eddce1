/**
 * The reference the search index is checked against: one whole lunr index over the documents
 * (lunr.Builder, many times slower than weights.ts), its weights read back per term, and the
 * weights the browser computes, all at once. Used by the tests and the benchmark, never by a build.
 */
import lunr from 'lunr'
import { SearchIndexBuildError } from './buildIndex'
import { SEARCH_FIELDS, TYPE_BOOSTS, type SearchDocument } from './documents'
import { planQuery } from './planQuery'
import { vocabularyOf } from './vocabulary'
import { termWeights, type TermPostings } from './weights'

/** The whole lunr index over the documents, as one piece: the reference the index's weights are checked against (tests, benchmark). */
export const buildLunr = (docs: SearchDocument[]): lunr.Index => {
  const builder = new lunr.Builder()
  builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer)
  builder.searchPipeline.add(lunr.stemmer)
  builder.ref('id')
  for (const f of SEARCH_FIELDS) builder.field(f.name, { boost: f.boost })
  docs.forEach((d, i) => {
    try {
      builder.add(
        {
          id: String(i),
          title: d.title,
          alsoSearchedAs: d.alsoSearchedAs,
          summary: d.summary,
          headings: d.headings,
          body: d.body,
        },
        { boost: TYPE_BOOSTS[d.type] ?? 1 },
      )
    } catch (cause) {
      throw new SearchIndexBuildError(`Search index build failed at ${d.url}: ${(cause as Error).message}`, {
        cause,
      })
    }
  })
  return builder.build()
}

/**
 * Per term, per field: flat [doc, weight…] postings read from a whole lunr index's field vectors,
 * documents ascending. The reference `termWeights` is checked against (tests, benchmark).
 */
export const lunrPostings = (index: lunr.Index): TermPostings => {
  // Typed by the augmentation in lunrInternals.ts (lunr's published types leave these out).
  const { invertedIndex, fieldVectors } = index
  const termByIndex: string[] = []
  for (const [term, posting] of Object.entries(invertedIndex)) termByIndex[posting._index] = term
  const fieldIndex = new Map(SEARCH_FIELDS.map((f, i) => [f.name as string, i]))
  const pairs = new Map<string, [number, number][][]>()
  for (const [fieldRef, vector] of Object.entries(fieldVectors)) {
    const slash = fieldRef.indexOf('/')
    const field = fieldIndex.get(fieldRef.slice(0, slash))!
    const doc = Number(fieldRef.slice(slash + 1))
    const el = vector.elements
    for (let i = 0; i < el.length; i += 2) {
      const term = termByIndex[el[i]]
      let perField = pairs.get(term)
      if (!perField) pairs.set(term, (perField = SEARCH_FIELDS.map(() => [])))
      perField[field].push([doc, el[i + 1]])
    }
  }
  const out: TermPostings = new Map()
  for (const [term, perField] of pairs)
    out.set(
      term,
      perField.map((list) => list.sort((a, b) => a[0] - b[0]).flat()),
    )
  return out
}

/**
 * Every term's weight in every field of every document (weights.ts over bm25.ts, the formula the
 * browser scores with), without building a lunr index: what the tests and the benchmark compare
 * with lunr.Builder's, and score queries with directly.
 */
export const searchPostings = (docs: SearchDocument[]): TermPostings =>
  termWeights(
    docs.map((d) => ({ fields: d, boost: TYPE_BOOSTS[d.type] ?? 1 })),
    SEARCH_FIELDS,
  )

/**
 * A query's ranking scored straight from the reference weights (`searchPostings`): clause by
 * clause, field by field, divided by |q|, sorted by score, ties in document order. The browser's
 * ranking must be this one, scores to the bit (tests/unit/searchLayout.test.ts, the benchmark).
 */
export const referenceRanking = (
  postings: TermPostings,
  query: string,
  accept: (doc: number) => boolean = () => true,
): { doc: number; score: number }[] => {
  const clauses = planQuery(query, vocabularyOf([...postings.keys()].filter(Boolean).sort()))
  const scores = new Map<number, number>()
  let norm = 0
  for (const c of clauses) {
    const perField = postings.get(c.term)
    if (!perField) continue
    norm += c.boost * c.boost
    for (const flat of perField)
      for (let i = 0; i < flat.length; i += 2)
        scores.set(flat[i], (scores.get(flat[i]) ?? 0) + c.boost * flat[i + 1])
  }
  return [...scores]
    .map(([doc, s]) => ({ doc, score: s / Math.sqrt(norm) }))
    .filter(({ doc }) => accept(doc))
    .sort((a, b) => b.score - a.score || a.doc - b.doc)
}
