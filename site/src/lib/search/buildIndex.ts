/**
 * Builds the search index at site-build time, designed to be fetched in small pieces.
 *
 * A whole lunr index over 1,000 guides is about 1.7 MiB gzip, all needed before the first
 * result. Here lunr builds the same index (tokenizer, stemmer, BM25 weights with field boosts) and
 * it is then cut up:
 * - `manifest.json`: the vocabulary (every stemmed term, for typo and prefix matching), the shard
 *   keys, each document's type and nations (for filters), and its title and address in a compact
 *   form, so results can be shown once the query's shards arrive. Loaded when the search box gets focus.
 * - `terms/<key>.json`: the weighted postings of the terms starting with `key`. A query fetches
 *   only the shards of its own terms.
 * - `docs/<n>.json`: summaries, in blocks, fetched for the results shown (they fill in after the titles).
 * The browser scores with lunr's formula over just the postings a query needs (query.ts): a
 * document's score uses only the weights of the query's terms, so it is the score the whole index
 * would give.
 */
import { createHash } from 'node:crypto'
import lunr from 'lunr'
import { BASE_PREFIX_LENGTH } from './analyse'
import { SEARCH_FIELDS, SEARCH_NATIONS, SEARCH_TYPES, type SearchDocument } from './documents'
import { docUrl, searchIndexPaths, type DocBlock, type SearchManifest, type TermShard } from './files'

export type { DocBlock, SearchManifest, TermShard }

export type SearchIndexFiles = {
  manifest: SearchManifest
  /** Keyed by shard key (not file name). */
  termShards: Map<string, TermShard>
  docBlocks: DocBlock[]
}

export type BuildOptions = {
  /** Largest shard, in bytes of JSON, before it is split by a longer prefix. */
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

/** The whole lunr index over the documents, as one piece (what the shards are cut from). */
export const buildLunr = (docs: SearchDocument[]): lunr.Index => {
  const builder = new lunr.Builder()
  builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer)
  builder.searchPipeline.add(lunr.stemmer)
  builder.ref('id')
  for (const f of SEARCH_FIELDS) builder.field(f.name, { boost: f.boost })
  docs.forEach((d, i) => {
    try {
      builder.add(
        { id: String(i), title: d.title, alsoSearchedAs: d.alsoSearchedAs, summary: d.summary, headings: d.headings, body: d.body },
        { boost: TYPE_BOOSTS[d.type] ?? 1 },
      )
    } catch (cause) {
      throw new SearchIndexBuildError(`Search index build failed at ${d.url}: ${(cause as Error).message}`, { cause })
    }
  })
  return builder.build()
}

/** Per term, per field: postings sorted by document, read from lunr's field vectors. */
const postingsOf = (index: lunr.Index, fieldCount: number): Map<string, [number, number][][]> => {
  const { invertedIndex, fieldVectors } = index as unknown as {
    invertedIndex: Record<string, { _index: number }>
    fieldVectors: Record<string, lunr.Vector & { elements: number[] }>
  }
  const termByIndex: string[] = []
  for (const [term, posting] of Object.entries(invertedIndex)) termByIndex[posting._index] = term
  const fieldIndex = new Map(SEARCH_FIELDS.map((f, i) => [f.name as string, i]))
  const out = new Map<string, [number, number][][]>()
  for (const [fieldRef, vector] of Object.entries(fieldVectors)) {
    const slash = fieldRef.indexOf('/')
    const field = fieldIndex.get(fieldRef.slice(0, slash))!
    const doc = Number(fieldRef.slice(slash + 1))
    const el = vector.elements
    for (let i = 0; i < el.length; i += 2) {
      const term = termByIndex[el[i]]
      let perField = out.get(term)
      if (!perField) out.set(term, (perField = Array.from({ length: fieldCount }, () => [])))
      perField[field].push([doc, el[i + 1]])
    }
  }
  for (const perField of out.values()) for (const list of perField) list.sort((a, b) => a[0] - b[0])
  return out
}

