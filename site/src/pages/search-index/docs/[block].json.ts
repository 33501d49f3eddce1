/** /search-index/docs/<n>.json: the summaries of a block of results (they fill in after the titles). */
import type { APIRoute, GetStaticPaths } from 'astro'
import { jsonResponse, siteSearchIndex } from '../../../lib/search/siteIndex'

export const getStaticPaths = (() =>
  siteSearchIndex().summaryBlocks.map((_, i) => ({ params: { block: String(i) } }))) satisfies GetStaticPaths

export const GET: APIRoute = ({ params }) =>
  jsonResponse(siteSearchIndex().summaryBlocks[Number(params.block)])
