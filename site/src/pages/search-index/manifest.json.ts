/** /search-index/manifest.json: vocabulary, shard keys and filters; the first file search loads. */
import type { APIRoute } from 'astro'
import { jsonResponse, siteSearchIndex } from '../../lib/search/siteIndex'

export const GET: APIRoute = () => jsonResponse(siteSearchIndex().manifest)
