/**
 * Builds the search index at site-build time, designed to be fetched in small pieces.
 *
 * A whole lunr index is large (README, "Benchmarks"), and all of it is needed before the first
 * result. Here the weights of the same index (lunr's tokenizer, stemmer, BM25 weights with field
 * boosts; computed in weights.ts without lunr.Builder, which is many times slower) are cut up:
 * - `manifest.json`: the vocabulary (every stemmed term, for typo and prefix matching), the shard
 *   keys, each document's type and nations (for filters), and its title and address in a compact
 *   form, so results can be shown once the query's shards arrive. Loaded when the search box gets focus.
 * - `terms/<key>.json`: the weighted postings of a run of consecutive terms (in sorted order, up to
 *   a size), named by its first term. A query fetches only the shards of its own terms, and the
 *   terms a word being typed may become sit together in one or two shards.
 * - `docs/<n>.json`: summaries, in blocks, fetched for the results shown (they fill in after the titles).
 * The browser scores with lunr's formula over just the postings a query needs (query.ts): a
 * document's score uses only the weights of the query's terms, so it is the score the whole index
 * would give.
 */
import { createHash } from 'node:crypto'
import lunr from 'lunr'
import { SEARCH_FIELDS, SEARCH_NATIONS, SEARCH_TYPES, type SearchDocument } from './documents'
import { docUrl, searchIndexPaths, type DocBlock, type SearchManifest, type TermShard } from './files'
import { termWeights, WeighError, type TermPostings } from './weights'

export type { DocBlock, SearchManifest, TermShard }

export type SearchIndexFiles = {
  manifest: SearchManifest
  /** Keyed by shard key (not file name). */
  termShards: Map<string, TermShard>
  docBlocks: DocBlock[]
}

export type BuildOptions = {
  /** Most bytes of JSON in a term shard (a term with more has a shard of its own). */
  maxShardBytes?: number
  docBlockSize?: number
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

/** Gap-encodes a posting list (smaller once gzipped): [doc, w, doc, w] → [doc, w, gap, w]. */
const encodePostings = (flat: number[]): number[] => {
  const out: number[] = new Array(flat.length)
  let last = 0
  for (let i = 0; i < flat.length; i += 2) {
    out[i] = flat[i] - last
    out[i + 1] = flat[i + 1]
    last = flat[i]
  }
  return out
}

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

/** Builds every file of the search index from the documents. */
export const buildSearchIndex = (
  docs: SearchDocument[],
  { maxShardBytes = 24_000, docBlockSize = 200 }: BuildOptions = {},
): SearchIndexFiles => {
  const fields = SEARCH_FIELDS.map((f) => f.name as string)
  const postings = searchPostings(docs)

  const encoded = new Map<string, number[][]>()
  const sizes = new Map<string, number>()
  // The build id covers every file, the weights included, so a browser never mixes two builds' files.
  const hash = createHash('sha256')
  for (const [term, perField] of postings) {
    // lunr's trimmer can leave an empty term (from "–" or "…"): nothing to find by, and no file name.
    if (term === '') continue
    const e = perField.map(encodePostings)
    encoded.set(term, e)
    const json = JSON.stringify(e)
    hash.update(term).update(json)
    sizes.set(term, json.length + term.length + 4)
  }
  const plan = planShards(sizes, maxShardBytes)
  const termShards = new Map<string, TermShard>()
  for (const [key, terms] of plan) {
    const shard: TermShard = {}
    for (const t of terms) shard[t] = encoded.get(t)!
    termShards.set(key, shard)
  }

  const types = SEARCH_TYPES.map((t) => t.value as string)
  const docBlocks: DocBlock[] = []
  for (let i = 0; i < docs.length; i += docBlockSize) {
    docBlocks.push(docs.slice(i, i + docBlockSize).map((d) => d.summary))
  }
  const docTypes = docs.map((d) => types.indexOf(d.type))
  const affixes = types.map((t) => urlAffixes(docs.filter((d) => d.type === t).map((d) => d.url)))
  const manifestBody = {
    version: 3 as const,
    fields,
    types,
    docTypes,
    docNations: docs.map((d) =>
      SEARCH_NATIONS.reduce((bits, n, i) => (d.nations.includes(n.value) ? bits | (1 << i) : bits), 0),
    ),
    docBlockSize,
    shards: [...termShards.keys()],
    vocab: [...encoded.keys()].sort(),
    urlAffixes: affixes,
    docs: docs.map((d, i): [string, string] => [
      d.url.slice(affixes[docTypes[i]][0].length, d.url.length - affixes[docTypes[i]][1].length),
      d.title,
    ]),
  }
  docs.forEach((d, i) => {
    if (docUrl(manifestBody, i) !== d.url)
      throw new SearchIndexBuildError(
        `Search index build failed at ${d.url}: its address could not be stored compactly.`,
      )
  })
  const build = hash
    .update(JSON.stringify(manifestBody))
    .update(JSON.stringify(docBlocks))
    .digest('hex')
    .slice(0, 12)
  return { manifest: { ...manifestBody, build }, termShards, docBlocks }
}

/** Every file of the index as path → JSON text (for writing to disk, benchmarks and tests). */
export const serialiseSearchIndex = (files: SearchIndexFiles): Map<string, string> => {
  const out = new Map<string, string>([[searchIndexPaths.manifest(), JSON.stringify(files.manifest)]])
  for (const [key, shard] of files.termShards) out.set(searchIndexPaths.terms(key), JSON.stringify(shard))
  files.docBlocks.forEach((b, i) => out.set(searchIndexPaths.docs(i), JSON.stringify(b)))
  return out
}
