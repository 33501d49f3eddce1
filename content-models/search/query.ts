/**
 * Answers a query from the sharded index (see buildIndex.ts). Runs the same in the browser (files
 * fetched over HTTP) and in Node (tests and benchmarks read them from memory or disk). The client
 * here loads the files; planning the query (planQuery.ts), matching words (vocabulary.ts) and
 * scoring (score.ts) are plain functions beside it.
 */
import { shardFor, shardsForPrefix } from './analyse'
import { docUrl, searchIndexPaths, type DocBlock, type SearchManifest, type TermShard } from './files'
import { planQuery, type QueryClause } from './planQuery'
import { passesFilters, scoreClauses, type SearchFilters } from './score'
import { vocabularyOf, type Vocabulary } from './vocabulary'

export type { SearchFilters }

/**
 * Reads one index file by its path under /search-index/ and returns the parsed JSON. Every file
 * after the manifest comes with the manifest's build, for the browser to put in the address, so a
 * cached file of an older build is never mixed with a newer manifest.
 */
export type SearchFileLoader = (path: string, build?: string) => Promise<unknown>

/** One result. `summary` is empty until the summaries arrive (see SearchClient#withSummaries). */
export type SearchHit = {
  doc: number
  url: string
  title: string
  summary: string
  type: string
  score: number
  terms: string[]
}

export type SearchResults = { query: string; hits: SearchHit[]; total: number }

/** A word being typed starts its shards loading once it has this many letters. */
export const PREFETCH_PREFIX_LENGTH = 2
/** At most this many shards are loaded ahead for one word being typed. */
export const MAX_PREFETCH_SHARDS = 6

/** Raised when an index file cannot be loaded; names the file. */
export class SearchLoadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'SearchLoadError'
  }
}

/** The manifest, read: what every search needs before it looks at a shard. */
type LoadedManifest = { manifest: SearchManifest; vocab: Vocabulary; keys: readonly string[] }

const NO_RESULTS = (query: string): SearchResults => ({ query, hits: [], total: 0 })

/**
 * Searches the sharded index, loading each file once, only when a query needs it. Every search can
 * also be asked for synchronously (`searchTitlesNow`): once a query's files are here, its results
 * are ready in the same task as the key press, so they are painted in the next frame.
 */
export class SearchClient {
  private loading?: Promise<LoadedManifest>
  private loaded?: LoadedManifest
  private shards = new Map<string, Promise<TermShard>>()
  private shardsHere = new Map<string, TermShard>()
  private blocks = new Map<number, Promise<DocBlock>>()
  private blocksHere = new Map<number, DocBlock>()

  constructor(private readonly load: SearchFileLoader) {}

  private file<T>(path: string): Promise<T> {
    return this.load(path, this.loaded?.manifest.build).then(
      (v) => v as T,
      (cause) => {
        throw new SearchLoadError(
          `Could not load the search index file ${path}: ${(cause as Error).message}`,
          { cause },
        )
      },
    )
  }

  /** Loads the manifest (once). Call it when the search box is first used, to be ready before the first word. */
  ready(): Promise<LoadedManifest> {
    this.loading ??= this.file<SearchManifest>(searchIndexPaths.manifest()).then((manifest) => {
      this.loaded = { manifest, vocab: vocabularyOf(manifest.vocab), keys: manifest.shards }
      return this.loaded
    })
    this.loading.catch(() => (this.loading = undefined))
    return this.loading
  }

  private shard(key: string): Promise<TermShard> {
    let p = this.shards.get(key)
    if (!p) {
      p = this.file<TermShard>(searchIndexPaths.terms(key))
      p.then(
        (shard) => this.shardsHere.set(key, shard),
        () => this.shards.delete(key),
      )
      this.shards.set(key, p)
    }
    return p
  }

  private block(n: number): Promise<DocBlock> {
    let p = this.blocks.get(n)
    if (!p) {
      p = this.file<DocBlock>(searchIndexPaths.docs(n))
      p.then(
        (block) => this.blocksHere.set(n, block),
        () => this.blocks.delete(n),
      )
      this.blocks.set(n, p)
    }
    return p
  }

