/**
 * Document numbers that stay the same from build to build (site/src/lib/search/docNumbers.ts):
 * adding or removing one guide of a 200-guide corpus rewrites only the manifest, the tables that
 * list every document (lengths, nations), the new or removed guide's title and summary blocks, and
 * the shards holding its terms; every other file keeps its bytes and its address (`?g=<generation>`).
 * Scores stay lunr's: an index with an empty number answers every query with the same documents
 * and the same scores as an index numbered afresh.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { generateCorpus } from '../../scripts/generate-corpus'
import { textToNumbers } from '../../content-models/search/numberText'
import {
  buildSearchIndex,
  serialiseSearchIndex,
  type SearchIndexFiles,
} from '../../site/src/lib/search/buildIndex'
import {
  docTableOf,
  numberDocuments,
  readDocTable,
  type DocTable,
} from '../../site/src/lib/search/docNumbers'
import { documentsFromSnapshot, type SearchDocument } from '../../site/src/lib/search/documents'
import { searchFileQueries, searchIndexPaths, type SearchManifest } from '../../site/src/lib/search/files'
import { SearchClient } from '../../site/src/lib/search/query'
import { changedSearchFiles, doc, liveOf } from '../helpers/searchFixture'

const corpus = await generateCorpus({ guides: 201, templates: 10, sessions: 10, unions: 10, networks: 5 })
/** 201 guides: the 200-guide corpus and the one guide added to it (in the middle of the snapshot's order). */
const all = documentsFromSnapshot(corpus)
const ADDED = 100
const without = (i: number) => all.filter((_, j) => j !== i)
const REMOVED = 60

const tableOf = (index: SearchIndexFiles): DocTable => docTableOf(index.manifest, (n) => index.titleBlocks[n])

/** Built once, for the tests below: the index of every document, and of all but REMOVED numbered from it. */
const indexOfAll = buildSearchIndex(all)
const indexWithout = buildSearchIndex(numberDocuments(without(REMOVED), tableOf(indexOfAll)), {
  live: liveOf(indexOfAll),
})

/** The shard files holding a term whose postings name document `n`. */
const shardsHolding = (index: SearchIndexFiles, n: number): string[] => {
  const files: string[] = []
  for (const [key, shard] of index.termShards) {
    const holds = Object.values(shard).some((fields) =>
      fields.some(([gaps]) => {
        let d = 0
        return textToNumbers(gaps).some((gap) => (d += gap) === n)
      }),
    )
    if (holds) files.push(searchIndexPaths.terms(key))
  }
  return files
}

/** The files that list every document, and the blocks holding document `n`. */
const filesOfDoc = (manifest: SearchManifest, n: number): string[] => [
  searchIndexPaths.manifest(),
  searchIndexPaths.lengths(),
  searchIndexPaths.nations(),
  searchIndexPaths.titles(Math.floor(n / manifest.titleBlockSize)),
  searchIndexPaths.summaries(Math.floor(n / manifest.summaryBlockSize)),
]

/** A client over an index held in memory. */
const clientOf = (index: SearchIndexFiles) => {
  const files = serialiseSearchIndex(index)
  return new SearchClient(async (p) => JSON.parse(files.get(p)!))
}

/** Every hit of a query as address → score, and how many matched. */
const answers = async (client: SearchClient, query: string) => {
  const { hits, total } = await client.searchTitles(query, {}, 10_000)
  return { total, scores: Object.fromEntries(hits.map((h) => [h.url, h.score])) }
}

describe('numbering documents', () => {
  const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((s) => doc({ url: `/guides/${s}/`, title: s }))

  it('numbers in the order given when there is no live build', () => {
    expect(numberDocuments([b, a])).toEqual([b, a])
  })

  it('keeps each surviving document’s number; a new one takes the lowest empty number, then the end', () => {
    const e = doc({ url: '/guides/e/' })
    expect(numberDocuments([d, c, b, a], ['/guides/a/', '/guides/b/', '/guides/c/', null])).toEqual([
      a,
      b,
      c,
      d,
    ])
    expect(numberDocuments([a, c, d, e], ['/guides/a/', null, '/guides/c/'])).toEqual([a, d, c, e])
    expect(numberDocuments([a, c, d], ['/guides/a/', '/guides/b/', '/guides/c/', '/guides/d/'])).toEqual([
      a,
      null,
      c,
      d,
    ])
  })

  it('drops empty numbers at the end, and numbers afresh once over a quarter would be empty', () => {
    expect(numberDocuments([a], ['/guides/a/', '/guides/b/'])).toEqual([a])
    expect(numberDocuments([b, d], ['/guides/a/', '/guides/b/', '/guides/c/', '/guides/d/'])).toEqual([b, d])
  })

  it('numbers afresh when two documents share an address', () => {
    expect(numberDocuments([b, a, a], ['/guides/a/', '/guides/b/'])).toEqual([b, a, a])
  })
})

