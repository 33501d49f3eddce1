/**
 * The files of the sharded search index, as the builder writes them and the browser reads them.
 * No Node imports here: the search island bundles this file.
 */
import { shardFileName } from './analyse'

/** The first file the browser loads; everything else is found from it. */
export type SearchManifest = {
  version: 1
  /** Changes whenever the index does; the browser adds it to every file address so caches never mix builds. */
  build: string
  fields: string[]
  types: string[]
  /** Per document: its index in `types`. */
  docTypes: number[]
  /** Per document: a bit per nation in SEARCH_NATIONS order; 0 means "not tied to a nation". */
  docNations: number[]
  docBlockSize: number
  /** Shard keys: a term lives in the shard of the longest key that starts it. */
  shards: string[]
  /** Every indexed (stemmed) term, sorted. */
  vocab: string[]
}

/** Postings of the terms in one shard: per term, per field (in manifest order), flat [docGap, weight, docGap, weight…]. */
export type TermShard = Record<string, number[][]>

/** A block of documents for showing results: [url, title, summary]. */
export type DocBlock = [url: string, title: string, summary: string][]

/** Where each file of the index is served from, under /search-index/. */
export const searchIndexPaths = {
  manifest: () => 'manifest.json',
  terms: (key: string) => `terms/${shardFileName(key)}.json`,
  docs: (block: number) => `docs/${block}.json`,
}

