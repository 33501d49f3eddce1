/**
 * One changed document changes only the search index files that hold it: the manifest, the
 * shards of the terms whose postings changed, its title (or summary) block and, for a change to
 * its body's length, the length table. Every other file is the same to the byte, so an
 * incremental build carries it over (tests/int/incrementalMatchesFull.int.test.ts checks the build).
 */
import { describe, expect, it } from 'vitest'
import { generateCorpus } from '../../scripts/generate-corpus'
import { buildSearchIndex, serialiseSearchIndex } from '../../site/src/lib/search/buildIndex'
import { documentsFromSnapshot, type SearchDocument } from '../../site/src/lib/search/documents'
import { searchIndexPaths, shardKeys } from '../../site/src/lib/search/files'
import { changedSearchFiles } from '../helpers/searchFixture'

const corpus = await generateCorpus({ guides: 120, templates: 10, sessions: 10, unions: 10, networks: 5 })
const docs = documentsFromSnapshot(corpus)
const edited = 37

/** The files that differ between the indexes of `docs` and of `docs` with one document changed. */
const afterChange = (change: Partial<SearchDocument>) => {
  const before = buildSearchIndex(docs)
  const after = buildSearchIndex(docs.map((d, i) => (i === edited ? { ...d, ...change } : d)))
  return {
    before,
    after,
    differ: changedSearchFiles(serialiseSearchIndex(before), serialiseSearchIndex(after)),
  }
}

/** The shard files holding terms whose stored postings differ between two indexes. */
const shardsOfChangedTerms = (
  before: ReturnType<typeof buildSearchIndex>,
  after: ReturnType<typeof buildSearchIndex>,
): string[] => {
  const postingsOf = (index: typeof before) =>
    new Map(
      [...index.termShards].flatMap(([key, shard]) => Object.entries(shard).map(([t, p]) => [t, { key, p }])),
    )
  const [a, b] = [postingsOf(before), postingsOf(after)]
  const files = new Set<string>()
  for (const term of new Set([...a.keys(), ...b.keys()])) {
    const [was, now] = [a.get(term), b.get(term)]
    if (JSON.stringify(was?.p) === JSON.stringify(now?.p)) continue
    for (const held of [was, now]) if (held) files.add(searchIndexPaths.terms(held.key))
  }
  return [...files].sort()
}

describe('the search index after one changed document', () => {
  it('rewrites for a new title only the manifest, its title block and the shards of the title’s terms', () => {
    const { before, after, differ } = afterChange({ title: `${docs[edited].title} (updated)` })
    const shards = shardsOfChangedTerms(before, after)
    expect(differ).toEqual(
      [
        searchIndexPaths.manifest(),
        searchIndexPaths.titles(Math.floor(edited / after.manifest.titleBlockSize)),
        ...shards,
      ].sort(),
    )
    // The title's own terms (its length changed in each) and "updat": a few shards of hundreds.
    expect(shards.length).toBeGreaterThan(0)
    expect(shards.length).toBeLessThanOrEqual(docs[edited].title.split(' ').length + 1)
    expect(after.termShards.size).toBeGreaterThan(50)
    expect(shardKeys(after.manifest)).toEqual(shardKeys(before.manifest))
  })

  it('rewrites for a longer body the length table and only the shards of terms whose counts changed', () => {
    const { before, after, differ } = afterChange({ body: `${docs[edited].body} holiday holiday tribunal` })
    const shards = shardsOfChangedTerms(before, after)
    expect(differ).toEqual([searchIndexPaths.lengths(), searchIndexPaths.manifest(), ...shards].sort())
    expect(shards.length).toBeLessThanOrEqual(2)
  })

  it('rewrites for a new summary its summary block, and the shards of the summary’s terms', () => {
    const { before, after, differ } = afterChange({ summary: 'A new summary.' })
    expect(differ).toEqual(
      [
        searchIndexPaths.manifest(),
        searchIndexPaths.summaries(Math.floor(edited / 50)),
        ...shardsOfChangedTerms(before, after),
      ].sort(),
    )
  })
})
