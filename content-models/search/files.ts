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
 *
 * A document keeps its number from build to build (docNumbers.ts, in the builder): a new one takes
 * a free number, a removed one leaves its number empty, so adding or removing a document changes
 * only the files that hold it. The manifest, always fetched fresh, names every other file with a
 * hash of its content (`fileHashes`), which the browser puts in the file's address: a file that did
 * not change keeps its address (and stays in the reader's caches), and a changed one gets a new one,
 * so no cache ever gives a file of another build.
 */
import { shardFileName } from './analyse'

/** The first file the browser loads; everything else is found from it. */
export type SearchManifest = {
  version: 6
  /** Changes whenever the index does (a hash of every file's hash). */
  build: string
  /** How many documents there are (lunr's count: numbers left empty by removed documents are not counted). */
  documentCount: number
  /** Each file's content hash, FILE_HASH_LENGTH characters each, in the order of its kind (see FileHashes). */
  fileHashes: FileHashes
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
  /** Per document number: its index in `types`, or -1 for a number left empty (runs of one value, so it gzips to almost nothing). */
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

/**
 * The files' hashes by kind, each a string of FILE_HASH_LENGTH characters per file: the term
 * shards in `shardTerms` order, the summary blocks by number, the length table, the nations file.
 * Title blocks are small and many (one per 4 documents: 2,500 at 10,000 documents), so their
 * hashes would be most of the manifest: one hash covers TITLE_BLOCKS_PER_HASH blocks in a row, and
 * a changed title gives its neighbours in that run a new address too (a few hundred bytes each,
 * fetched only for the results shown).
 */
export type FileHashes = {
  terms: string
  titles: string
  summaries: string
  lengths: string
  nations: string
}

/** Characters of a file's hash (base64url: 36 bits, so a changed file gets a new address). */
export const FILE_HASH_LENGTH = 6

/** Title blocks in a row that share one hash (see FileHashes). */
export const TITLE_BLOCKS_PER_HASH = 16

/** Per document of a block: the middle of its address (see `urlAffixes`) and its title ('' and '' for an empty number). */
export type TitleBlock = [urlMiddle: string, title: string][]

/** The summaries of a block of documents. */
export type SummaryBlock = string[]

/** Per document: a bit per nation in SEARCH_NATIONS order; 0 means "not tied to a nation". */
export type NationList = number[]

/** The length of the `lengthTableField` field in every document (0 for an empty number), as a number list (numberText.ts). */
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

/** The hash of the `i`th file of a kind (see FileHashes). */
const hashAt = (hashes: string, i: number): string =>
  hashes.slice(i * FILE_HASH_LENGTH, (i + 1) * FILE_HASH_LENGTH)

/**
 * Every file's path (the manifest's aside) with its hash.
 * @example searchFileHashes(manifest).get('lengths.json') // 'x3Fq_a'
 */
export const searchFileHashes = (
  manifest: Pick<SearchManifest, 'fileHashes' | 'shardTerms' | 'docTypes' | 'titleBlockSize'>,
): Map<string, string> => {
  const { fileHashes: h } = manifest
  const out = new Map<string, string>()
  shardKeys(manifest).forEach((key, i) => out.set(searchIndexPaths.terms(key), hashAt(h.terms, i)))
  for (let i = 0; i < Math.ceil(manifest.docTypes.length / manifest.titleBlockSize); i++)
    out.set(searchIndexPaths.titles(i), hashAt(h.titles, Math.floor(i / TITLE_BLOCKS_PER_HASH)))
  for (let i = 0; i * FILE_HASH_LENGTH < h.summaries.length; i++)
    out.set(searchIndexPaths.summaries(i), hashAt(h.summaries, i))
  out.set(searchIndexPaths.lengths(), h.lengths)
  out.set(searchIndexPaths.nations(), h.nations)
  return out
}

/**
 * What follows each file's path in its address, as the island asks for it and the offline library
 * saves it: `?h=<its hash>` (or, from a manifest made before files had hashes, `?v=<build>`);
 * nothing for the manifest, which is always asked for fresh.
 * @example searchFileQueries(manifest)('lengths.json') // '?h=x3Fq_a'
 */
export const searchFileQueries = (
  manifest: Pick<SearchManifest, 'build' | 'shardTerms' | 'docTypes' | 'titleBlockSize'> &
    Partial<Pick<SearchManifest, 'fileHashes'>>,
): ((path: string) => string) => {
  const { fileHashes } = manifest
  const hashes = fileHashes ? searchFileHashes({ ...manifest, fileHashes }) : undefined
  return (path) => {
    if (path === searchIndexPaths.manifest()) return ''
    const hash = hashes?.get(path)
    return hash ? `?h=${hash}` : `?v=${manifest.build}`
  }
}
