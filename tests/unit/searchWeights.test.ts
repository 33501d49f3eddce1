/**
 * The index's weights are computed without lunr.Builder (weights.ts, many times faster): every
 * term's weight in every field of every document must be exactly the one lunr.Builder gives.
 */
import { describe, expect, it } from 'vitest'
import { generateCorpus } from '../../scripts/generate-corpus'
import { buildLunr, lunrPostings, searchPostings } from '../../site/src/lib/search/lunrReference'
import { documentsFromSnapshot } from '../../site/src/lib/search/documents'
import { doc, fixtureDocs } from '../helpers/searchFixture'

/** Both sets of postings as plain, sorted data, so a difference names the term. */
const asData = (postings: Map<string, number[][]>) =>
  Object.fromEntries([...postings].sort(([a], [b]) => (a < b ? -1 : 1)))

describe('search index weights', () => {
  it('are lunr.Builder’s, weight for weight, over the fixture site', () => {
    const docs = fixtureDocs()
    expect(asData(searchPostings(docs))).toEqual(asData(lunrPostings(buildLunr(docs))))
  })

  it('are lunr.Builder’s over a generated corpus of every kind of document', async () => {
    const docs = documentsFromSnapshot(
      await generateCorpus({
        guides: 40,
        templates: 20,
        sessions: 20,
        unions: 20,
        petitions: 0,
        networks: 10,
      }),
    )
    const ours = searchPostings(docs)
    expect(ours.size).toBeGreaterThan(1000)
    expect(asData(ours)).toEqual(asData(lunrPostings(buildLunr(docs))))
  })

  it('are lunr.Builder’s for awkward text: punctuation alone, stop words, hyphens, odd spaces, numbers, object-like words', () => {
    const docs = [
      doc({
        title: 'Pay – and … “holiday” pay-slips',
        body: "Don't   stop\u00a0now\u2028— it's £5.50 or 2026/27, 10% off",
      }),
      doc({
        type: 'template',
        title: 'constructor __proto__ toString hasOwnProperty',
        summary: 'a the of',
        alsoSearchedAs: '-- - -',
        headings: 'Ünïcödé wörds ﬁne',
      }),
      doc({ type: 'union', title: 'Holiday', body: 'holiday holidays holiday-pay HOLIDAY' }),
      doc({ title: '', body: '' }),
    ]
    expect(asData(searchPostings(docs))).toEqual(asData(lunrPostings(buildLunr(docs))))
  })
})
