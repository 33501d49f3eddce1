/** /search-index/manifest.json: vocabulary, shard keys, filters, and each title and address; the first file search loads. */
import type { APIRoute } from 'astro'
import { jsonResponse, siteSearchIndex } from '../../lib/search/siteIndex'

export const GET: APIRoute = () => jsonResponse(siteSearchIndex().manifest)
