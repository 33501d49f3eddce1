/** /search-index/lengths.json: the body's length in every document, which the browser needs to weigh body matches (files.ts). */
import type { APIRoute } from 'astro'
import { jsonResponse, siteSearchIndex } from '../../lib/search/siteIndex'

export const GET: APIRoute = () => jsonResponse(siteSearchIndex().lengths)
