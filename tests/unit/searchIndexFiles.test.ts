/**
 * The sharded search index's files: what a search loads, how terms are packed into shards and
 * found again, shard file names, and a build error that names its document.
 */
import { describe, expect, it } from 'vitest'
import { shardFileName, shardFor, shardsForPrefix } from '../../site/src/lib/search/analyse'
import { buildSearchIndex } from '../../site/src/lib/search/buildIndex'
import { OWN_SHARD_CHARS, planShards, TERMS_PER_SHARD } from '../../site/src/lib/search/shards'
import { searchIndexPaths, shardKeys, type SearchManifest } from '../../site/src/lib/search/files'
import { clientFor, doc, fixtureDocs } from '../helpers/searchFixture'

const docs = fixtureDocs()

describe('search index files', () => {
  it('loads only the manifest, the shards of the query’s terms and the blocks of the results shown', async () => {
    const { client, fetched, files } = clientFor(docs, { termsPerShard: 4, summaryBlockSize: 5 })
    await client.search('tribunal ')
    expect(fetched[0]).toBe('manifest.json')
    expect(fetched).not.toContain('nations.json')
    const shards = shardKeys(JSON.parse(files.get('manifest.json')!) as SearchManifest)
    expect(fetched.filter((f) => f.startsWith('terms/'))).toEqual([
      searchIndexPaths.terms(shardFor('tribun', shards)!),
    ])
    const termFiles = [...files.keys()].filter((f) => f.startsWith('terms/'))
    expect(termFiles.length).toBeGreaterThan(10)
    const before = fetched.length
    await client.search('tribunal ')
    expect(fetched.length).toBe(before)
  })

  it('packs runs of sorted terms into shards, a big term alone, and every term is found in its shard', () => {
    const sizes = new Map<string, number>(
      ['zero', 'pay', 'pa', 'pension', 'paid', 'payslip', 'pai'].map((t) => [t, 100]),
    )
    sizes.set('pay', OWN_SHARD_CHARS)
    const shards = planShards(sizes, 1000)
    expect([...shards]).toEqual([
      ['pa', ['pa', 'pai', 'paid']],
      ['pay', ['pay']],
      ['payslip', ['payslip', 'pension', 'zero']],
    ])
    const keys = [...shards.keys()]
    for (const [key, terms] of shards) for (const t of terms) expect(shardFor(t, keys)).toBe(key)
  })

  it('keeps every shard boundary when other terms grow or shrink, and moves none but its own when a term comes', () => {
    const terms = Array.from({ length: 2000 }, (_, i) => `t${String(i).padStart(4, '0')}`)
    const sizes = new Map(terms.map((t, i) => [t, (i * 37) % 900]))
    const before = planShards(sizes)
    expect(before.size).toBeGreaterThan(2000 / TERMS_PER_SHARD / 2)
    const resized = new Map([...sizes].map(([t, n], i) => [t, i % 3 ? n + 50 : Math.max(0, n - 50)]))
    expect([...planShards(resized)]).toEqual([...before])
    const added = planShards(new Map([...sizes, ['t1000a', 10]]))
    const differ = [...added].filter(([key, held]) => before.get(key)?.join() !== held.join())
    expect(differ.length).toBeLessThanOrEqual(2)
    expect(differ.flatMap(([, held]) => held)).toContain('t1000a')
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
    const throwsWhenRead = {
      toString: () => {
        throw new Error('bad title')
      },
    }
    expect(() =>
      buildSearchIndex([
        // eslint-disable-next-line no-restricted-syntax -- deliberately bad input: a title that throws when read as text
        doc({ url: '/broken/', title: throwsWhenRead as unknown as string }),
      ]),
    ).toThrow(/\/broken\//)
  })
})
