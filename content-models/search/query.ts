/**
 * Answers a query from the sharded index (files.ts; written by buildIndex.ts). Runs the same in the browser (files
 * fetched over HTTP) and in Node (tests and benchmarks read them from memory or disk). The client
 * here loads the files; planning the query (planQuery.ts), matching words (vocabulary.ts) and
 * scoring (score.ts) are plain functions beside it.
 */
import { shardFor, shardsForPrefix } from './analyse'
import { FileCache } from './fileCache'
import {
  blockOf,
  docUrl,
  readTitleEntry,
  searchFileQueries,
  searchIndexPaths,
  shardKeys,
  shardTermsOf,
  type LengthTable,
  type NationList,
  type SearchManifest,
  type SummaryBlock,
  type TermShard,
  type TitleBlock,
} from './files'
import { planQuery, type QueryClause } from './planQuery'
import {
  filterOf,
  indexStats,
  Scorer,
  weighPostings,
  type IndexStats,
  type Ranked,
  type SearchFilters,
  type WeighedPostings,
} from './score'
import { vocabularyOf, type Vocabulary } from './vocabulary'

export type { SearchFilters }

/**
 * Reads one index file by its path under /search-index/ and returns the parsed JSON. Every file
 * after the manifest comes with what follows its path in its address (`?g=<its generation>`, from the
 * manifest: files.ts, searchFileQueries), for the browser to ask for: an unchanged file keeps its
 * address from build to build, and a cached file is never one another manifest does not name.
 */
export type SearchFileLoader = (path: string, suffix?: string) => Promise<unknown>

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

/**
 * The manifest, read: what every search needs before it looks at a shard; once the length table is
 * here too, the numbers every weight shares, and each term's weights as they are worked out.
 */
type LoadedManifest = {
  manifest: SearchManifest
  /** What follows each file's path in its address. */
  suffixOf: (path: string) => string
  vocab: Vocabulary
  keys: readonly string[]
  scorer: Scorer
  stats?: IndexStats
  weighed: Map<string, WeighedPostings>
}

/** A query, planned: its clauses, the shards they need, and its filters. */
type Planned = { query: string; clauses: QueryClause[]; shards: string[]; filters: SearchFilters }

const NO_RESULTS = (query: string): SearchResults => ({ query, hits: [], total: 0 })

/**
 * Searches the sharded index, loading each file once, only when a query needs it. Every search can
 * also be asked for synchronously (`searchTitlesNow`): once a query's files are here, its results
 * are ready in the same task as the key press, so they are painted in the next frame.
 */
export class SearchClient {
  private loading?: Promise<LoadedManifest>
  private loaded?: LoadedManifest
  private readonly shards = new FileCache((key: string) => this.file<TermShard>(searchIndexPaths.terms(key)))
  private readonly titles = new FileCache((n: number) => this.file<TitleBlock>(searchIndexPaths.titles(n)))
  private readonly summaries = new FileCache((n: number) =>
    this.file<SummaryBlock>(searchIndexPaths.summaries(n)),
  )
  private readonly nations = new FileCache((_: 0) => this.file<NationList>(searchIndexPaths.nations()))
  private readonly lengths = new FileCache((_: 0) => this.file<LengthTable>(searchIndexPaths.lengths()))

  constructor(private readonly load: SearchFileLoader) {}

