/**
 * The search index's layout (content-models/search/files.ts): the same ranking, to the last bit,
 * as scoring lunr's per-field weights directly (what the island did before titles left the
 * manifest); the nations file loaded only for a nation filter; the scorer's kept buffers; and an
 * offline library that holds every file a search needs.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { libraryManifest } from '../../cms/publish/offline/libraryManifest'
import {
  referenceRanking as rankingFromWeights,
  searchPostings,
} from '../../site/src/lib/search/lunrReference'
import { shardPostings } from '../../site/src/lib/search/shards'
import { SEARCH_NATIONS } from '../../site/src/lib/search/documents'
import { SearchClient } from '../../site/src/lib/search/query'
import { searchFileGenerations, tableLengths } from '../../site/src/lib/search/files'
import { bestDocs } from '../../content-models/search/topDocs'
import {
  numbersToPlanes,
  numbersToText,
  planesToNumbers,
  textToNumbers,
} from '../../content-models/search/numberText'
import { buildSearchIndex, serialiseSearchIndex } from '../../site/src/lib/search/buildIndex'
import { docTableOf, numberDocuments } from '../../site/src/lib/search/docNumbers'
import { planUpdate, type SavedLibrary } from '../../site/src/lib/offline/library'
import { changedSearchFiles, clientFor, doc, fixtureDocs, liveOf } from '../helpers/searchFixture'

const docs = fixtureDocs()
const QUERIES = [
  'holiday pay overtime ',
  'unfair dismissal tribunal',
  'union rep meeting ',
  'grievence ',
  'sick p',
]

const postings = searchPostings(docs)

/** The ranking scored straight from lunr's per-field weights (what the island did before this layout), as [url, score]. */
const referenceRanking = (query: string, accept?: (doc: number) => boolean) =>
  rankingFromWeights(postings, query, accept).map(({ doc, score }) => [docs[doc].url, score])

describe('search index layout', () => {
  it('ranks exactly as scoring lunr’s per-field weights directly: same order, same scores to the bit', async () => {
    const { client } = clientFor(docs, { termsPerShard: 2, titleBlockSize: 3 })
    for (const q of QUERIES) {
      const { hits, total } = await client.searchTitles(q, {}, 1000)
      const expected = referenceRanking(q)
      expect(total, q).toBe(expected.length)
      expect(
        hits.map((h) => [h.url, h.score]),
        q,
      ).toEqual(expected)
    }
    const templates = await client.searchTitles('holiday ', { type: 'template' }, 1000)
    expect(templates.hits.map((h) => [h.url, h.score])).toEqual(
      referenceRanking('holiday ', (d) => docs[d].type === 'template'),
    )
  })

  it('stores per field the document gaps, term frequencies and lengths, the long field’s lengths in the table', () => {
    const lengths = [new Int32Array([0, 0, 0, 7]), new Int32Array([4, 0, 0, 40])]
    expect(
      shardPostings(
        [
          [3, 2],
          [0, 1, 3, 33],
        ],
        lengths,
        1,
      ),
    ).toEqual([
      [numbersToText([3]), numbersToText([2]), numbersToText([7])],
      [numbersToText([0, 3]), numbersToText([1, 33])],
    ])
    const numbers = [0, 1, 31, 32, 33, 1023, 1024, 65_535, 2 ** 31]
    expect(textToNumbers(numbersToText(numbers))).toEqual(numbers)
    expect(numbersToText([0, 1, 33])).toBe('ABhB')
    expect(() => numbersToText([-1])).toThrow(RangeError)
  })

  it('writes the length table as digit planes, which version 6 wrote as a number list', () => {
    const numbers = [0, 1, 31, 32, 33, 1023, 1024, 65_535, 2 ** 31]
    expect(planesToNumbers(numbersToPlanes(numbers))).toEqual(numbers)
    // Two digits each: the high digits of all, then the low digits of all.
    expect(numbersToPlanes([1, 33, 64])).toBe('CABCBBA')
    expect(numbersToPlanes([0, 0])).toBe('BAA')
    expect(planesToNumbers(numbersToPlanes([]))).toEqual([])
    expect(() => numbersToPlanes([1.5])).toThrow(RangeError)
    expect(() => planesToNumbers('CABC')).toThrow(RangeError)
    expect(() => planesToNumbers('Bh')).toThrow(RangeError)
    expect(tableLengths({ version: 7 }, numbersToPlanes([700, 3]))).toEqual([700, 3])
    expect(tableLengths({ version: 6 }, numbersToText([700, 3]))).toEqual([700, 3])
    expect(tableLengths({}, numbersToText([700, 3]))).toEqual([700, 3])
  })

  it('gives the same answers from a client that has answered other queries as from a new one', async () => {
    const { client } = clientFor(docs)
    for (const q of QUERIES) await client.search(q)
    for (const q of QUERIES) expect(await client.search(q)).toEqual(await clientFor(docs).client.search(q))
  })

  it('loads the nations file only for a nation filter, and filters by it', async () => {
    const { client, fetched } = clientFor([
      doc({ url: '/gb/', title: 'Grievance', nations: ['england-wales', 'scotland'] }),
      doc({ url: '/ni/', title: 'Grievance', nations: ['northern-ireland'] }),
      doc({ url: '/online/', type: 'training', title: 'Grievance training' }),
    ])
    expect((await client.search('grievance ')).total).toBe(3)
    expect(fetched).not.toContain('nations.json')
    expect(client.searchTitlesNow('grievance ', { nation: 'northern-ireland' })).toBeUndefined()
    const ni = await client.search('grievance ', { nation: 'northern-ireland' })
    expect(fetched).toContain('nations.json')
    expect(ni.hits.map((h) => h.url).sort()).toEqual(['/ni/', '/online/'])
    expect(client.searchTitlesNow('grievance ', { nation: SEARCH_NATIONS[0].value })?.total).toBe(2)
  })

  it('keeps the best documents by score, ties in document order', () => {
    const scores = new Float64Array([1, 3, 3, 0.5, 2, 3])
    expect(bestDocs([0, 1, 2, 3, 4, 5], 6, scores, 4)).toEqual([1, 2, 5, 4])
    expect(bestDocs([5, 4, 3, 2, 1, 0], 6, scores, 10)).toEqual([1, 2, 5, 4, 0, 3])
    expect(bestDocs(new Int32Array([3, 5, 1, 0]), 3, scores, 2)).toEqual([1, 5])
    expect(bestDocs([0, 1], 2, scores, 0)).toEqual([])
  })
})

