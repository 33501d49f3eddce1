/**
 * Builds the search index at site-build time, designed to be fetched in small pieces (the layout
 * is defined in content-models/search/files.ts).
 *
 * A whole lunr index is large (README, "Benchmarks"), and all of it is needed before the first
 * result. Here what the same index's weights are made of (lunr's tokenizer, stemmer, term
 * frequencies and field lengths, counted in weights.ts without lunr.Builder, which is many times
 * slower) is cut up, and the browser computes lunr's BM25 weights with field boosts from it
 * (content-models/search/bm25.ts):
 * - `manifest.json`: the vocabulary (every stemmed term, for typo and prefix matching) cut into
 *   the runs each term shard holds, each document's type (for the type filter), and the numbers
 *   every weight shares (boosts, total field lengths). Nothing else per document, so it stays
 *   small as the site grows. Loaded when the search box gets focus.
 * - `terms/<key>.json`: the postings of a run of consecutive terms (shards.ts), named by its first
 *   term: per term and field, the documents holding it, the term's frequency there and the
 *   field's length. A query fetches only the shards of its own terms, and the terms a word being
 *   typed may become sit together in one or two shards.
 * - `lengths.json`: the body's length in every document (the one length every term of a document
 *   would otherwise repeat), fetched with the first shards.
 * - `titles/<n>.json`: the titles and addresses of a small block of documents, fetched for the
 *   results shown, once the shards have ranked them.
 * - `docs/<n>.json`: summaries, in blocks, fetched for the results shown (they fill in after the titles).
 * - `nations.json`: each document's nations, fetched only when a nation filter is chosen.
 * The browser scores with lunr's formula over just the postings a query needs (query.ts): a
 * document's score uses only the weights of the query's terms, so it is the score the whole index
 * would give. No file but the manifest holds a number that depends on other documents, so a
 * changed document changes only the files that hold it: the shards of its terms, its title and
 * summary blocks, the length table, the nations file (an incremental build carries the rest over).
 * Documents keep their numbers from the live build (docNumbers.ts), so adding or removing one
 * changes only the files that hold it too, and the manifest gives each file its generation, the
 * build in which its bytes last changed (generations.ts), so a reader's browser fetches again only
 * the files that changed.
 */
import { createHash } from 'node:crypto'
import { numbersToPlanes } from '../../../../content-models/search/numberText'
import { termsToText } from '../../../../content-models/search/termList'
import { SEARCH_FIELDS, SEARCH_NATIONS, SEARCH_TYPES, TYPE_BOOSTS, type SearchDocument } from './documents'
import {
  docUrl,
  searchIndexPaths,
  titleEntry,
  type LengthTable,
  type NationList,
  type SearchManifest,
  type SummaryBlock,
  type TermShard,
  type TitleBlock,
} from './files'
import { generationsOf, type FilesByKind, type LiveSearchFiles } from './generations'
import { termShardsOf } from './shards'
import { fieldsDigest, type TermCache } from './termCache'
import { analysisCode, termFrequencies, WeighError, type Reuse, type TermFrequencies } from './weights'

export type { SearchManifest, SummaryBlock, TermShard, TitleBlock }

export type SearchIndexFiles = {
  manifest: SearchManifest
  /** Keyed by shard key (not file name). */
  termShards: Map<string, TermShard>
  titleBlocks: TitleBlock[]
  summaryBlocks: SummaryBlock[]
  nations: NationList
  lengths: LengthTable
}

export type BuildOptions = {
  /** About how many small terms a shard holds (shards.ts; tests make them smaller). */
  termsPerShard?: number
  /** Documents per title block: a result's title costs its block, so blocks are small. */
  titleBlockSize?: number
  /** Documents per summary block. */
  summaryBlockSize?: number
  /**
   * The live build's index: files whose bytes it has keep its generation (their address), the
   * others get this build's (generations.ts). None: every file gets this build's.
   */
  live?: LiveSearchFiles
}

/** The identity of the code that analyses the search fields (termCache.ts): a cache made by other code is not used. */
export const SEARCH_ANALYSIS_CODE = createHash('sha256')
  .update(`${analysisCode(SEARCH_FIELDS)}\n${String(fieldsDigest)}`)
  .digest('base64url')

