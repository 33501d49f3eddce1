/**
 * The files of the sharded search index, as the builder writes them and the browser reads them.
 * No Node imports here: the search island bundles this file.
 */
import { shardFileName } from './analyse'

/** The first file the browser loads; everything else is found from it. */
export type SearchManifest = {
  version: 3
  /** Changes whenever the index does; the browser adds it to every file address so caches never mix builds. */
  build: string
  fields: string[]
  types: string[]
  /** Per document: its index in `types`. */
  docTypes: number[]
  /** Per document: a bit per nation in SEARCH_NATIONS order; 0 means "not tied to a nation". */
  docNations: number[]
  docBlockSize: number
  /** Shard keys, sorted: each shard holds the terms from its key up to the next key (see shardFor). */
  shards: string[]
  /** Every indexed (stemmed) term, sorted. */
  vocab: string[]
  /** Per type (as `types`): what every address of that type starts and ends with, so `docs` holds only the part between. */
  urlAffixes: [prefix: string, suffix: string][]
  /**
   * Per document: the middle of its address and its title. Results can be shown from these as soon
   * as the term shards arrive, one round trip after typing; summaries follow from the doc blocks.
   */
  docs: [urlMiddle: string, title: string][]
}

/** Postings of the terms in one shard: per term, per field (in manifest order), flat [docGap, weight, docGap, weight…]. */
export type TermShard = Record<string, number[][]>

/** The summaries of a block of documents (addresses and titles are in the manifest). */
export type DocBlock = string[]

/** A document's address, rebuilt from the manifest's compact form. */
export const docUrl = (
  manifest: Pick<SearchManifest, 'docs' | 'docTypes' | 'urlAffixes'>,
  doc: number,
): string => {
  const [prefix, suffix] = manifest.urlAffixes[manifest.docTypes[doc]]
  return `${prefix}${manifest.docs[doc][0]}${suffix}`
}

/** Where each file of the index is served from, under /search-index/. */
export const searchIndexPaths = {
  manifest: () => 'manifest.json',
  terms: (key: string) => `terms/${shardFileName(key)}.json`,
  docs: (block: number) => `docs/${block}.json`,
}