describe('the offline library and the search index', () => {
  const dirs: string[] = []
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))))

  /** A build folder holding these index files under search-index/. */
  const buildWith = async (files: Map<string, string>) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'search-offline-'))
    dirs.push(dir)
    for (const [file, text] of files) {
      await mkdir(path.dirname(path.join(dir, 'search-index', file)), { recursive: true })
      await writeFile(path.join(dir, 'search-index', file), text)
    }
    return dir
  }

  it('lists every file of the index, so a saved library answers searches with filters and summaries', async () => {
    const { files, built } = clientFor(docs, { termsPerShard: 4, titleBlockSize: 4 })
    const dir = await buildWith(files)
    const listed = new Set((await libraryManifest(dir)).files.map((f) => f.url))
    const generations = searchFileGenerations(built.manifest)
    for (const file of files.keys())
      expect(listed).toContain(
        `/search-index/${file}${file === 'manifest.json' ? '' : `?g=${generations.get(file)}`}`,
      )
    const saved = new SearchClient(async (p, suffix) => {
      const url = `/search-index/${p}${suffix ?? ''}`
      if (!listed.has(url)) throw new Error(`not saved: ${url}`)
      return JSON.parse(files.get(p)!)
    })
    const { hits } = await saved.search('holiday pay', { nation: 'scotland' })
    expect(hits.length).toBeGreaterThan(0)
    expect(hits.every((h) => h.title && h.url && h.summary)).toBe(true)
  })

  it('fetches again, after a guide is added, only the index files that changed: the others keep their address', async () => {
    const options = { termsPerShard: 4, titleBlockSize: 1 }
    const before = buildSearchIndex(docs.slice(1), options)
    const table = docTableOf(before.manifest, (n) => before.titleBlocks[n])
    const after = buildSearchIndex(numberDocuments(docs, table), { ...options, live: liveOf(before) })
    const [was, now] = [before, after].map(serialiseSearchIndex)
    const [old, manifest] = await Promise.all(
      [was, now].map(async (f) => libraryManifest(await buildWith(f))),
    )
    const saved: SavedLibrary = {
      ...old,
      savedAt: '2026-12-07T00:00:00.000Z',
      files: Object.fromEntries(old.files.map((f) => [f.url, f.hash])),
      bases: {},
    }
    const plan = planUpdate(saved, manifest)
    const fetched = plan.fetch.map((f) => f.url.replace(/^\/search-index\/|\?.*$/g, '')).sort()
    // Exactly the changed files: every other keeps its generation, so its address (generations.ts).
    expect(fetched).toEqual(changedSearchFiles(was, now))
    // With addresses made from the build (`?v=<build>`), every file was fetched again.
    expect(fetched.length).toBeLessThan(now.size)
    // What is dropped is the old copy of a file fetched again.
    for (const url of plan.drop) expect(fetched).toContain(url.replace(/^\/search-index\/|\?.*$/g, ''))
  })
})
