/**
 * The search index of the snapshot this site is built from, built once per site build and shared
 * by the /search-index/ endpoints.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { forEachEntryBytes } from '../../../../content-models/snapshotEntries'
import { loadSnapshot, type Snapshot } from '../snapshot'
import { shardFileName } from './analyse'
import {
  buildSearchIndexCached,
  SEARCH_ANALYSIS_CODE,
  type GuideKey,
  type SearchIndexFiles,
} from './buildIndex'
import { numberDocuments, readDocTable } from './docNumbers'
import {
  documentsFromSnapshot,
  GUIDE_DOCUMENT_CODE,
  guideDocument,
  lazyGuideDocument,
  type SearchDocument,
} from './documents'
import { readLiveSearchFiles } from './generations'
import {
  readTermCache,
  SEARCH_CACHE_FILE,
  SEARCH_CACHE_TO,
  writeTermCache,
  type TermCache,
} from './termCache'

/**
 * The build folder whose search index numbers the documents (docNumbers.ts) and whose files' bytes
 * unchanged files keep the generation of (generations.ts): the live build, set by
 * cms/publish/makeBuild.ts; unset, the documents are numbered in the snapshot's order and every
 * file gets this build's generation.
 */
export const SEARCH_NUMBERS_FROM = 'SEARCH_NUMBERS_FROM'

let cached: { snapshot: object; index: SearchIndexFiles } | undefined

type SearchedSnapshot = Pick<Snapshot, 'guides' | 'templates' | 'training-sessions' | 'unions' | 'networks'>

/**
 * Each guide's entry key: a digest of its bytes in the snapshot file and of the code that makes
 * its search document; none for a guide not read from a file.
 */
const entryKeysOf = (guides: readonly object[]): (string | undefined)[] => {
  const keys: (string | undefined)[] = []
  const code = createHash('sha256').update(`${GUIDE_DOCUMENT_CODE}\0`)
  forEachEntryBytes(guides, (bytes, i) => (keys[i] = bytes && code.copy().update(bytes).digest('base64url')))
  return keys
}

/**
 * The snapshot's search documents (documentsFromSnapshot's), each guide's with its entry key. A
 * guide whose key the last build's analyses hold has the same document as then, so its headings
 * and body (the long fields, parsed again from the file) are made only if read.
 */
const documentsOf = (snapshot: SearchedSnapshot, previous: TermCache | undefined) => {
  const guides = new Map<SearchDocument, GuideKey>()
  const keys = entryKeysOf(snapshot.guides)
  const guideDocs = snapshot.guides.map((g, i) => {
    const entry = keys[i]
    if (entry === undefined) return guideDocument(g)
    const digest = previous?.entries.get(entry)
    const known = digest !== undefined && previous!.records.has(digest)
    const doc = known ? lazyGuideDocument(g) : guideDocument(g)
    guides.set(doc, { entry, digest: known ? digest : undefined })
    return doc
  })
  const { templates, unions, networks } = snapshot
  const rest = documentsFromSnapshot({
    guides: [],
    templates,
    'training-sessions': snapshot['training-sessions'],
    unions,
    networks,
  })
  return { docs: [...guideDocs, ...rest], guides }
}

/**
 * The search index of a snapshot, numbered from the build folder `from` (the live build) and
 * taking the analyses of its unchanged documents from that folder's cache (termCache.ts); writes
 * this build's analyses to `cacheTo`. Gives the files, how many documents were analysed and how
 * many guides' documents were taken without reading their long fields.
 */
export const searchIndexOf = (
  snapshot: SearchedSnapshot,
  from: string | undefined,
  cacheTo: string | undefined,
): { index: SearchIndexFiles; analysed: number; guidesKept: number } => {
  const previous = from ? readTermCache(path.join(from, SEARCH_CACHE_FILE), SEARCH_ANALYSIS_CODE) : undefined
  const { docs, guides } = documentsOf(snapshot, previous)
  const numbered = numberDocuments(docs, from ? readDocTable(from) : undefined)
  const { index, cache, analysed } = buildSearchIndexCached(
    numbered,
    previous,
    { live: from ? readLiveSearchFiles(from) : undefined },
    guides,
  )
  if (cacheTo) writeTermCache(cacheTo, cache, SEARCH_ANALYSIS_CODE)
  const guidesKept = [...guides.values()].filter((k) => k.digest !== undefined).length
  return { index, analysed, guidesKept }
}

/**
 * The site's search index: built on first use, then reused by every page and endpoint rendered
 * from the same snapshot (a process that renders another snapshot builds it again).
 */
export const siteSearchIndex = (): SearchIndexFiles => {
  const snapshot = loadSnapshot()
  if (cached?.snapshot === snapshot) return cached.index
  try {
    const { index } = searchIndexOf(
      snapshot,
      process.env[SEARCH_NUMBERS_FROM] || undefined,
      process.env[SEARCH_CACHE_TO] || undefined,
    )
    cached = { snapshot, index }
  } catch (cause) {
    throw new Error(
      `Search index build failed: ${(cause as Error).message}. Check the snapshot's guides, templates, sessions, unions and networks.`,
      { cause },
    )
  }
  return cached.index
}

/** A JSON response for a static endpoint. */
export const jsonResponse = (body: unknown): Response =>
  new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } })

/** Static paths of every term shard, by file name. */
export const termShardPaths = () =>
  [...siteSearchIndex().termShards.keys()].map((key) => ({
    params: { shard: shardFileName(key) },
    props: { key },
  }))
