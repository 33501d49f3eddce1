/** /search-index/nations.json: each document's nations, loaded only when a nation filter is chosen. */
import type { APIRoute } from 'astro'
import { jsonResponse, siteSearchIndex } from '../../lib/search/siteIndex'

export const GET: APIRoute = () => jsonResponse(siteSearchIndex().nations)
