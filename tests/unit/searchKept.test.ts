/**
 * An incremental build renders only the search files whose generation changed
 * (site/render/searchKept.ts): a file the new manifest gives the live build's generation for it
 * has the live build's bytes, so it is carried over without being rendered. Here the set it skips
 * is exactly the set of files whose bytes did not change.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateCorpus } from '../../scripts/generate-corpus'
import { unchangedSearchFiles } from '../../site/render/searchKept'
import { buildSearchIndex, serialiseSearchIndex } from '../../site/src/lib/search/buildIndex'
import { documentsFromSnapshot } from '../../site/src/lib/search/documents'
import { readLiveSearchFiles } from '../../site/src/lib/search/generations'

const corpus = await generateCorpus({ guides: 60, templates: 8, sessions: 8, unions: 6, networks: 4 })
const docs = documentsFromSnapshot(corpus)
const root = mkdtempSync(path.join(tmpdir(), 'search-kept-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** Writes index files (path → text) under `dir`/search-index/. */
const write = (dir: string, files: Map<string, string>) => {
  for (const [p, text] of files) {
    mkdirSync(path.dirname(path.join(dir, 'search-index', p)), { recursive: true })
    writeFileSync(path.join(dir, 'search-index', p), text)
  }
}

const live = path.join(root, 'live')
const before = serialiseSearchIndex(buildSearchIndex(docs))
write(live, before)

describe('the search files an incremental build does not render', () => {
  it('are exactly those whose bytes are the live build’s', async () => {
    const edited = docs.map((d, i) => (i === 5 ? { ...d, body: `${d.body} Zero-hours overtime.` } : d))
    const after = serialiseSearchIndex(buildSearchIndex(edited, { live: readLiveSearchFiles(live) }))
    const out = path.join(root, 'out')
    write(out, new Map([['manifest.json', after.get('manifest.json')!]]))
    const same = [...after].filter(([p, text]) => p !== 'manifest.json' && before.get(p) === text)
    const skipped = await unchangedSearchFiles(out, live)
    expect([...skipped].sort()).toEqual(same.map(([p]) => `search-index/${p}`).sort())
    expect(skipped.size).toBeGreaterThan(0)
    expect(skipped.size).toBeLessThan(after.size - 1)
  })

  it('are none when the live build has no manifest to compare with', async () => {
    expect((await unchangedSearchFiles(live, path.join(root, 'nothing'))).size).toBe(0)
  })
})
