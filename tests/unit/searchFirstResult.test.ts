/**
 * Search shows results after one round trip: titles and addresses come with the manifest, the
 * query's term shards are the only other files needed, and summaries fill in after. Built from the
 * fixture snapshot and queried through the code the island runs, with files read from memory.
 */
import { describe, expect, it } from 'vitest'
import { urlAffixes } from '../../site/src/lib/search/buildIndex'
import { shardsForPrefix } from '../../site/src/lib/search/analyse'
import { docUrl, searchIndexPaths } from '../../site/src/lib/search/files'
import { clientFor as clientOver, fixtureDocs } from '../helpers/searchFixture'

const docs = fixtureDocs()
const clientFor = (options?: Parameters<typeof clientOver>[1]) => clientOver(docs, options)

describe('search results after one round trip', () => {
  it('shows titles and addresses from the manifest and the query’s term shards alone', async () => {
    const { client, fetched } = clientFor({ maxShardBytes: 2000, docBlockSize: 5 })
    const quick = await client.searchTitles('unfair dismissal tribunal')
    expect(fetched[0]).toBe('manifest.json')
    expect(fetched.slice(1).every((f) => f.startsWith('terms/'))).toBe(true)
    expect(quick.hits[0]).toMatchObject({
      url: '/guides/unfair-dismissal/',
      title: 'Unfair dismissal',
      type: 'guide',
      summary: '',
    })
  })

  it('fills in the summaries afterwards, giving exactly what a full search gives', async () => {
    const { client, fetched } = clientFor({ docBlockSize: 5 })
    const quick = await client.searchTitles('holiday pay')
    const full = await client.withSummaries(quick)
    expect(fetched.some((f) => f.startsWith('docs/'))).toBe(true)
    for (const h of full.hits) expect(h.summary).toBe(docs[h.doc].summary)
    expect(full).toEqual(await clientFor({ docBlockSize: 5 }).client.search('holiday pay'))
    expect(full.hits.map((h) => [h.url, h.title, h.score])).toEqual(
      quick.hits.map((h) => [h.url, h.title, h.score]),
    )
  })

  it('rebuilds every document’s address from the compact manifest', () => {
    const { built } = clientFor()
    docs.forEach((d, i) => expect(docUrl(built.manifest, i)).toBe(d.url))
    expect(built.manifest.docs[0][1]).toBe(docs[0].title)
  })

  it('stores only the part of each address that differs within a type', () => {
    expect(urlAffixes(['/guides/holiday-pay/', '/guides/sick-pay/'])).toEqual(['/guides/', '/'])
    expect(urlAffixes(['/a/', '/ab/'])).toEqual(['/', '/'])
    expect(urlAffixes(['/guides/only/'])).toEqual(['/guides/only/', ''])
    expect(urlAffixes([])).toEqual(['', ''])
  })
})

describe('search while a word is being typed', () => {
  it('loads the shards of a word from its first two letters, so finishing it needs no new file', async () => {
    const { client, fetched, built } = clientFor({ maxShardBytes: 500 })
    // As the island does on each key press.
    for (const typed of ['t', 'tr', 'tri', 'trib', 'tribu']) await client.prefetch(typed)
    const ahead = fetched.filter((f) => f.startsWith('terms/'))
    expect(ahead.length).toBeGreaterThan(0)
    const mayHoldTr = shardsForPrefix('tr', built.manifest.shards).map(searchIndexPaths.terms)
    expect(ahead.every((f) => mayHoldTr.includes(f))).toBe(true)
    const before = fetched.length
    await client.searchTitles('tribunal')
    expect(fetched.slice(before)).toEqual([])
  })

  it('loads nothing ahead for a single letter', async () => {
    const { client, fetched } = clientFor()
    await client.prefetch('t')
    expect(fetched).toEqual(['manifest.json'])
  })
})