describe('the search index after one guide is added to or removed from 200', () => {
  const check = (
    before: SearchIndexFiles,
    after: SearchIndexFiles,
    changed: number,
    holder: SearchIndexFiles,
  ) => {
    const differ = changedSearchFiles(serialiseSearchIndex(before), serialiseSearchIndex(after))
    const shards = shardsHolding(holder, changed)
    expect(differ).toEqual([...filesOfDoc(after.manifest, changed), ...shards].sort())
    // Every other file keeps its address; every changed one gets a new one (generations.ts).
    const [was, now] = [before, after].map((i) => searchFileQueries(i.manifest))
    for (const file of serialiseSearchIndex(after).keys())
      if (file !== 'manifest.json') expect(now(file) === was(file), file).toBe(!differ.includes(file))
    return { differ, shards }
  }

  it('adding one rewrites the manifest, the tables, its blocks and only the shards of its terms', () => {
    const before = buildSearchIndex(numberDocuments(without(ADDED)))
    const numbered = numberDocuments(all, tableOf(before))
    const after = buildSearchIndex(numbered, { live: liveOf(before) })
    expect(numbered.indexOf(all[ADDED])).toBe(all.length - 1)
    const { differ, shards } = check(before, after, all.length - 1, after)
    // Its terms are in 68 of the 90 shards (most of a guide's words are in many guides, and a
    // common word has a shard of its own); 73 of 216 files in all. Numbered afresh, 164 of 216.
    expect(shards.length).toBe(68)
    expect(differ.length).toBe(73)
    expect(serialiseSearchIndex(after).size).toBe(216)
    // Numbered afresh, as before, nearly every file changed.
    const renumbered = changedSearchFiles(serialiseSearchIndex(before), serialiseSearchIndex(indexOfAll))
    expect(renumbered.length).toBe(164)
  })

  it('removing one leaves its number empty and rewrites only the same kinds of file', () => {
    const [before, after] = [indexOfAll, indexWithout]
    const numbered = numberDocuments(without(REMOVED), tableOf(before))
    expect(numbered[REMOVED]).toBeNull()
    expect(after.manifest.documentCount).toBe(all.length - 1)
    expect(after.manifest.docTypes[REMOVED]).toBe(-1)
    const { differ, shards } = check(before, after, REMOVED, before)
    expect(shards.length).toBe(65)
    expect(differ.length).toBe(70)
  })

  it('gives every query the same documents and scores as an index numbered afresh', async () => {
    const left: SearchDocument[] = without(REMOVED)
    const holed = clientOf(indexWithout)
    const fresh = clientOf(buildSearchIndex(left))
    const words = left.slice(0, 15).flatMap((d) => d.title.split(' ').slice(0, 2))
    for (const query of [...new Set(words)].concat(['holiday pay', 'unfair dismissal tribunal', 'sick p']))
      expect(await answers(holed, query), query).toEqual(await answers(fresh, query))
  })
})

describe('reading the live build’s numbers', () => {
  const dirs: string[] = []
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))))

  /** A build folder holding the index's files under search-index/. */
  const buildWith = async (files: Map<string, string>) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'search-numbers-'))
    dirs.push(dir)
    for (const [file, text] of files) {
      await mkdir(path.dirname(path.join(dir, 'search-index', file)), { recursive: true })
      await writeFile(path.join(dir, 'search-index', file), text)
    }
    return dir
  }

  it('reads each number’s address from the manifest and title blocks, empty numbers as null', async () => {
    const table = readDocTable(await buildWith(serialiseSearchIndex(indexWithout)))
    expect(table).toEqual(tableOf(indexWithout))
    expect(table![REMOVED]).toBeNull()
    expect(table!.filter(Boolean)).toHaveLength(all.length - 1)
  })

  it('numbers afresh, saying why, when the live build’s index cannot be read; silently when it has none', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(readDocTable(await buildWith(new Map()))).toBeUndefined()
    expect(warn).not.toHaveBeenCalled()
    const broken = await buildWith(new Map([['manifest.json', '{"docTypes": [0], "titleBlockSize": 4']]))
    expect(readDocTable(broken)).toBeUndefined()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('numbering its documents afresh'))
    warn.mockRestore()
  })
})
