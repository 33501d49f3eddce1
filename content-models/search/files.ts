/**
 * The files of the sharded search index, as the builder writes them and the browser reads them:
 * the one place their layout is defined (the builder, the island, the offline library and the
 * CMS's search without JavaScript all go through it). No Node imports here: the search island
 * bundles this file.
 *
 * What a search loads, in order: the manifest (the vocabulary and what filters by type need), the
 * term shards of the query's terms and the length table, then the title blocks of the results
 * shown; the summary blocks fill in after they are drawn, and the nations file only when a nation
 * filter is chosen. Nothing sent up front grows with the number of documents except one small
 * number per document.
 *
 * Weights are not stored: a weight depends on every document (their count, the average field
 * lengths), so one changed document would change every file. The files hold what does not
 * (term frequencies and field lengths); the manifest holds the numbers that do, and the browser
 * computes lunr's weights from both (bm25.ts). Lists of numbers are text (numberText.ts).
 */
import { shardFileName } from './analyse'

/** The first file the browser loads; everything else is found from it. */
export type SearchManifest = {
  version: 5
  /** Changes whenever the index does; the browser adds it to every file address so caches never mix builds. */
  build: string
  fields: string[]
  /** Per field (as `fields`): its boost. */
  fieldBoosts: number[]
  /** Per field: the sum of its length over every document (lunr's average is this / the document count). */
  fieldLengthTotals: number[]
  /** The field whose lengths are in the length table rather than in the postings (see TermPostings). */
  lengthTableField: number
  types: string[]
  /** Per type (as `types`): its documents' boost. */
  typeBoosts: number[]
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
 * Postings of one term, per field (in manifest order), each a number list (numberText.ts): the
 * documents holding it in that field (gaps between document numbers, ascending), how often it is
 * there, and the field's length in each of those documents. The long field's lengths, the same in
 * every term of a document, would make up most of the index: that field (`lengthTableField`)
 * has none here, and its lengths are in the length table, sent once.
 */
export type TermPostings = [docGaps: string, termFrequencies: string, fieldLengths?: string][]

/** The terms of one shard and their postings. */
export type TermShard = Record<string, TermPostings>

/** Per document of a block: the middle of its address (see `urlAffixes`) and its title. */
export type TitleBlock = [urlMiddle: string, title: string][]

/** The summaries of a block of documents. */
export type SummaryBlock = string[]

/** Per document: a bit per nation in SEARCH_NATIONS order; 0 means "not tied to a nation". */
export type NationList = number[]

/** The length of the `lengthTableField` field in every document, as a number list (numberText.ts). */
export type LengthTable = string

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
  lengths: () => 'lengths.json',
}
