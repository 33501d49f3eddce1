/**
 * The files of the sharded search index, as the builder writes them and the browser reads them:
 * the one place their layout is defined (the builder, the island, the offline library and the
 * CMS's search without JavaScript all go through it). No Node imports here: the search island
 * bundles this file.
 *
 * What a search loads, in order: the manifest (the vocabulary and what filters by type need), the
 * term shards of the query's terms, then the title blocks of the results shown; the summary
 * blocks fill in after they are drawn, and the nations file only when a nation filter is chosen.
 * Nothing sent up front grows with the number of documents except one small number per document.
 */
import { shardFileName } from './analyse'

/** The first file the browser loads; everything else is found from it. */
export type SearchManifest = {
  version: 4
  /** Changes whenever the index does; the browser adds it to every file address so caches never mix builds. */
  build: string
  fields: string[]
  types: string[]
  /** Per document: its index in `types` (runs of one value, so it gzips to almost nothing). */
  docTypes: number[]
  /** Documents per title block and per summary block (see `blockOf`). */
  titleBlockSize: number
  summaryBlockSize: number
  /**
   * Every indexed (stemmed) term, sorted, cut into the runs each term shard holds: a shard is
   * named by its first term (its key), and a term lives in the last shard whose key is not after it.
   */
  shardTerms: string[][]
  /** Per type (as `types`): what every address of that type starts and ends with, so title blocks hold only the part between. */
  urlAffixes: [prefix: string, suffix: string][]
}

/**
 * Postings of one term, per field (in manifest order): the documents holding it in that field
 * (gaps between document numbers, ascending) and their lunr weights in thousandths (lunr rounds
 * weights to three decimals, so thousandths / WEIGHT_SCALE is the very number lunr scores with).
 */
export type TermPostings = [docGaps: number[], weights: number[]][]

/** The terms of one shard and their postings. */
export type TermShard = Record<string, TermPostings>

/** Per document of a block: the middle of its address (see `urlAffixes`) and its title. */
export type TitleBlock = [urlMiddle: string, title: string][]

/** The summaries of a block of documents. */
export type SummaryBlock = string[]

/** Per document: a bit per nation in SEARCH_NATIONS order; 0 means "not tied to a nation". */
export type NationList = number[]

/** Weights in term shards are stored in thousandths: the weight is the stored number / WEIGHT_SCALE. */
export const WEIGHT_SCALE = 1000

/** The shard keys of a manifest: the first term of each shard, sorted. */
export const shardKeys = (manifest: Pick<SearchManifest, 'shardTerms'>): string[] =>
  manifest.shardTerms.map((terms) => terms[0])

/** The block (of `size` documents) a document is in, and its place in that block. */
export const blockOf = (doc: number, size: number): [block: number, at: number] => [
  Math.floor(doc / size),
  doc % size,
]

/** A document's address, rebuilt from its type's affixes and the middle its title block holds. */
export const docUrl = (
  manifest: Pick<SearchManifest, 'docTypes' | 'urlAffixes'>,
  doc: number,
  urlMiddle: string,
): string => {
  const [prefix, suffix] = manifest.urlAffixes[manifest.docTypes[doc]]
  return `${prefix}${urlMiddle}${suffix}`
}

/** Where each file of the index is served from, under /search-index/. */
export const searchIndexPaths = {
  manifest: () => 'manifest.json',
  terms: (key: string) => `terms/${shardFileName(key)}.json`,
  titles: (block: number) => `titles/${block}.json`,
  summaries: (block: number) => `docs/${block}.json`,
  nations: () => 'nations.json',
}
