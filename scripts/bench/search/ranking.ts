/**
 * Whether our index ranks as before and as lunr does, over the bench's questions typed a letter at
 * a time: every hit's document and score against the reference weights (scores to the bit: the
 * ranking the index gave before it stored frequencies instead of weights), and against one whole
 * lunr index when there is one (lunr adds field by field, we clause by clause: scores to 6 decimals;
 * lunr orders equal scores its own way, we by document number, as before).
 */
import type lunr from 'lunr'
import { referenceRanking, searchPostings } from '../../../site/src/lib/search/lunrReference'
import type { SearchDocument } from '../../../site/src/lib/search/documents'
import { planQuery } from '../../../site/src/lib/search/planQuery'
import type { SearchClient } from '../../../site/src/lib/search/query'
import { vocabularyOf } from '../../../site/src/lib/search/vocabulary'

/** What the comparison found: hits compared, and the first question whose ranking differs. */
export type RankingCheck = { hits: number; lunrHits: number; differs?: string }

/** Every state of a question as it is typed, from the third letter. */
export const asTyped = (q: string) => Array.from({ length: q.length - 2 }, (_, i) => q.slice(0, i + 3))

const sameList = (a: unknown[], b: unknown[]) => JSON.stringify(a) === JSON.stringify(b)

/** Compares the client's ranking of every typed state of `questions` with the references. */
export const checkRanking = async (
  docs: SearchDocument[],
  client: SearchClient,
  questions: readonly string[],
  whole?: lunr.Index,
): Promise<RankingCheck> => {
  const postings = searchPostings(docs)
  const vocab = vocabularyOf([...postings.keys()].filter(Boolean).sort())
  const out: RankingCheck = { hits: 0, lunrHits: 0 }
  for (const typed of questions.flatMap(asTyped)) {
    const { hits } = await client.searchTitles(typed, {}, docs.length)
    const ours = hits.map((h) => [h.doc, h.score])
    out.hits += ours.length
    if (
      !sameList(
        ours,
        referenceRanking(postings, typed).map((r) => [r.doc, r.score]),
      )
    )
      return { ...out, differs: `"${typed}" (reference weights)` }
    const clauses = planQuery(typed, vocab)
    // Nothing to look up (stop words only): we show nothing, where lunr would list every document at 0.
    if (!whole || !clauses.length) continue
    const expected = whole.query((query) =>
      clauses.forEach((c) => query.term(c.term, { usePipeline: false, boost: c.boost })),
    )
    out.lunrHits += expected.length
    // lunr orders equal scores by how it met the documents, we by document number: compare them in one order.
    const six = (rows: [number, number][]) =>
      rows
        .map(([d, s]): [number, string] => [d, s.toFixed(6)])
        .sort(([d1, s1], [d2, s2]) => Number(s2) - Number(s1) || d1 - d2)
    if (!sameList(six(hits.map((h) => [h.doc, h.score])), six(expected.map((r) => [Number(r.ref), r.score]))))
      return { ...out, differs: `"${typed}" (whole lunr index)` }
  }
  return out
}