/**
 * What is known of a guide's document from its bytes in the snapshot (siteIndex.ts): its entry key
 * and, when the last build's analyses hold it, the digest of its fields (so they need not be made).
 */
export type GuideKey = { entry: string; digest?: string }

/** What a build that keeps its analyses gives: the files, its analyses and how many documents it analysed. */
export type CachedBuild = { index: SearchIndexFiles; cache: TermCache; analysed: number }

/**
 * Builds the index as buildSearchIndex does, taking each unchanged document's analysis from the
 * last build's (`previous`, termCache.ts) instead of analysing its text again; the files are the
 * same either way. A guide's document in `guides` is recorded by its entry key, and one given its
 * digest is not read for its fields. Gives this build's analyses for the next build, and how many
 * documents it analysed.
 */
export const buildSearchIndexCached = (
  docs: NumberedDocuments,
  previous: TermCache | undefined,
  options: BuildOptions = {},
  guides?: ReadonlyMap<SearchDocument, GuideKey>,
): CachedBuild => {
  const names = SEARCH_FIELDS.map((f) => f.name)
  const digests = docs.map((d) => (d ? (guides?.get(d)?.digest ?? fieldsDigest(d, names)) : undefined))
  const frequencies = frequenciesOf(docs, { digests, previous })
  const cache = frequencies.cache!
  docs.forEach((d, i) => {
    const entry = d && guides?.get(d)?.entry
    if (entry !== undefined && entry !== null && digests[i] !== undefined)
      cache.entries.set(entry, digests[i])
  })
  return { index: indexOf(docs, frequencies, options), cache, analysed: frequencies.analysed! }
}

/** Raised when the index cannot be built; says which document broke it. */
export class SearchIndexBuildError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'SearchIndexBuildError'
  }
}

/**
 * The field whose lengths go in the length table: the body is long, so its length differs in
 * almost every document, and every term of the body would repeat it (scripts/bench/search.ts:
 * this cut the bytes before the first result at 10,000 guides; README, "Benchmarks").
 */
const LENGTH_TABLE_FIELD = 'body'

/** The documents by number (docNumbers.ts); null is a number left empty, which holds nothing. */
export type NumberedDocuments = readonly (SearchDocument | null)[]

/** Every term's frequencies and every field's lengths over the documents (weights.ts); an empty number has none. */
const frequenciesOf = (docs: NumberedDocuments, reuse?: Reuse): TermFrequencies => {
  try {
    return termFrequencies(
      docs.map((d) => (d ? { fields: d, boost: TYPE_BOOSTS[d.type] ?? 1 } : { fields: {}, boost: 1 })),
      SEARCH_FIELDS,
      reuse,
    )
  } catch (cause) {
    if (!(cause instanceof WeighError)) throw cause
    throw new SearchIndexBuildError(
      `Search index build failed at ${docs[cause.doc]?.url}: ${cause.message}`,
      {
        cause,
      },
    )
  }
}

/** Cuts a list into blocks of `size`. */
const blocks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))

/** Every file but the manifest, by kind, in the manifest's order (files.ts, FileGenerations): path and JSON text. */
const filesByKind = (files: Omit<SearchIndexFiles, 'manifest'>): FilesByKind => ({
  terms: [...files.termShards].map(([key, shard]) => [searchIndexPaths.terms(key), JSON.stringify(shard)]),
  titles: files.titleBlocks.map((b, i) => [searchIndexPaths.titles(i), JSON.stringify(b)]),
  summaries: files.summaryBlocks.map((b, i) => [searchIndexPaths.summaries(i), JSON.stringify(b)]),
  lengths: [[searchIndexPaths.lengths(), JSON.stringify(files.lengths)]],
  nations: [[searchIndexPaths.nations(), JSON.stringify(files.nations)]],
})

/**
 * What every address in a list starts with (up to its last "/") and ends with ("/" when all do),
 * so the manifest stores only the part between.
 * @example urlAffixes(['/guides/a/', '/guides/b/']) // ['/guides/', '/']
 */
export const urlAffixes = (urls: readonly string[]): [prefix: string, suffix: string] => {
  if (!urls.length) return ['', '']
  let prefix = urls[0]
  for (const u of urls) while (!u.startsWith(prefix)) prefix = prefix.slice(0, -1)
  prefix = prefix.slice(0, prefix.lastIndexOf('/') + 1)
  const suffix = urls.every((u) => u.endsWith('/') && u.length > prefix.length) ? '/' : ''
  return [prefix, suffix]
}

