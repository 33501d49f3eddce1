/**
 * The search index of the snapshot this site is built from, built once per site build and shared
 * by the /search-index/ endpoints.
 */
import { loadSnapshot } from '../snapshot'
import { shardFileName } from './analyse'
import { buildSearchIndex, type SearchIndexFiles } from './buildIndex'
import { documentsFromSnapshot } from './documents'

let cached: SearchIndexFiles | undefined

/** The site's search index (built on first use, then reused by every endpoint of the build). */
export const siteSearchIndex = (): SearchIndexFiles => {
  if (cached) return cached
  try {
    cached = buildSearchIndex(documentsFromSnapshot(loadSnapshot()))
  } catch (cause) {
    throw new Error(`Search index build failed: ${(cause as Error).message}. Check the snapshot's guides, templates, sessions, unions and networks.`, { cause })
  }
  return cached
}

/** A JSON response for a static endpoint. */
export const jsonResponse = (body: unknown): Response =>
  new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } })

/** Static paths of every term shard, by file name. */
export const termShardPaths = () => [...siteSearchIndex().termShards.keys()].map((key) => ({ params: { shard: shardFileName(key) }, props: { key } }))
