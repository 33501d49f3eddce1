/** /search-index/docs/<n>.json: the summaries of a block of results (titles and addresses are in the manifest). */
import type { APIRoute, GetStaticPaths } from 'astro'
import { jsonResponse, siteSearchIndex } from '../../../lib/search/siteIndex'

export const getStaticPaths = (() =>
  siteSearchIndex().docBlocks.map((_, i) => ({ params: { block: String(i) } }))) satisfies GetStaticPaths

export const GET: APIRoute = ({ params }) => jsonResponse(siteSearchIndex().docBlocks[Number(params.block)])
