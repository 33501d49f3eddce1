/** /search-index/manifest.json: the vocabulary cut into its term shards, and each document's type; the first file search loads. */
import type { APIRoute } from 'astro'
import { jsonResponse, siteSearchIndex } from '../../lib/search/siteIndex'

export const GET: APIRoute = () => jsonResponse(siteSearchIndex().manifest)
