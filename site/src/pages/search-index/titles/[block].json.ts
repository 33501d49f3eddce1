/** /search-index/titles/<n>.json: the titles and addresses of a small block of documents, fetched for the results shown. */
import type { APIRoute, GetStaticPaths } from 'astro'
import { jsonResponse, siteSearchIndex } from '../../../lib/search/siteIndex'

export const getStaticPaths = (() =>
  siteSearchIndex().titleBlocks.map((_, i) => ({ params: { block: String(i) } }))) satisfies GetStaticPaths

export const GET: APIRoute = ({ params }) => jsonResponse(siteSearchIndex().titleBlocks[Number(params.block)])
