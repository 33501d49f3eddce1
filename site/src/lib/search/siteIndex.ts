/**
 * The search index of the snapshot this site is built from, built once per site build and shared
 * by the /search-index/ endpoints.
 */
import { loadSnapshot } from '../snapshot'
import { shardFileName } from './analyse'
import { buildSearchIndex, type SearchIndexFiles } from './buildIndex'
import { numberDocuments, readDocTable } from './docNumbers'
import { documentsFromSnapshot } from './documents'
import { readLiveSearchFiles } from './generations'

/**
 * The build folder whose search index numbers the documents (docNumbers.ts) and whose files' bytes
 * unchanged files keep the generation of (generations.ts): the live build, set by
 * cms/publish/makeBuild.ts; unset, the documents are numbered in the snapshot's order and every
 * file gets this build's generation.
 */
export const SEARCH_NUMBERS_FROM = 'SEARCH_NUMBERS_FROM'

let cached: { snapshot: object; index: SearchIndexFiles } | undefined

/**
 * The site's search index: built on first use, then reused by every page and endpoint rendered
 * from the same snapshot (a process that renders another snapshot builds it again).
 */
export const siteSearchIndex = (): SearchIndexFiles => {
  const snapshot = loadSnapshot()
  if (cached?.snapshot === snapshot) return cached.index
  try {
    const from = process.env[SEARCH_NUMBERS_FROM]
    const docs = numberDocuments(documentsFromSnapshot(snapshot), from ? readDocTable(from) : undefined)
    cached = {
      snapshot,
      index: buildSearchIndex(docs, { live: from ? readLiveSearchFiles(from) : undefined }),
    }
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
