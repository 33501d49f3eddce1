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
 * only the files that hold it. The manifest, always fetched fresh, gives every other file its
 * generation: the build in which its bytes last changed (`generations`, `fileGenerations`), which
 * the browser puts in the file's address. A file that did not change keeps its address (and stays
 * in the reader's caches), and a changed one gets the new build's, so no cache ever gives a file of
 * another build.
 */
import { slugify } from '../validators/slug'
import { shardFileName } from './analyse'
import { planesToNumbers, textToNumbers } from './numberText'
import { textToTerms } from './termList'

/** The first file the browser loads; everything else is found from it. */
export type SearchManifest = {
  /** 7: the terms as one text (`terms`), title entries may leave out a derived address, and the length table is digit planes (see TitleBlock, LengthTable). */
  version: 6 | 7
  /** Changes whenever the index does (a hash of every file's hash). */
  build: string
  /** How many documents there are (lunr's count: numbers left empty by removed documents are not counted). */
  documentCount: number
  /** The builds in which files last changed (see FileGenerations), oldest first; at most MAX_GENERATIONS. */
  generations: string[]
  /** Per file, its generation: an index into `generations`, in the order of its kind (see FileGenerations). */
  fileGenerations: FileGenerations
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
   * Version 7 writes them as one text (termList.ts); read them with `shardTermsOf`.
   */
  terms?: string
  /** The same terms as lists, as version 6 wrote them. */
  shardTerms?: string[][]
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
 * Each file's generation by kind: per file, its index in the manifest's `generations` as one
 * base-32 digit (numberText.ts; there are at most MAX_GENERATIONS), for the term shards in
 * shard order (`shardTermsOf`), the title blocks and the summary blocks by number, the length table, the
 * nations file. A generation is the id of the build in which the file's bytes last changed
 * (site/src/lib/search/generations.ts), so most files share a few and the digits gzip to little
 * (random hashes did not: README, "Search index files").
 */
export type FileGenerations = {
  terms: string
  titles: string
  summaries: string
  lengths: string
  nations: string
}

/** The most generations a manifest lists: beyond, the oldest are folded into the newest (its files are fetched again once). */
export const MAX_GENERATIONS = 32

/**
 * Per document of a block: the middle of its address (see `urlAffixes`) and its title ('' and ''
 * for an empty number), or the title alone when the middle is the title as a slug (most are:
 * content-models/validators/slug.ts), which gzip cannot see as a repeat (see `titleEntry`).
 */
export type TitleBlock = ([urlMiddle: string, title: string] | [title: string])[]

/** The summaries of a block of documents. */
export type SummaryBlock = string[]

/** Per document: a bit per nation in SEARCH_NATIONS order; 0 means "not tied to a nation". */
export type NationList = number[]

/**
 * The length of the `lengthTableField` field in every document (0 for an empty number), as digit
 * planes (numberText.ts, numbersToPlanes; a number list, textToNumbers, in version 6: see `tableLengths`).
 */
export type LengthTable = string

/** The numbers of a length table, read as the manifest's version wrote them. */
export const tableLengths = (
  manifest: Partial<Pick<SearchManifest, 'version'>>,
  table: LengthTable,
): number[] => ((manifest.version ?? 6) >= 7 ? planesToNumbers(table) : textToNumbers(table))

/** How a block stores a document's address middle and title: the title alone when the middle is its slug. */
export const titleEntry = (urlMiddle: string, title: string): TitleBlock[number] =>
  urlMiddle === slugify(title) ? [title] : [urlMiddle, title]

/** A document's address middle and title from its entry in a title block (see `titleEntry`). */
export const readTitleEntry = (entry: TitleBlock[number]): [urlMiddle: string, title: string] =>
  entry.length === 1 ? [slugify(entry[0]), entry[0]] : entry

/** Where a manifest keeps its terms: `terms` (version 7) or `shardTerms` (version 6). */
export type ManifestTerms = Pick<SearchManifest, 'terms' | 'shardTerms'>

const termsRead = new WeakMap<ManifestTerms, string[][]>()

/** A manifest's terms, cut into the runs each shard holds (read once per manifest object). */
export const shardTermsOf = (manifest: ManifestTerms): string[][] => {
  let shards = termsRead.get(manifest)
  if (!shards) {
    shards = manifest.terms === undefined ? (manifest.shardTerms ?? []) : textToTerms(manifest.terms)
    termsRead.set(manifest, shards)
  }
  return shards
}

/** The shard keys of a manifest: the first term of each shard, sorted. */
export const shardKeys = (manifest: ManifestTerms): string[] =>
  shardTermsOf(manifest).map((terms) => terms[0])

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

/**
 * Every file's path (the manifest's aside) with its generation (the id of the build in which its
 * bytes last changed).
 * @example searchFileGenerations(manifest).get('lengths.json') // 'x3Fq_a8k'
 */
export const searchFileGenerations = (
  manifest: Pick<SearchManifest, 'generations' | 'fileGenerations'> & ManifestTerms,
): Map<string, string> => {
  const { generations, fileGenerations: g } = manifest
  const out = new Map<string, string>()
  const add = (text: string, pathOf: (i: number) => string) =>
    textToNumbers(text).forEach((n, i) => out.set(pathOf(i), generations[n]))
  const keys = shardKeys(manifest)
  add(g.terms, (i) => searchIndexPaths.terms(keys[i]))
  add(g.titles, searchIndexPaths.titles)
  add(g.summaries, searchIndexPaths.summaries)
  add(g.lengths, searchIndexPaths.lengths)
  add(g.nations, searchIndexPaths.nations)
  return out
}

/**
 * What follows each file's path in its address, as the island asks for it and the offline library
 * saves it: `?g=<its generation>` (or, from a manifest made before files had generations,
 * `?v=<build>`); nothing for the manifest, which is always asked for fresh. A file's generation
 * changes whenever its bytes do, so one address never has two contents.
 * @example searchFileQueries(manifest)('lengths.json') // '?g=x3Fq_a8k'
 */
export const searchFileQueries = (
  manifest: Pick<SearchManifest, 'build'> &
    ManifestTerms &
    Partial<Pick<SearchManifest, 'generations' | 'fileGenerations'>>,
): ((path: string) => string) => {
  const { generations, fileGenerations } = manifest
  const of =
    generations && fileGenerations
      ? searchFileGenerations({ ...manifest, generations, fileGenerations })
      : undefined
  return (path) => {
    if (path === searchIndexPaths.manifest()) return ''
    const generation = of?.get(path)
    return generation ? `?g=${generation}` : `?v=${manifest.build}`
  }
}