/**
 * What every address of each type starts and ends with, and each document's middle (files.ts,
 * urlAffixes); fails for an address that cannot be rebuilt from them.
 */
const addressesOf = (docs: NumberedDocuments, types: string[], docTypes: number[]) => {
  const affixes = types.map((t) => urlAffixes(docs.flatMap((d) => (d?.type === t ? [d.url] : []))))
  const middles = docs.map((d, i) =>
    d ? d.url.slice(affixes[docTypes[i]][0].length, d.url.length - affixes[docTypes[i]][1].length) : '',
  )
  docs.forEach((d, i) => {
    if (d && docUrl({ docTypes, urlAffixes: affixes }, i, middles[i]) !== d.url)
      throw new SearchIndexBuildError(
        `Search index build failed at ${d.url}: its address could not be stored compactly.`,
      )
  })
  return { affixes, middles }
}

/**
 * Builds every file of the search index from the documents, numbered as given (docNumbers.ts
 * keeps each document's number from the live build; a null is a number left empty).
 */
export const buildSearchIndex = (docs: NumberedDocuments, options: BuildOptions = {}): SearchIndexFiles =>
  indexOf(docs, frequenciesOf(docs), options)

/** Every file of the index, from the documents and their terms' frequencies and fields' lengths. */
const indexOf = (
  docs: NumberedDocuments,
  { terms, lengths }: TermFrequencies,
  { termsPerShard, titleBlockSize = 2, summaryBlockSize = 50, live }: BuildOptions,
): SearchIndexFiles => {
  const lengthTableField = SEARCH_FIELDS.findIndex((f) => f.name === LENGTH_TABLE_FIELD)
  const { termShards, shardTerms } = termShardsOf(terms, lengths, lengthTableField, termsPerShard)
  const types = SEARCH_TYPES.map((t) => t.value as string)
  const docTypes = docs.map((d) => (d ? types.indexOf(d.type) : -1))
  const { affixes, middles } = addressesOf(docs, types, docTypes)
  const files = {
    termShards,
    titleBlocks: blocks(
      docs.map((d, i) => titleEntry(middles[i], d?.title ?? '')),
      titleBlockSize,
    ),
    summaryBlocks: blocks(
      docs.map((d) => d?.summary ?? ''),
      summaryBlockSize,
    ),
    nations: docs.map((d) =>
      SEARCH_NATIONS.reduce((bits, n, i) => (d?.nations.includes(n.value) ? bits | (1 << i) : bits), 0),
    ),
    lengths: numbersToPlanes([...lengths[lengthTableField]]),
  }
  const { generations, fileGenerations } = generationsOf(filesByKind(files), live)
  const manifestBody = {
    version: 7 as const,
    documentCount: docs.reduce((n, d) => (d ? n + 1 : n), 0),
    fields: SEARCH_FIELDS.map((f) => f.name as string),
    fieldBoosts: SEARCH_FIELDS.map((f) => f.boost),
    fieldLengthTotals: lengths.map((l) => l.reduce((a, b) => a + b, 0)),
    lengthTableField,
    types,
    typeBoosts: types.map((t) => TYPE_BOOSTS[t as SearchDocument['type']] ?? 1),
    docTypes,
    titleBlockSize,
    summaryBlockSize,
    terms: termsToText(shardTerms),
    urlAffixes: affixes,
    generations,
    fileGenerations,
  }
  // The manifest's id covers every file (through their generations) and the manifest.
  const build = createHash('sha256').update(JSON.stringify(manifestBody)).digest('hex').slice(0, 12)
  return { manifest: { ...manifestBody, build }, ...files }
}

/** Every file of the index as path → JSON text (for writing to disk, benchmarks and tests). */
export const serialiseSearchIndex = (files: SearchIndexFiles): Map<string, string> => {
  const out = new Map<string, string>([[searchIndexPaths.manifest(), JSON.stringify(files.manifest)]])
  const byKind = filesByKind(files)
  for (const kind of ['terms', 'titles', 'summaries', 'nations', 'lengths'] as const)
    for (const [p, text] of byKind[kind]) out.set(p, text)
  return out
}
