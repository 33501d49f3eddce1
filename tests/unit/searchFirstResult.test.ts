/**
 * Search shows results once the query's term shards, the length table and the title blocks of its results are here:
 * titles and addresses come in small blocks with the results that need them (the manifest holds
 * none), and summaries fill in after. Built from the fixture snapshot and queried through the code
 * the island runs, with files read from memory.
 */
import { describe, expect, it } from 'vitest'
import { urlAffixes } from '../../site/src/lib/search/buildIndex'
import { shardsForPrefix } from '../../site/src/lib/search/analyse'
import {
  blockOf,
  docUrl,
  readTitleEntry,
  searchIndexPaths,
  shardKeys,
  titleEntry,
} from '../../site/src/lib/search/files'
import { clientFor as clientOver, fixtureDocs } from '../helpers/searchFixture'

const docs = fixtureDocs()
const clientFor = (options?: Parameters<typeof clientOver>[1]) => clientOver(docs, options)

describe('search results with their titles', () => {
  it('shows titles and addresses from the blocks of the results, loaded after the query’s term shards and the length table', async () => {
    const { client, fetched } = clientFor({ termsPerShard: 4, titleBlockSize: 4, summaryBlockSize: 5 })
    const quick = await client.searchTitles('unfair dismissal tribunal')
    expect(fetched[0]).toBe('manifest.json')
    const firstTitles = fetched.findIndex((f) => f.startsWith('titles/'))
    expect(firstTitles).toBeGreaterThan(1)
    expect(fetched.slice(1, firstTitles).every((f) => f.startsWith('terms/') || f === 'lengths.json')).toBe(
      true,
    )
    expect(fetched.slice(1, firstTitles)).toContain('lengths.json')
    expect(fetched.slice(firstTitles).every((f) => f.startsWith('titles/'))).toBe(true)
    expect(fetched.slice(firstTitles).sort()).toEqual(
      [...new Set(quick.hits.map((h) => searchIndexPaths.titles(blockOf(h.doc, 4)[0])))].sort(),
    )
    expect(quick.hits[0]).toMatchObject({
      url: '/guides/unfair-dismissal/',
      title: 'Unfair dismissal',
      type: 'guide',
      summary: '',
    })
  })

  it('fills in the summaries afterwards, giving exactly what a full search gives', async () => {
    const { client, fetched } = clientFor({ summaryBlockSize: 5 })
    const quick = await client.searchTitles('holiday pay')
    const full = await client.withSummaries(quick)
    expect(fetched.some((f) => f.startsWith('docs/'))).toBe(true)
    for (const h of full.hits) expect(h.summary).toBe(docs[h.doc].summary)
    expect(full).toEqual(await clientFor({ summaryBlockSize: 5 }).client.search('holiday pay'))
    expect(full.hits.map((h) => [h.url, h.title, h.score])).toEqual(
      quick.hits.map((h) => [h.url, h.title, h.score]),
    )
  })

  it('rebuilds every document’s address and title from its title block', () => {
    const { built } = clientFor({ titleBlockSize: 3 })
    docs.forEach((d, i) => {
      const [block, at] = blockOf(i, 3)
      const [urlMiddle, title] = readTitleEntry(built.titleBlocks[block][at])
      expect(docUrl(built.manifest, i, urlMiddle)).toBe(d.url)
      expect(title).toBe(d.title)
    })
    // Most addresses are their title as a slug: those entries hold the title alone.
    const short = built.titleBlocks.flat().filter((e) => e.length === 1).length
    expect(short).toBeGreaterThan(docs.length / 2)
  })

  it('leaves out of a title entry only a middle that is the title as a slug', () => {
    expect(titleEntry('holiday-pay-and-you', 'Holiday pay & you')).toEqual(['Holiday pay & you'])
    expect(readTitleEntry(['Holiday pay & you'])).toEqual(['holiday-pay-and-you', 'Holiday pay & you'])
    expect(titleEntry('holiday-pay-2', 'Holiday pay')).toEqual(['holiday-pay-2', 'Holiday pay'])
    expect(readTitleEntry(['holiday-pay-2', 'Holiday pay'])).toEqual(['holiday-pay-2', 'Holiday pay'])
    // An empty number, and a middle that is not a slug at all.
    expect(readTitleEntry(titleEntry('', ''))).toEqual(['', ''])
    expect(readTitleEntry(titleEntry('Holiday pay', 'Holiday pay'))).toEqual(['Holiday pay', 'Holiday pay'])
  })

  it('keeps no title or address in the manifest: per document, only its type (and per file its generation)', () => {
    const { files } = clientFor()
    const text = files.get('manifest.json')!
    const manifest = JSON.parse(text) as Record<string, unknown>
    expect(Object.keys(manifest).sort()).toEqual([
      'build',
      'docTypes',
      'documentCount',
      'fieldBoosts',
      'fieldLengthTotals',
      'fields',
      'fileGenerations',
      'generations',
      'lengthTableField',
      'summaryBlockSize',
      'terms',
      'titleBlockSize',
      'typeBoosts',
      'types',
      'urlAffixes',
      'version',
    ])
    expect(manifest.docTypes).toHaveLength(docs.length)
    for (const d of docs) {
      expect(text).not.toContain(JSON.stringify(d.title))
      expect(text).not.toContain(d.url)
    }
  })

  it('stores only the part of each address that differs within a type', () => {
    expect(urlAffixes(['/guides/holiday-pay/', '/guides/sick-pay/'])).toEqual(['/guides/', '/'])
    expect(urlAffixes(['/a/', '/ab/'])).toEqual(['/', '/'])
    expect(urlAffixes(['/guides/only/'])).toEqual(['/guides/only/', ''])
    expect(urlAffixes([])).toEqual(['', ''])
  })
})

describe('search while a word is being typed', () => {
  it('loads the shards of a word from its first two letters, so finishing it needs no new term file', async () => {
    const { client, fetched, built } = clientFor({ termsPerShard: 2 })
    // As the island does on each key press.
    for (const typed of ['t', 'tr', 'tri', 'trib', 'tribu']) await client.prefetch(typed)
    const ahead = fetched.filter((f) => f.startsWith('terms/'))
    expect(ahead.length).toBeGreaterThan(0)
    const mayHoldTr = shardsForPrefix('tr', shardKeys(built.manifest)).map(searchIndexPaths.terms)
    expect(ahead.every((f) => mayHoldTr.includes(f))).toBe(true)
    const before = fetched.length
    await client.searchTitles('tribunal')
    // Only the titles of its results are left to load.
    expect(fetched.slice(before).filter((f) => !f.startsWith('titles/'))).toEqual([])
  })

  it('loads nothing ahead for a single letter', async () => {
    const { client, fetched } = clientFor()
    await client.prefetch('t')
    expect(fetched).toEqual(['manifest.json'])
  })
})
