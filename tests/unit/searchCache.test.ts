/**
 * An incremental build analyses only the documents that changed: it takes the others' analyses
 * from the live build's private cache (site/src/lib/search/termCache.ts), and writes exactly the
 * files a build that analyses everything writes. A cache that is missing, damaged or made by
 * other code is reported and not used, with the same files.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { generateCorpus } from '../../scripts/generate-corpus'
import {
  buildSearchIndex,
  buildSearchIndexCached,
  SEARCH_ANALYSIS_CODE,
  serialiseSearchIndex,
} from '../../site/src/lib/search/buildIndex'
import { documentsFromSnapshot, SEARCH_FIELDS } from '../../site/src/lib/search/documents'
import { searchIndexOf } from '../../site/src/lib/search/siteIndex'
import {
  fieldsDigest,
  readTermCacheBytes,
  SEARCH_CACHE_FILE,
  termCacheBytes,
} from '../../site/src/lib/search/termCache'
import { SNAPSHOT_SCHEMA_VERSION } from '../../content-models/snapshot'
import { loadSnapshot, type Snapshot } from '../../site/src/lib/snapshot'

const corpus = await generateCorpus({ guides: 60, templates: 8, sessions: 8, unions: 6, networks: 4 })
const edited: Snapshot = {
  ...corpus,
  guides: corpus.guides.map((g, i) =>
    i === 7 ? { ...g, bodyText: `${g.bodyText} Zero-hours overtime.` } : g,
  ),
}
const root = mkdtempSync(path.join(tmpdir(), 'search-cache-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** The snapshot as the site reads it from a folder of its files (guides' long fields lazily). */
const fromFolder = (name: string, snapshot: Snapshot): Snapshot => {
  const dir = path.join(root, name)
  mkdirSync(dir)
  for (const file of ['guides', 'templates', 'training-sessions', 'unions', 'networks'] as const)
    writeFileSync(path.join(dir, `${file}.json`), JSON.stringify(snapshot[file], null, 1))
  const meta = { generatedAt: new Date(0).toISOString(), counts: {}, schemaVersion: SNAPSHOT_SCHEMA_VERSION }
  writeFileSync(path.join(dir, 'meta.json'), JSON.stringify(meta))
  vi.stubEnv('SNAPSHOT_DIR', dir)
  return loadSnapshot()
}
afterEach(() => vi.unstubAllEnvs())

/** A build folder holding the search index (and, unless `cache` is false, the analyses) of `snapshot`. */
const liveBuild = (name: string, snapshot: Snapshot, cache = true): string => {
  const dir = path.join(root, name)
  mkdirSync(dir)
  const { index } = searchIndexOf(snapshot, undefined, cache ? path.join(dir, SEARCH_CACHE_FILE) : undefined)
  for (const [p, text] of serialiseSearchIndex(index)) {
    const file = path.join(dir, 'search-index', p)
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, text)
  }
  return dir
}

const live = liveBuild('live', corpus)
const uncached = liveBuild('uncached', corpus, false)
const documents = documentsFromSnapshot(edited).length

/** The next build's files, and how many documents it analysed, numbered from `from`. */
const nextBuild = (from: string) => {
  const { index, analysed } = searchIndexOf(edited, from, undefined)
  return { files: serialiseSearchIndex(index), analysed }
}

/** Every document analysed: the files a build given no cache writes. */
const expected = nextBuild(uncached)

describe('the search index built with the live build’s analyses', () => {
  it('keeps them in a private file of the build folder', () => {
    expect(SEARCH_CACHE_FILE.startsWith('.')).toBe(true)
    expect(existsSync(path.join(live, SEARCH_CACHE_FILE))).toBe(true)
    expect(existsSync(path.join(uncached, SEARCH_CACHE_FILE))).toBe(false)
  })

  it('analyses only the changed document, and writes the same files as a build that analyses every one', () => {
    expect(expected.analysed).toBe(documents)
    const next = nextBuild(live)
    expect(next.analysed).toBe(1)
    expect(next.files).toEqual(expected.files)
  })

  it('does not make the documents of unchanged guides read from a snapshot folder', () => {
    const live = liveBuild('folder-live', fromFolder('snapshot-before', corpus))
    const next = searchIndexOf(fromFolder('snapshot-after', edited), live, undefined)
    expect(next.guidesKept).toBe(edited.guides.length - 1)
    expect(next.analysed).toBe(1)
    expect(serialiseSearchIndex(next.index)).toEqual(expected.files)
    // Objects not read from a file (as in the tests above) have no entry key: every guide is made.
    expect(searchIndexOf(edited, live, undefined).guidesKept).toBe(0)
  })

  it('writes the same files from the analyses of a cache as from the documents', () => {
    const docs = documentsFromSnapshot(corpus)
    const first = buildSearchIndexCached(docs, undefined)
    expect(first.analysed).toBe(docs.length)
    const bytes = termCacheBytes(first.cache, SEARCH_ANALYSIS_CODE)
    const again = buildSearchIndexCached(docs, readTermCacheBytes(bytes, SEARCH_ANALYSIS_CODE))
    expect(again.analysed).toBe(0)
    expect(serialiseSearchIndex(again.index)).toEqual(serialiseSearchIndex(buildSearchIndex(docs)))
    // Its own analyses are those of the first build: the next build can use them as well.
    expect(termCacheBytes(again.cache, SEARCH_ANALYSIS_CODE)).toEqual(bytes)
  })

  it.each([
    [
      'damaged',
      (b: Buffer) => Buffer.concat([b.subarray(0, 5000), Buffer.from([b[5000] ^ 1]), b.subarray(5001)]),
    ],
    ['cut short', (b: Buffer) => b.subarray(0, b.length - 100)],
    ['empty', () => Buffer.alloc(0)],
    ['not a cache', () => Buffer.from('{"format":1}')],
  ])('falls back to analysing every document, with the same files, when the cache is %s', (name, spoil) => {
    const dir = path.join(root, `spoilt-${name}`)
    cpSync(path.join(live, 'search-index'), path.join(dir, 'search-index'), { recursive: true })
    writeFileSync(path.join(dir, SEARCH_CACHE_FILE), spoil(readFileSync(path.join(live, SEARCH_CACHE_FILE))))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      const next = nextBuild(dir)
      expect(next.analysed).toBe(documents)
      expect(next.files).toEqual(expected.files)
      expect(warn).toHaveBeenCalledTimes(1)
    } finally {
      warn.mockRestore()
    }
  })

  it('does not use a cache made by other analysing code', () => {
    const docs = documentsFromSnapshot(corpus)
    const bytes = termCacheBytes(buildSearchIndexCached(docs, undefined).cache, 'other code')
    expect(() => readTermCacheBytes(bytes, SEARCH_ANALYSIS_CODE)).toThrow(/another version/)
  })

  it('gives no digest to text that UTF-8 cannot hold exactly, so it is always analysed', () => {
    const names = SEARCH_FIELDS.map((f) => f.name)
    const fields = { title: 'a', alsoSearchedAs: '', summary: '', headings: '', body: 'b' }
    expect(fieldsDigest(fields, names)).toMatch(/^[\w-]{43}$/)
    expect(fieldsDigest({ ...fields, body: 'b\uD800' }, names)).toBeUndefined()
    expect(fieldsDigest({ ...fields, body: 'b\uFFFD' }, names)).toBeDefined()
    // Where one field ends and the next begins is part of the digest.
    expect(fieldsDigest({ ...fields, title: 'ab', body: '' }, names)).not.toBe(
      fieldsDigest({ ...fields, title: 'a', alsoSearchedAs: 'b', body: '' }, names),
    )
  })
})
