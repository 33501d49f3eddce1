/**
 * Builds the search index at site-build time, designed to be fetched in small pieces (the layout
 * is defined in content-models/search/files.ts).
 *
 * A whole lunr index is large (README, "Benchmarks"), and all of it is needed before the first
 * result. Here the weights of the same index (lunr's tokenizer, stemmer, BM25 weights with field
 * boosts; computed in weights.ts without lunr.Builder, which is many times slower) are cut up:
 * - `manifest.json`: the vocabulary (every stemmed term, for typo and prefix matching) cut into
 *   the runs each term shard holds, and each document's type (for the type filter). Nothing else
 *   per document, so it stays small as the site grows. Loaded when the search box gets focus.
 * - `terms/<key>.json`: the postings of a run of consecutive terms (in sorted order, up to a
 *   size), named by its first term: per term and field, the documents holding it and their weights
 *   in thousandths. A query fetches only the shards of its own terms, and the terms a word being
 *   typed may become sit together in one or two shards.
 * - `titles/<n>.json`: the titles and addresses of a small block of documents, fetched for the
 *   results shown, once the shards have ranked them.
 * - `docs/<n>.json`: summaries, in blocks, fetched for the results shown (they fill in after the titles).
 * - `nations.json`: each document's nations, fetched only when a nation filter is chosen.
 * The browser scores with lunr's formula over just the postings a query needs (query.ts): a
 * document's score uses only the weights of the query's terms, so it is the score the whole index
 * would give.
 */
import { createHash, type Hash } from 'node:crypto'
import lunr from 'lunr'
import { SEARCH_FIELDS, SEARCH_NATIONS, SEARCH_TYPES, type SearchDocument } from './documents'
import {
  docUrl,
  searchIndexPaths,
  WEIGHT_SCALE,
  type NationList,
  type SearchManifest,
  type SummaryBlock,
  type TermPostings as ShardPostings,
  type TermShard,
  type TitleBlock,
} from './files'
import { termWeights, WeighError, type TermPostings } from './weights'

export type { SearchManifest, SummaryBlock, TermShard, TitleBlock }

export type SearchIndexFiles = {
  manifest: SearchManifest
  /** Keyed by shard key (not file name). */
  termShards: Map<string, TermShard>
  titleBlocks: TitleBlock[]
  summaryBlocks: SummaryBlock[]
  nations: NationList
}

export type BuildOptions = {
  /** Most bytes of JSON in a term shard (a term with more has a shard of its own). */
  maxShardBytes?: number
  /** Documents per title block: a result's title costs its block, so blocks are small. */
  titleBlockSize?: number
  /** Documents per summary block. */
  summaryBlockSize?: number
}

/** Raised when the index cannot be built; says which document broke it. */
export class SearchIndexBuildError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'SearchIndexBuildError'
  }
}

/** Guides are what most searches are for; other things count a little less on an equal match. */
export const TYPE_BOOSTS: Partial<Record<SearchDocument['type'], number>> = { guide: 1.5 }

/** The whole lunr index over the documents, as one piece: the reference the index's weights are checked against (tests, benchmark). */
export const buildLunr = (docs: SearchDocument[]): lunr.Index => {
  const builder = new lunr.Builder()
  builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer)
  builder.searchPipeline.add(lunr.stemmer)
  builder.ref('id')
  for (const f of SEARCH_FIELDS) builder.field(f.name, { boost: f.boost })
  docs.forEach((d, i) => {
    try {
      builder.add(
        {
          id: String(i),
          title: d.title,
          alsoSearchedAs: d.alsoSearchedAs,
          summary: d.summary,
          headings: d.headings,
          body: d.body,
        },
        { boost: TYPE_BOOSTS[d.type] ?? 1 },
      )
    } catch (cause) {
      throw new SearchIndexBuildError(`Search index build failed at ${d.url}: ${(cause as Error).message}`, {
        cause,
      })
    }
  })
  return builder.build()
}

