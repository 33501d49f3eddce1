/**
 * The sharded search index: built from the fixture snapshot in Node, queried through the same code
 * the search island runs, with files read from memory instead of over HTTP.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { shardFileName, shardFor, shardsForPrefix } from '../../site/src/lib/search/analyse'
import {
  buildLunr,
  buildSearchIndex,
  planShards,
  serialiseSearchIndex,
} from '../../site/src/lib/search/buildIndex'
import { documentsFromSnapshot, htmlToText, type SearchDocument } from '../../site/src/lib/search/documents'
import { searchIndexPaths } from '../../site/src/lib/search/files'
import { highlight } from '../../site/src/lib/search/highlight'
import { TokenSets } from '../../site/src/lib/search/lunrInternals'
import { planQuery } from '../../site/src/lib/search/planQuery'
import { SearchClient } from '../../site/src/lib/search/query'
import { readSearchState, searchStateToQuery } from '../../site/src/lib/search/urlState'
import { oneEditApart, vocabularyOf } from '../../site/src/lib/search/vocabulary'
import type { Snapshot } from '../../site/src/lib/snapshot'

const fixture = path.resolve('tests/fixtures/snapshot')
const read = <K extends keyof Snapshot>(name: K): Snapshot[K] =>
  JSON.parse(readFileSync(path.join(fixture, `${name}.json`), 'utf8'))
const snapshot = {
  guides: read('guides'),
  templates: read('templates'),
  'training-sessions': read('training-sessions'),
  unions: read('unions'),
  networks: read('networks'),
}
const docs = documentsFromSnapshot(snapshot)

/** A client over an index held in memory, recording every file it asks for. */
const clientFor = (documents: SearchDocument[], options?: Parameters<typeof buildSearchIndex>[1]) => {
  const files = serialiseSearchIndex(buildSearchIndex(documents, options))
  const fetched: string[] = []
  const client = new SearchClient(async (p) => {
    fetched.push(p)
    const text = files.get(p)
    if (text === undefined) throw new Error(`no file ${p}`)
    return JSON.parse(text)
  })
  return { client, fetched, files }
}

const doc = (over: Partial<SearchDocument>): SearchDocument => ({
  type: 'guide',
  url: '/guides/x/',
  title: '',
  summary: '',
  nations: [],
  alsoSearchedAs: '',
  headings: '',
  body: '',
  ...over,
})

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
    const { client } = clientFor(docs, { maxShardBytes: 500 })
    const whole = buildLunr(docs)
    const vocab = vocabularyOf(
      Object.keys((whole as unknown as { invertedIndex: object }).invertedIndex)
        .filter(Boolean)
        .sort(),
    )
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

describe('search index files', () => {
  it('loads only the manifest, the shards of the query’s terms and the blocks of the results shown', async () => {
    const { client, fetched, files } = clientFor(docs, { maxShardBytes: 2000, docBlockSize: 5 })
    await client.search('tribunal ')
    expect(fetched[0]).toBe('manifest.json')
    const { shards } = JSON.parse(files.get('manifest.json')!) as { shards: string[] }
    expect(fetched.filter((f) => f.startsWith('terms/'))).toEqual([
      searchIndexPaths.terms(shardFor('tribun', shards)!),
    ])
    const termFiles = [...files.keys()].filter((f) => f.startsWith('terms/'))
    expect(termFiles.length).toBeGreaterThan(10)
    const before = fetched.length
    await client.search('tribunal ')
    expect(fetched.length).toBe(before)
  })

  it('packs runs of sorted terms into shards up to the size limit, and every term is found in its shard', () => {
    const sizes = new Map<string, number>(
      ['zero', 'pay', 'pa', 'pension', 'paid', 'payslip', 'pai'].map((t) => [t, 100]),
    )
    sizes.set('pay', 400)
    const shards = planShards(sizes, 250)
    expect([...shards]).toEqual([
      ['pa', ['pa', 'pai']],
      ['paid', ['paid']],
      ['pay', ['pay']],
      ['payslip', ['payslip', 'pension']],
      ['zero', ['zero']],
    ])
    const keys = [...shards.keys()]
    for (const [key, terms] of shards) for (const t of terms) expect(shardFor(t, keys)).toBe(key)
  })

  it('finds the shards that may hold the words a prefix starts', () => {
    const keys = ['a', 'hol', 'hom', 'pay']
    expect(shardsForPrefix('ho', keys)).toEqual(['a', 'hol', 'hom'])
    expect(shardsForPrefix('holi', keys)).toEqual(['hol'])
    expect(shardsForPrefix('pay', keys)).toEqual(['pay'])
    expect(shardFor('0', keys)).toBeUndefined()
  })

  it('names shard files safely and distinctly', () => {
    expect(shardFileName("do'")).toBe('do_27_')
    expect(shardFileName('£5')).toBe('_a3_5')
    expect(new Set(['a_', 'a\u0027', 'a\u027a'].map(shardFileName)).size).toBe(3)
  })

  it('names the document that broke the build', () => {
    expect(() =>
      buildSearchIndex([
        doc({
          url: '/broken/',
          title: {
            toString: () => {
              throw new Error('bad title')
            },
          } as unknown as string,
        }),
      ]),
    ).toThrow(/\/broken\//)
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

describe('search while typing', () => {
  it('matches typos and prefixes exactly as lunr does against the whole vocabulary', () => {
    const terms = Object.keys((buildLunr(docs) as unknown as { invertedIndex: object }).invertedIndex)
      .filter(Boolean)
      .sort()
    const whole = TokenSets.fromArray([...terms])
    const lunrMatches = (set: ReturnType<typeof TokenSets.fromString>) =>
      whole.intersect(set).toArray().sort()
    const shortestFirst = (xs: string[]) =>
      [...xs].sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, 12)
    const vocab = vocabularyOf(terms)
    // Real words, and each of them one and two typos away: a letter dropped, changed, added, or two swapped.
    const words = terms.filter((t) => t.length >= 5).slice(0, 120)
    expect(words.length).toBe(120)
    const typed = words.flatMap((w) => [
      w,
      w.slice(1),
      w.slice(0, 2) + w.slice(3),
      `x${w}`,
      `${w}e`,
      w.slice(0, 2) + 'q' + w.slice(3),
      w[1] + w[0] + w.slice(2),
      w.slice(0, -2) + w.at(-1) + w.at(-2),
      w.slice(2),
      `${w.slice(0, 3)}zz${w.slice(3)}`,
    ])
    for (const t of [...typed, 'holliday', 'grievenc', 'tribuanl', 'dismisal', 'xyzzyq']) {
      const expected = lunrMatches(TokenSets.fromFuzzyString(t, 1))
      expect(
        terms.filter((v) => oneEditApart(t, v)),
        t,
      ).toEqual(expected)
      expect(vocab.typoMatches(t), t).toEqual(shortestFirst(expected))
    }
    for (const p of ['hol', 'pay', 'sta', 'tri', 'dis', 'zzz', 'a', "don'", 'emp']) {
      expect(vocab.prefixMatches(p), p).toEqual(shortestFirst(lunrMatches(TokenSets.fromString(`${p}*`))))
    }
  })

  it('stops treating a word as unfinished once a stop word follows it', () => {
    const vocab = vocabularyOf(['pay', 'payslip'])
    expect(planQuery('pay', vocab).map((c) => c.term)).toEqual(['pay', 'payslip'])
    expect(planQuery('pay a', vocab).map((c) => c.term)).toEqual(['pay'])
  })
})
