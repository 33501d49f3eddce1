/**
 * The search index of the snapshot this site is built from, built once per site build and shared
 * by the /search-index/ endpoints.
 */
import path from 'node:path'
import { loadSnapshot, type Snapshot } from '../snapshot'
import { shardFileName } from './analyse'
import { buildSearchIndexCached, SEARCH_ANALYSIS_CODE, type SearchIndexFiles } from './buildIndex'
import { numberDocuments, readDocTable } from './docNumbers'
import { documentsFromSnapshot } from './documents'
import { readLiveSearchFiles } from './generations'
import { readTermCache, SEARCH_CACHE_FILE, SEARCH_CACHE_TO, writeTermCache } from './termCache'

/**
 * The build folder whose search index numbers the documents (docNumbers.ts) and whose files' bytes
 * unchanged files keep the generation of (generations.ts): the live build, set by
 * cms/publish/makeBuild.ts; unset, the documents are numbered in the snapshot's order and every
 * file gets this build's generation.
 */
export const SEARCH_NUMBERS_FROM = 'SEARCH_NUMBERS_FROM'

let cached: { snapshot: object; index: SearchIndexFiles } | undefined

/**
 * The search index of a snapshot, numbered from the build folder `from` (the live build) and
 * taking the analyses of its unchanged documents from that folder's cache (termCache.ts); writes
 * this build's analyses to `cacheTo`. Gives the files and how many documents were analysed.
 */
export const searchIndexOf = (
  snapshot: Pick<Snapshot, 'guides' | 'templates' | 'training-sessions' | 'unions' | 'networks'>,
  from: string | undefined,
  cacheTo: string | undefined,
): { index: SearchIndexFiles; analysed: number } => {
  const docs = numberDocuments(documentsFromSnapshot(snapshot), from ? readDocTable(from) : undefined)
  const previous = from ? readTermCache(path.join(from, SEARCH_CACHE_FILE), SEARCH_ANALYSIS_CODE) : undefined
  const { index, cache, analysed } = buildSearchIndexCached(docs, previous, {
    live: from ? readLiveSearchFiles(from) : undefined,
  })
  if (cacheTo) writeTermCache(cacheTo, cache, SEARCH_ANALYSIS_CODE)
  return { index, analysed }
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
