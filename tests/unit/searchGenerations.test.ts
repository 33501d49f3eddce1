/**
 * Search file addresses (`?g=<generation>`, site/src/lib/search/generations.ts and
 * content-models/search/files.ts): a file keeps its address while its bytes stay the same across
 * an edit, an add and a remove; a changed file always gets a new address, so one address never
 * has two contents, even when an edit is undone or old generations are folded into the newest.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateCorpus } from '../../scripts/generate-corpus'
import {
  buildSearchIndex,
  serialiseSearchIndex,
  type SearchIndexFiles,
} from '../../site/src/lib/search/buildIndex'
import { docTableOf, numberDocuments } from '../../site/src/lib/search/docNumbers'
import { documentsFromSnapshot, type SearchDocument } from '../../site/src/lib/search/documents'
import { MAX_GENERATIONS, searchFileGenerations, searchFileQueries } from '../../site/src/lib/search/files'
import { GENERATION_LENGTH, readLiveSearchFiles } from '../../site/src/lib/search/generations'
import { numbersToText, textToNumbers } from '../../content-models/search/numberText'
import { changedSearchFiles, liveOf } from '../helpers/searchFixture'

const corpus = await generateCorpus({ guides: 41, templates: 4, sessions: 4, unions: 4, networks: 2 })
const all = documentsFromSnapshot(corpus)
const options = { termsPerShard: 8, titleBlockSize: 2, summaryBlockSize: 4 }

/** The next build: `docs` numbered from `live` and given its generations (as a site build is). */
const next = (docs: SearchDocument[], live?: SearchIndexFiles): SearchIndexFiles =>
  buildSearchIndex(numberDocuments(docs, live && docTableOf(live.manifest, (n) => live.titleBlocks[n])), {
    ...options,
    live: live && liveOf(live),
  })

/** Every file's address (path and query) with its bytes, over a run of builds: an address with two contents fails. */
const addressBook = () => {
  const seen = new Map<string, string>()
  return (index: SearchIndexFiles) => {
    const files = serialiseSearchIndex(index)
    const suffixOf = searchFileQueries(index.manifest)
    for (const [file, text] of files) {
      if (file === 'manifest.json') continue
      const address = file + suffixOf(file)
      expect(seen.get(address) ?? text, address).toBe(text)
      seen.set(address, text)
    }
  }
}

/** Asserts that exactly the files whose bytes changed got a new address. */
const expectAddressesKept = (before: SearchIndexFiles, after: SearchIndexFiles) => {
  const differ = new Set(changedSearchFiles(serialiseSearchIndex(before), serialiseSearchIndex(after)))
  const [was, now] = [before, after].map((i) => searchFileQueries(i.manifest))
  let kept = 0
  for (const file of serialiseSearchIndex(after).keys()) {
    if (file === 'manifest.json') continue
    expect(now(file) === was(file), file).toBe(!differ.has(file))
    if (!differ.has(file)) kept++
  }
  expect(kept).toBeGreaterThan(0)
  return differ
}

const edited = (docs: SearchDocument[], i: number, title: string) =>
  docs.map((d, j) => (j === i ? { ...d, title } : d))