  /**
   * Starts loading the shards the word being typed may need (those holding terms that start with
   * it) from its first two letters on. By the time the word is finished (and its prefix matches
   * are looked up) they are here, so a key press rarely waits for the network.
   */
  async prefetch(query: string): Promise<void> {
    const { keys } = await this.ready()
    const last = /([a-z0-9]+)$/.exec(query.toLowerCase())?.[1]
    if (!last || last.length < PREFETCH_PREFIX_LENGTH) return
    await Promise.all(
      shardsForPrefix(last, keys)
        .slice(0, MAX_PREFETCH_SHARDS)
        .map((k) => this.shard(k).catch(() => undefined)),
    )
  }

  private shardsOf(clauses: readonly QueryClause[], keys: readonly string[]): string[] {
    return [...new Set(clauses.map((c) => shardFor(c.term, keys)!))]
  }

  private rank(
    query: string,
    clauses: readonly QueryClause[],
    filters: SearchFilters,
    limit: number,
  ): SearchResults {
    const { manifest, keys } = this.loaded!
    const results = scoreClauses(
      clauses,
      (term) => this.shardsHere.get(shardFor(term, keys)!)?.[term],
      manifest.docTypes.length,
    ).filter((r) => passesFilters(manifest, r.doc, filters))
    const hits = results.slice(0, limit).map(({ doc, score, clauses: matched }) => ({
      doc,
      url: docUrl(manifest, doc),
      title: manifest.docs[doc][1],
      summary: '',
      type: manifest.types[manifest.docTypes[doc]],
      score,
      terms: matched.map((c) => clauses[c].term),
    }))
    return { query, hits, total: results.length }
  }

  /**
   * What `searchTitles` would give, at once, when the manifest and the query's shards are already
   * here; undefined when something must be loaded first.
   */
  searchTitlesNow(query: string, filters: SearchFilters = {}, limit = 20): SearchResults | undefined {
    if (!this.loaded) return undefined
    const clauses = planQuery(query, this.loaded.vocab)
    if (!clauses.length) return NO_RESULTS(query)
    if (!this.shardsOf(clauses, this.loaded.keys).every((k) => this.shardsHere.has(k))) return undefined
    return this.rank(query, clauses, filters, limit)
  }

  /**
   * The best `limit` results for a query, after filters, and how many matched in all, with titles
   * and addresses from the manifest but no summaries yet: one round trip (the query's term shards,
   * all fetched at once) after the manifest. Pass the results to `withSummaries` to fill them in.
   */
  async searchTitles(query: string, filters: SearchFilters = {}, limit = 20): Promise<SearchResults> {
    const { vocab, keys } = await this.ready()
    const clauses = planQuery(query, vocab)
    if (!clauses.length) return NO_RESULTS(query)
    await Promise.all(this.shardsOf(clauses, keys).map((k) => this.shard(k)))
    return this.rank(query, clauses, filters, limit)
  }

  private blockOf(doc: number): number {
    return Math.floor(doc / this.loaded!.manifest.docBlockSize)
  }

  /** The results with the summaries already here filled in (the rest stay empty); the same object when none are. */
  summariesNow(results: SearchResults): SearchResults {
    if (!this.loaded) return results
    const size = this.loaded.manifest.docBlockSize
    let changed = false
    const hits = results.hits.map((h) => {
      const summary = this.blocksHere.get(this.blockOf(h.doc))?.[h.doc % size]
      if (summary === undefined || summary === h.summary) return h
      changed = true
      return { ...h, summary }
    })
    return changed ? { ...results, hits } : results
  }

  /** The same results with each hit's summary, loading the blocks that hold them. */
  async withSummaries(results: SearchResults): Promise<SearchResults> {
    await this.ready()
    await Promise.all([...new Set(results.hits.map((h) => this.blockOf(h.doc)))].map((n) => this.block(n)))
    return this.summariesNow(results)
  }

  /** The best `limit` results for a query, after filters, with summaries, and how many matched in all. */
  async search(query: string, filters: SearchFilters = {}, limit = 20): Promise<SearchResults> {
    return this.withSummaries(await this.searchTitles(query, filters, limit))
  }
}
