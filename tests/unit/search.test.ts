/**
 * Search over the fixture snapshot, queried through the same code the search island runs: the
 * documents it indexes, worker's own words, ranking and filters, highlighting and the address.
 * The index files are in searchIndexFiles.test.ts, matching while typing in searchTyping.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { buildLunr } from '../../site/src/lib/search/lunrReference'
import { documentsFromSnapshot, htmlToText } from '../../site/src/lib/search/documents'
import { highlight } from '../../site/src/lib/search/highlight'
import { planQuery } from '../../site/src/lib/search/planQuery'
import { readSearchState, searchStateToQuery } from '../../site/src/lib/search/urlState'
import { vocabularyOf } from '../../site/src/lib/search/vocabulary'
import { clientFor, doc, fixtureSnapshot } from '../helpers/searchFixture'

const snapshot = fixtureSnapshot()
const docs = documentsFromSnapshot(snapshot)

describe('search documents', () => {
  it('covers guides, letters, training, unions and networks, each saying what it is', () => {
    const counts = Object.fromEntries(
      ['guide', 'template', 'training', 'union', 'network'].map((t) => [
        t,
        docs.filter((d) => d.type === t).length,
      ]),
    )
    expect(counts).toEqual({
      guide: snapshot.guides.length,
      template: snapshot.templates.length,
      training: snapshot['training-sessions'].length,
      union: snapshot.unions.length,
      network: snapshot.networks.length,
    })
    expect(docs.find((d) => d.url === '/guides/holiday-pay/')?.headings).toContain(
      'Does overtime count in holiday pay?',
    )
  })

  it('turns snapshot HTML into plain words', () => {
    expect(htmlToText('<p>Your employer&#39;s <strong>code</strong> &amp; policy</p>')).toBe(
      "Your employer's code & policy",
    )
  })
})

describe('search in a worker’s own words', () => {
  const { client } = clientFor(docs)

  it('finds the holiday pay guide for "can my boss stop my holiday pay"', async () => {
    const { hits } = await client.search('can my boss stop my holiday pay')
    expect(hits.slice(0, 2).map((h) => h.url)).toContain('/guides/holiday-pay/')
    expect(hits[0].type).toBe('guide')
  })

  it('puts unfair dismissal first for "sacked for being off sick"', async () => {
    const { hits } = await client.search('sacked for being off sick')
    expect(hits[0].url).toBe('/guides/unfair-dismissal/')
    expect(hits.map((h) => h.url)).toContain('/guides/sick-pay/')
  })

  it('forgives one typo in a longer word', async () => {
    const { hits } = await client.search('grievence ')
    expect(hits[0].url).toBe('/guides/grievances/')
  })

  it('does not treat short words one letter apart as the same word', () => {
    const vocab = vocabularyOf(['sack', 'sick'])
    expect(planQuery('sick ', vocab).map((c) => c.term)).toEqual(['sick'])
  })

  it('matches the word still being typed as a prefix, but not once a space follows it', async () => {
    expect((await client.search('holi')).hits.map((h) => h.url)).toContain('/guides/holiday-pay/')
    expect((await client.search('holi ')).total).toBe(0)
  })

  it('finds nothing for a query of only common words', async () => {
    expect(await client.search('can my the')).toEqual({ query: 'can my the', hits: [], total: 0 })
  })

  it('gives results a title, a type, a summary and the matched terms', async () => {
    const { hits } = await client.search('grievance letter')
    const letter = hits.find((h) => h.type === 'template')!
    expect(letter.url).toMatch(/^\/templates\//)
    expect(letter.summary.length).toBeGreaterThan(10)
    expect(letter.terms).toContain('grievanc')
  })
})

describe('search ranking and filters', () => {
  it('weighs a word in the title above the same word in the body', async () => {
    const { client } = clientFor([
      doc({ url: '/a/', title: 'Breaks at work', body: 'Rest is good. Notice pay is different.' }),
      doc({ url: '/b/', title: 'Notice', body: 'Rest breaks are good.' }),
    ])
    expect((await client.search('notice ')).hits.map((h) => h.url)).toEqual(['/b/', '/a/'])
    expect((await client.search('breaks ')).hits.map((h) => h.url)).toEqual(['/a/', '/b/'])
  })

  it('weighs "also searched as" words above body text', async () => {
    const { client } = clientFor([
      doc({ url: '/body/', title: 'Leaving', body: 'You may be sacked.' }),
      doc({ url: '/phrase/', title: 'Dismissal', alsoSearchedAs: 'sacked' }),
    ])
    expect((await client.search('sacked ')).hits[0].url).toBe('/phrase/')
  })

  it('gives the same scores as one whole lunr index over the same documents', async () => {
    const { client } = clientFor(docs, { termsPerShard: 2 })
    const whole = buildLunr(docs)
    const vocab = vocabularyOf(Object.keys(whole.invertedIndex).filter(Boolean).sort())
    for (const q of ['holiday pay overtime ', 'unfair dismissal tribunal ', 'union rep meeting ']) {
      const clauses = planQuery(q, vocab)
      const expected = whole.query((query) =>
        clauses.forEach((c) => query.term(c.term, { usePipeline: false, boost: c.boost })),
      )
      const { hits, total } = await client.search(q, {}, 1000)
      expect(total).toBe(expected.length)
      expect(hits.map((h) => [h.url, h.score.toFixed(6)])).toEqual(
        expected.map((r) => [docs[Number(r.ref)].url, r.score.toFixed(6)]),
      )
    }
  })

  it('filters by type', async () => {
    const { client } = clientFor(docs)
    const { hits } = await client.search('holiday ', { type: 'template' })
    expect(hits.length).toBeGreaterThan(0)
    expect(hits.every((h) => h.type === 'template')).toBe(true)
  })

  it('filters by nation, keeping things not tied to a nation', async () => {
    const { client } = clientFor([
      doc({ url: '/gb/', title: 'Grievance', nations: ['england-wales', 'scotland'] }),
      doc({ url: '/ni/', title: 'Grievance', nations: ['northern-ireland'] }),
      doc({ url: '/online/', type: 'training', title: 'Grievance training' }),
    ])
    const urls = (await client.search('grievance ', { nation: 'northern-ireland' })).hits
      .map((h) => h.url)
      .sort()
    expect(urls).toEqual(['/ni/', '/online/'])
  })
})

describe('search highlighting and addresses', () => {
  it('marks the matched words by their stem, leaving punctuation out', () => {
    expect(highlight('Holiday pay: what you are paid.', new Set(['holidai', 'holiday', 'paid']))).toEqual([
      { text: 'Holiday', mark: true },
      { text: ' pay: what you are ', mark: false },
      { text: 'paid', mark: true },
      { text: '.', mark: false },
    ])
  })

  it('keeps the query and filters in the address and reads them back', () => {
    const q = searchStateToQuery({ q: 'holiday pay', type: '', nation: 'scotland' })
    expect(q).toBe('?q=holiday+pay&nation=scotland')
    expect(readSearchState(q)).toEqual({ q: 'holiday pay', type: '', nation: 'scotland' })
    expect(searchStateToQuery({ q: '', type: '', nation: '' })).toBe('')
  })
})