/**
 * Per term, per field: flat [doc, weight…] postings read from a whole lunr index's field vectors,
 * documents ascending. The reference `termWeights` is checked against (tests, benchmark).
 */
export const lunrPostings = (index: lunr.Index): TermPostings => {
  // Typed by the augmentation in lunrInternals.ts (lunr's published types leave these out).
  const { invertedIndex, fieldVectors } = index
  const termByIndex: string[] = []
  for (const [term, posting] of Object.entries(invertedIndex)) termByIndex[posting._index] = term
  const fieldIndex = new Map(SEARCH_FIELDS.map((f, i) => [f.name as string, i]))
  const pairs = new Map<string, [number, number][][]>()
  for (const [fieldRef, vector] of Object.entries(fieldVectors)) {
    const slash = fieldRef.indexOf('/')
    const field = fieldIndex.get(fieldRef.slice(0, slash))!
    const doc = Number(fieldRef.slice(slash + 1))
    const el = vector.elements
    for (let i = 0; i < el.length; i += 2) {
      const term = termByIndex[el[i]]
      let perField = pairs.get(term)
      if (!perField) pairs.set(term, (perField = SEARCH_FIELDS.map(() => [])))
      perField[field].push([doc, el[i + 1]])
    }
  }
  const out: TermPostings = new Map()
  for (const [term, perField] of pairs)
    out.set(
      term,
      perField.map((list) => list.sort((a, b) => a[0] - b[0]).flat()),
    )
  return out
}

/** Every term's postings over the documents: lunr's weights (see weights.ts), without building a lunr index. */
export const searchPostings = (docs: SearchDocument[]): TermPostings => {
  try {
    return termWeights(
      docs.map((d) => ({ fields: d, boost: TYPE_BOOSTS[d.type] ?? 1 })),
      SEARCH_FIELDS,
    )
  } catch (cause) {
    if (!(cause instanceof WeighError)) throw cause
    throw new SearchIndexBuildError(`Search index build failed at ${docs[cause.doc].url}: ${cause.message}`, {
      cause,
    })
  }
}

/**
 * A term's postings as the shards store them: per field, the documents (ascending, as gaps from
 * the one before) and their weights in thousandths (lunr's weights have three decimals, so
 * thousandths / 1000 is the same number, and gzip packs whole numbers better).
 * @example shardPostings([[3, 1.5], [0, 0.25, 3, 0.001]]) // [[[3], [1500]], [[0, 3], [250, 1]]]
 */
export const shardPostings = (perField: number[][]): ShardPostings =>
  perField.map((flat) => {
    const gaps: number[] = []
    const weights: number[] = []
    for (let i = 0; i < flat.length; i += 2) {
      gaps.push(flat[i] - (i ? flat[i - 2] : 0))
      weights.push(Math.round(flat[i + 1] * WEIGHT_SCALE))
    }
    return [gaps, weights]
  })

/**
 * Packs the sorted terms into shards of consecutive terms, each up to `maxBytes` of JSON (a term
 * bigger than that has a shard of its own), so a query needs few files, and the words a word being
 * typed may become sit together in one or two of them. A shard is named by its first term.
 */
export const planShards = (sizes: Map<string, number>, maxBytes: number): Map<string, string[]> => {
  const shards = new Map<string, string[]>()
  let current: string[] = []
  let bytes = 0
  for (const term of [...sizes.keys()].sort()) {
    const size = sizes.get(term)!
    if (current.length && bytes + size > maxBytes) {
      shards.set(current[0], current)
      current = []
      bytes = 0
    }
    current.push(term)
    bytes += size
  }
  if (current.length) shards.set(current[0], current)
  return shards
}

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
 * The postings cut into term shards, with each shard's terms in order (an object's keys are not:
 * "91" would come first); every term's postings go into `hash`, so the build id covers the weights.
 */