  private file<T>(path: string): Promise<T> {
    return this.load(path, this.loaded?.suffixOf(path)).then(
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
      this.loaded = {
        manifest,
        suffixOf: searchFileQueries(manifest),
        vocab: vocabularyOf(shardTermsOf(manifest).flat()),
        keys: shardKeys(manifest),
        scorer: new Scorer(manifest.docTypes.length),
        weighed: new Map(),
      }
      return this.loaded
    })
    this.loading.catch(() => (this.loading = undefined))
    return this.loading
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
    await Promise.all([
      ...shardsForPrefix(last, keys)
        .slice(0, MAX_PREFETCH_SHARDS)
        .map((k) => this.shards.get(k).catch(() => undefined)),
      this.lengths.get(0).catch(() => undefined),
    ])
  }

  private plan(query: string, filters: SearchFilters, { vocab, keys }: LoadedManifest): Planned {
    const clauses = planQuery(query, vocab)
    return { query, clauses, shards: [...new Set(clauses.map((c) => shardFor(c.term, keys)!))], filters }
  }

  /** The nations file when the filter needs it (the key to load), or none. */
  private nationsNeeded(filters: SearchFilters): 0[] {
    return filters.nation ? [0] : []
  }

  /** A term's postings with their weights (worked out once per term); its shard and the length table must be here. */
  private weighed(term: string): WeighedPostings | undefined {
    const loaded = this.loaded!
    let found = loaded.weighed.get(term)
    if (!found) {
      const stored = this.shards.now(shardFor(term, loaded.keys)!)?.[term]
      if (!stored) return undefined
      loaded.stats ??= indexStats(loaded.manifest, this.lengths.now(0)!)
      found = weighPostings(loaded.stats, stored)
      loaded.weighed.set(term, found)
    }
    return found
  }

  /** Ranks a planned query; its shards, the length table (and the nations file, for a nation filter) must be here. */
  private rank({ clauses, filters }: Planned, limit: number): Ranked {
    const { manifest, scorer } = this.loaded!
    return scorer.rank(
      clauses,
      (term) => this.weighed(term),
      filterOf(manifest, filters, this.nations.now(0)),
      limit,
    )
  }

  private titleBlocks({ top }: Ranked): number[] {
    const size = this.loaded!.manifest.titleBlockSize
    return [...new Set(top.map((r) => blockOf(r.doc, size)[0]))]
  }

  /** The results of a ranking, with titles and addresses from their blocks (which must be here). */
  private hits({ query, clauses }: Planned, { top, total }: Ranked): SearchResults {
    const { manifest } = this.loaded!
    const hits = top.map(({ doc, score, clauses: matched }) => {
      const [block, at] = blockOf(doc, manifest.titleBlockSize)
      const [urlMiddle, title] = readTitleEntry(this.titles.now(block)![at])
      return {
        doc,
        url: docUrl(manifest, doc, urlMiddle),
        title,
        summary: '',
        type: manifest.types[manifest.docTypes[doc]],
        score,
        terms: matched.map((c) => clauses[c].term),
      }
    })
    return { query, hits, total }
  }

  /**
   * What `searchTitles` would give, at once, when the manifest, the query's shards and the title
   * blocks of its results are already here; undefined when something must be loaded first.
   */
  searchTitlesNow(query: string, filters: SearchFilters = {}, limit = 20): SearchResults | undefined {
    if (!this.loaded) return undefined
    const planned = this.plan(query, filters, this.loaded)
    if (!planned.clauses.length) return NO_RESULTS(query)
    if (
      !this.shards.allHere(planned.shards) ||
      !this.lengths.allHere([0]) ||
      !this.nations.allHere(this.nationsNeeded(filters))
    )
      return undefined
    const ranked = this.rank(planned, limit)
    return this.titles.allHere(this.titleBlocks(ranked)) ? this.hits(planned, ranked) : undefined
  }

  /**
   * The best `limit` results for a query, after filters, and how many matched in all, with titles
   * and addresses but no summaries yet: the query's term shards and the length table (all fetched
   * at once) after the manifest, then the title blocks of the results. Pass the results to `withSummaries` to fill them in.
   */
  async searchTitles(query: string, filters: SearchFilters = {}, limit = 20): Promise<SearchResults> {
    const planned = this.plan(query, filters, await this.ready())
    if (!planned.clauses.length) return NO_RESULTS(query)
    await Promise.all([
      this.shards.getAll(planned.shards),
      this.lengths.get(0),
      this.nations.getAll(this.nationsNeeded(filters)),
    ])
    const ranked = this.rank(planned, limit)
    await this.titles.getAll(this.titleBlocks(ranked))
    return this.hits(planned, ranked)
  }

  /** The results with the summaries already here filled in (the rest stay empty); the same object when none are. */
  summariesNow(results: SearchResults): SearchResults {
    if (!this.loaded) return results
    const size = this.loaded.manifest.summaryBlockSize
    let changed = false
    const hits = results.hits.map((h) => {
      const [block, at] = blockOf(h.doc, size)
      const summary = this.summaries.now(block)?.[at]
      if (summary === undefined || summary === h.summary) return h
      changed = true
      return { ...h, summary }
    })
    return changed ? { ...results, hits } : results
  }

  /** The same results with each hit's summary, loading the blocks that hold them. */
  async withSummaries(results: SearchResults): Promise<SearchResults> {
    const { manifest } = await this.ready()
    await this.summaries.getAll(
      new Set(results.hits.map((h) => blockOf(h.doc, manifest.summaryBlockSize)[0])),
    )
    return this.summariesNow(results)
  }

  /** The best `limit` results for a query, after filters, with summaries, and how many matched in all. */
  async search(query: string, filters: SearchFilters = {}, limit = 20): Promise<SearchResults> {
    return this.withSummaries(await this.searchTitles(query, filters, limit))
  }
}