describe('search file addresses', () => {
  it('names every file but the manifest by its generation: with no live build, this build’s', () => {
    const index = next(all)
    const files = serialiseSearchIndex(index)
    const generations = searchFileGenerations(index.manifest)
    expect([...generations.keys()].sort()).toEqual(
      [...files.keys()].filter((f) => f !== 'manifest.json').sort(),
    )
    expect(index.manifest.generations).toHaveLength(1)
    const [id] = index.manifest.generations
    expect(id).toHaveLength(GENERATION_LENGTH)
    const suffixOf = searchFileQueries(index.manifest)
    expect(suffixOf('manifest.json')).toBe('')
    expect(suffixOf('lengths.json')).toBe(`?g=${id}`)
    // One base-32 digit per file.
    const digits = Object.values(index.manifest.fileGenerations).join('')
    expect(digits).toBe('A'.repeat(files.size - 1))
  })

  it('falls back to the build for a manifest made before files had generations', () => {
    const { generations: _, fileGenerations: __, ...old } = next(all.slice(0, 3)).manifest
    expect(searchFileQueries(old)('lengths.json')).toBe(`?v=${old.build}`)
  })

  it('keeps an unchanged file’s address across an edit, an add and a remove; gives a changed one a new one', () => {
    const see = addressBook()
    const first = next(all.slice(0, 40))
    const edit = next(edited(all.slice(0, 40), 7, 'Holiday pay when you are off sick'), first)
    const add = next([...edited(all.slice(0, 40), 7, 'Holiday pay when you are off sick'), all[40]], edit)
    const removed = next(
      edited(all.slice(0, 40), 7, 'Holiday pay when you are off sick').filter((_, i) => i !== 20),
      add,
    )
    for (const [before, after] of [
      [first, edit],
      [edit, add],
      [add, removed],
    ])
      expectAddressesKept(before, after)
    for (const index of [first, edit, add, removed]) see(index)
    // Only generations some file still has are listed (one every file of which changed since is dropped).
    const inUse = new Set(searchFileGenerations(removed.manifest).values())
    expect(removed.manifest.generations.filter((g) => inUse.has(g))).toEqual(removed.manifest.generations)
  }, 30_000)

  it('never gives one address two contents when an edit is undone', () => {
    const see = addressBook()
    const first = next(all)
    const edit = next(edited(all, 3, 'A title only this build has'), first)
    const undone = next(all, edit)
    for (const index of [first, edit, undone]) see(index)
    expectAddressesKept(edit, undone)
    // Undone, every file has its first bytes again: the same contents under the same addresses
    // (this build's id is a hash of its files), and the manifest is the first build's.
    expect(serialiseSearchIndex(undone)).toEqual(serialiseSearchIndex(first))
  }, 30_000)

  it(`lists at most ${MAX_GENERATIONS} generations: the oldest are folded into the newest`, () => {
    const few = all.slice(0, 12)
    const first = next(few)
    const files = serialiseSearchIndex(first)
    const table = docTableOf(first.manifest, (b) => first.titleBlocks[b])
    const docs = numberDocuments(edited(few, 3, 'A new title'), table)
    // Which files the edit changes does not depend on the generations.
    const changed = new Set(changedSearchFiles(files, serialiseSearchIndex(buildSearchIndex(docs, options))))
    // As if each unchanged file had last changed in one of 32 builds before the live one, in turn.
    const ids = Array.from({ length: MAX_GENERATIONS }, (_, i) => `old${String(i).padStart(5, '0')}`)
    const paths = [...searchFileGenerations(first.manifest).keys()]
    let n = 0
    const at = new Map(paths.map((f) => [f, changed.has(f) ? 1 : n++ % MAX_GENERATIONS]))
    expect(n).toBeGreaterThan(MAX_GENERATIONS)
    let i = 0
    const spread = Object.fromEntries(
      Object.entries(first.manifest.fileGenerations).map(([kind, text]) => [
        kind,
        numbersToText(textToNumbers(text).map(() => at.get(paths[i++])!)),
      ]),
    ) as typeof first.manifest.fileGenerations
    const manifest = { ...first.manifest, generations: ids, fileGenerations: spread }
    const after = buildSearchIndex(docs, { ...options, live: { manifest, read: (p) => files.get(p) } })
    // 33 in use: the oldest goes, and its files take this build's generation with the changed ones.
    const newest = after.manifest.generations.at(-1)!
    expect(after.manifest.generations).toEqual([...ids.slice(1), newest])
    const [was, now] = [manifest, after.manifest].map(searchFileGenerations)
    for (const [file, generation] of now)
      expect(generation, file).toBe(changed.has(file) || was.get(file) === ids[0] ? newest : was.get(file))
  })
})

describe('reading the live build’s files', () => {
  const dirs: string[] = []
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))))

  it('gives the same generations read from disk as from memory; none without an index', async () => {
    const first = next(all.slice(0, 40))
    const dir = await mkdtemp(path.join(os.tmpdir(), 'search-generations-'))
    dirs.push(dir)
    expect(readLiveSearchFiles(dir)).toBeUndefined()
    for (const [file, text] of serialiseSearchIndex(first)) {
      await mkdir(path.dirname(path.join(dir, 'search-index', file)), { recursive: true })
      await writeFile(path.join(dir, 'search-index', file), text)
    }
    const docs = numberDocuments(
      all,
      docTableOf(first.manifest, (n) => first.titleBlocks[n]),
    )
    const fromDisk = buildSearchIndex(docs, { ...options, live: readLiveSearchFiles(dir) })
    expect(fromDisk.manifest).toEqual(next(all, first).manifest)
    expect(fromDisk.manifest.generations).toHaveLength(2)
  }, 30_000)

  it('gives every file this build’s generation when the live manifest cannot be read, rather than failing the build', () => {
    const first = next(all.slice(0, 12))
    const files = serialiseSearchIndex(first)
    const read = (p: string) => files.get(p)
    for (const broken of [
      { terms: 'not a term list' },
      { fileGenerations: { ...first.manifest.fileGenerations, terms: '!' } },
    ]) {
      const manifest = { ...first.manifest, ...broken }
      const after = buildSearchIndex(all.slice(0, 12), { ...options, live: { manifest, read } })
      expect(after.manifest.generations).toEqual([after.manifest.generations.at(-1)])
    }
  })
})