const termShardsOf = (
  postings: TermPostings,
  maxShardBytes: number,
  hash: Hash,
): { termShards: Map<string, TermShard>; shardTerms: string[][] } => {
  const encoded = new Map<string, ShardPostings>()
  const sizes = new Map<string, number>()
  for (const [term, perField] of postings) {
    // lunr's trimmer can leave an empty term (from "–" or "…"): nothing to find by, and no file name.
    if (term === '') continue
    const e = shardPostings(perField)
    encoded.set(term, e)
    const json = JSON.stringify(e)
    hash.update(term).update(json)
    sizes.set(term, json.length + term.length + 4)
  }
  const plan = planShards(sizes, maxShardBytes)
  const termShards = new Map<string, TermShard>()
  for (const [key, terms] of plan)
    termShards.set(key, Object.fromEntries(terms.map((t) => [t, encoded.get(t)!])))
  return { termShards, shardTerms: [...plan.values()] }
}

/** Cuts a list into blocks of `size`. */
const blocks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))

/** Builds every file of the search index from the documents. */
export const buildSearchIndex = (
  docs: SearchDocument[],
  { maxShardBytes = 8_000, titleBlockSize = 8, summaryBlockSize = 50 }: BuildOptions = {},
): SearchIndexFiles => {
  // The build id covers every file, the weights included, so a browser never mixes two builds' files.
  const hash = createHash('sha256')
  const { termShards, shardTerms } = termShardsOf(searchPostings(docs), maxShardBytes, hash)
  const types = SEARCH_TYPES.map((t) => t.value as string)
  const docTypes = docs.map((d) => types.indexOf(d.type))
  const affixes = types.map((t) => urlAffixes(docs.filter((d) => d.type === t).map((d) => d.url)))
  const manifestBody = {
    version: 4 as const,
    fields: SEARCH_FIELDS.map((f) => f.name as string),
    types,
    docTypes,
    titleBlockSize,
    summaryBlockSize,
    shardTerms,
    urlAffixes: affixes,
  }
  const middles = docs.map((d, i) =>
    d.url.slice(affixes[docTypes[i]][0].length, d.url.length - affixes[docTypes[i]][1].length),
  )
  docs.forEach((d, i) => {
    if (docUrl(manifestBody, i, middles[i]) !== d.url)
      throw new SearchIndexBuildError(
        `Search index build failed at ${d.url}: its address could not be stored compactly.`,
      )
  })
  const titleBlocks = blocks(
    docs.map((d, i): [string, string] => [middles[i], d.title]),
    titleBlockSize,
  )
  const summaryBlocks = blocks(
    docs.map((d) => d.summary),
    summaryBlockSize,
  )
  const nations = docs.map((d) =>
    SEARCH_NATIONS.reduce((bits, n, i) => (d.nations.includes(n.value) ? bits | (1 << i) : bits), 0),
  )
  const build = hash
    .update(JSON.stringify([manifestBody, titleBlocks, summaryBlocks, nations]))
    .digest('hex')
    .slice(0, 12)
  return { manifest: { ...manifestBody, build }, termShards, titleBlocks, summaryBlocks, nations }
}

/** Every file of the index as path → JSON text (for writing to disk, benchmarks and tests). */
export const serialiseSearchIndex = (files: SearchIndexFiles): Map<string, string> => {
  const out = new Map<string, string>([[searchIndexPaths.manifest(), JSON.stringify(files.manifest)]])
  for (const [key, shard] of files.termShards) out.set(searchIndexPaths.terms(key), JSON.stringify(shard))
  files.titleBlocks.forEach((b, i) => out.set(searchIndexPaths.titles(i), JSON.stringify(b)))
  files.summaryBlocks.forEach((b, i) => out.set(searchIndexPaths.summaries(i), JSON.stringify(b)))
  out.set(searchIndexPaths.nations(), JSON.stringify(files.nations))
  return out
}