/** Gap-encodes a posting list (smaller once gzipped): [doc, w, doc, w] → [doc, w, gap, w]. */
const encodePostings = (list: [number, number][]): number[] => {
  const flat: number[] = []
  let last = 0
  for (const [doc, w] of list) {
    flat.push(doc - last, w)
    last = doc
  }
  return flat
}

/** Groups terms into shards by prefix, lengthening the prefix of any group over the size limit. */
export const planShards = (sizes: Map<string, number>, maxBytes: number): Map<string, string[]> => {
  const shards = new Map<string, string[]>()
  const place = (terms: string[], prefixLength: number) => {
    const groups = new Map<string, string[]>()
    for (const t of terms) {
      const key = t.slice(0, prefixLength)
      const g = groups.get(key)
      if (g) g.push(t)
      else groups.set(key, [t])
    }
    for (const [key, group] of groups) {
      const bytes = group.reduce((n, t) => n + (sizes.get(t) ?? 0), 0)
      const longer = group.filter((t) => t.length > prefixLength)
      if (bytes <= maxBytes || longer.length === 0) {
        shards.set(key, group)
        continue
      }
      const here = group.filter((t) => t.length <= prefixLength)
      if (here.length) shards.set(key, here)
      place(longer, prefixLength + 1)
    }
  }
  place([...sizes.keys()], BASE_PREFIX_LENGTH)
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
export const buildSearchIndex = (docs: SearchDocument[], { maxShardBytes = 12_000, docBlockSize = 50 }: BuildOptions = {}): SearchIndexFiles => {
  const index = buildLunr(docs)
  const fields = SEARCH_FIELDS.map((f) => f.name as string)
  const postings = postingsOf(index, fields.length)

  const encoded = new Map<string, number[][]>()
  const sizes = new Map<string, number>()
  for (const [term, perField] of postings) {
    // lunr's trimmer can leave an empty term (from "–" or "…"): nothing to find by, and no file name.
    if (term === '') continue
    const e = perField.map(encodePostings)
    encoded.set(term, e)
    sizes.set(term, JSON.stringify(e).length + term.length + 4)
  }
  const plan = planShards(sizes, maxShardBytes)
  const termShards = new Map<string, TermShard>()
  for (const [key, terms] of [...plan].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const shard: TermShard = {}
    for (const t of terms.sort()) shard[t] = encoded.get(t)!
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
    version: 2 as const,
    fields,
    types,
    docTypes,
    docNations: docs.map((d) => SEARCH_NATIONS.reduce((bits, n, i) => (d.nations.includes(n.value) ? bits | (1 << i) : bits), 0)),
    docBlockSize,
    shards: [...termShards.keys()],
    vocab: [...encoded.keys()].sort(),
    urlAffixes: affixes,
    docs: docs.map((d, i): [string, string] => [d.url.slice(affixes[docTypes[i]][0].length, d.url.length - affixes[docTypes[i]][1].length), d.title]),
  }
  docs.forEach((d, i) => {
    if (docUrl(manifestBody, i) !== d.url) throw new SearchIndexBuildError(`Search index build failed at ${d.url}: its address could not be stored compactly.`)
  })
  const build = createHash('sha256').update(JSON.stringify(manifestBody)).update(JSON.stringify(docBlocks)).digest('hex').slice(0, 12)
  return { manifest: { ...manifestBody, build }, termShards, docBlocks }
}

/** Every file of the index as path → JSON text (for writing to disk, benchmarks and tests). */
export const serialiseSearchIndex = (files: SearchIndexFiles): Map<string, string> => {
  const out = new Map<string, string>([[searchIndexPaths.manifest(), JSON.stringify(files.manifest)]])
  for (const [key, shard] of files.termShards) out.set(searchIndexPaths.terms(key), JSON.stringify(shard))
  files.docBlocks.forEach((b, i) => out.set(searchIndexPaths.docs(i), JSON.stringify(b)))
  return out
}
