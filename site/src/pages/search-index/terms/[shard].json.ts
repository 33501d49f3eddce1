/** /search-index/terms/<shard>.json: postings of the terms in one shard (a run of sorted terms, named by its first). */
import type { APIRoute, GetStaticPaths } from 'astro'
import { jsonResponse, siteSearchIndex, termShardPaths } from '../../../lib/search/siteIndex'

export const getStaticPaths = (() => termShardPaths()) satisfies GetStaticPaths

export const GET: APIRoute<{ key: string }> = ({ props }) =>
  jsonResponse(siteSearchIndex().termShards.get(props.key))
