/**
 * Answers a query from the sharded index (see buildIndex.ts). Runs the same in the browser (files
 * fetched over HTTP) and in Node (tests and benchmarks read them from memory or disk).
 */
import { analyse, shardFor, shardsForPrefix } from './analyse'
import { docUrl, searchIndexPaths, type DocBlock, type SearchManifest, type TermShard } from './files'
import { SEARCH_NATIONS } from './documents'

/**
 * Reads one index file by its path under /search-index/ and returns the parsed JSON. Every file
 * after the manifest comes with the manifest's build, for the browser to put in the address, so a
 * cached file of an older build is never mixed with a newer manifest.
 */
export type SearchFileLoader = (path: string, build?: string) => Promise<unknown>

export type SearchFilters = { type?: string | null; nation?: string | null }

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

/** One term to look up, and how much a match on it counts. */
export type QueryClause = { term: string; boost: number; why: keyof typeof CLAUSE_BOOSTS }

/** How much a match counts when it is not the word typed; a longer word is a weaker guess once the typed word is a word itself. */
export const CLAUSE_BOOSTS = { exact: 1, prefix: 0.6, longerWord: 0.2, typo: 0.3 } as const
/** Terms (as stemmed) this long or longer may have one typo (lunr's `~1`); shorter ones are too close to other words ("sack", "sick"). */
export const MIN_TYPO_LENGTH = 5
/** The last, unfinished word is matched as a prefix once it is this long. */
export const MIN_PREFIX_LENGTH = 3
/** At most this many words are tried for an unfinished word or a typo. */
export const MAX_EXPANSIONS = 12
/** A word being typed starts its shards loading once it has this many letters. */
export const PREFETCH_PREFIX_LENGTH = 2
/** At most this many shards are loaded ahead for one word being typed. */
export const MAX_PREFETCH_SHARDS = 6

/**
 * The vocabulary, with what typo and prefix matching need, built once per page: the sorted terms
 * (a prefix is a binary search away), the terms grouped by length (a word one typo away is at most
 * one letter longer or shorter, so only three groups are compared with it), and each word's
 * matches, so a word already typed costs nothing on the next key.
 */
export class Vocabulary {
  readonly terms: ReadonlySet<string>
  private byLength?: Map<number, string[]>
  private readonly typos = new Map<string, string[]>()
  private readonly prefixes = new Map<string, string[]>()

  constructor(private readonly sorted: readonly string[]) {
    this.terms = new Set(sorted)
  }

  /**
   * Up to MAX_EXPANSIONS indexed terms one typo from `term`, shortest first: what lunr's `term~1`
   * matches (one letter added, dropped or changed, or two next to each other swapped), without
   * building lunr's token sets, which took tens of milliseconds on the first query.
   */
  typoMatches(term: string): string[] {
    let found = this.typos.get(term)
    if (!found) {
      if (!this.byLength) {
        this.byLength = new Map()
        for (const t of this.sorted) {
          const group = this.byLength.get(t.length)
          if (group) group.push(t)
          else this.byLength.set(t.length, [t])
        }
      }
      const all: string[] = []
      for (let n = term.length - 1; n <= term.length + 1; n++)
        for (const t of this.byLength.get(n) ?? []) if (oneEditApart(term, t)) all.push(t)
      this.typos.set(term, (found = shortestFirst(all)))
    }
    return found
  }

  /** Up to MAX_EXPANSIONS indexed terms that start with `word` (lunr's `word*`), shortest first. */
  prefixMatches(word: string): string[] {
    let found = this.prefixes.get(word)
    if (!found) {
      const all: string[] = []
      for (
        let i = lowerBound(this.sorted, word);
        i < this.sorted.length && this.sorted[i].startsWith(word);
        i++
      )
        all.push(this.sorted[i])
      this.prefixes.set(word, (found = shortestFirst(all)))
    }
    return found
  }
}

/**
 * True when `b` is `a`, or `a` with one letter added, dropped or changed, or two neighbouring
 * letters swapped (what lunr's fuzzy matching with an edit distance of 1 accepts).
 * @example oneEditApart('holiday', 'holliday') // true
 */
export const oneEditApart = (a: string, b: string): boolean => {
  if (a.length === b.length) {
    let i = 0
    while (i < a.length && a[i] === b[i]) i++
    if (i === a.length) return true
    // One letter changed, or this letter and the next swapped; the rest must be the same.
    const rest = (from: number) => a.slice(from) === b.slice(from)
    return rest(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(i + 2))
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a]
  if (long.length - short.length !== 1) return false
  let i = 0
  while (i < short.length && short[i] === long[i]) i++
  return short.slice(i) === long.slice(i + 1)
}

/** The first index in a sorted list whose item is not before `word`. */
const lowerBound = (sorted: readonly string[], word: string): number => {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid] < word) lo = mid + 1
    else hi = mid
  }
  return lo
}

const shortestFirst = (terms: string[]): string[] =>
  terms.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, MAX_EXPANSIONS)

/** The vocabulary lookups for the manifest's sorted term list. */
export const vocabularyOf = (sortedTerms: readonly string[]): Vocabulary => new Vocabulary(sortedTerms)

/**
 * Turns what someone typed into the terms to look up: each word stemmed as the index was; a stem of
 * 5 letters or more also matches indexed words one typo away; and while the last word is still being
 * typed (no space after it), it also matches words it starts.
 * @example planQuery('holliday', vocab) // [{ term: 'holiday', boost: 0.3, why: 'typo' }, …]
 */
export const planQuery = (query: string, vocab: Vocabulary): QueryClause[] => {
  const clauses = new Map<string, QueryClause>()
  const add = (term: string, why: QueryClause['why']) => {
    const boost = CLAUSE_BOOSTS[why]
    const had = clauses.get(term)
    if (!had || had.boost < boost) clauses.set(term, { term, boost, why })
  }
  const tokens = analyse(query)
  tokens.forEach((t, i) => {
    if (vocab.terms.has(t.term)) add(t.term, 'exact')
    if (t.term.length >= MIN_TYPO_LENGTH) for (const e of vocab.typoMatches(t.term)) add(e, 'typo')
    // Still being typed: the last word, with nothing after it (not even a space or a stop word).
    const unfinished = i === tokens.length - 1 && t.start + t.length === query.length
    if (unfinished && t.word.length >= MIN_PREFIX_LENGTH) {
      const why = vocab.terms.has(t.term) ? 'longerWord' : 'prefix'
      for (const e of vocab.prefixMatches(t.word)) add(e, why)
    }
  })
  return [...clauses.values()]
}

/** A matched document: its number, lunr's score, and which clauses matched it. */
export type ScoredDoc = { doc: number; score: number; clauses: number[] }

/**
 * Scores documents exactly as lunr.Index#query does, from lunr's own BM25 field weights, without
 * lunr's per-match bookkeeping (which takes hundreds of milliseconds once a common word like "pay"
 * matches most documents). lunr gives each field the query vector q (a clause's boost per term, in
 * every field) and scores a document by Σ over fields of (q · the document's field vector) / |q|.
 * Ties keep document order, as lunr's do.
 */
export const scoreClauses = (
  clauses: readonly QueryClause[],
  postings: (term: string) => number[][] | undefined,
  docCount: number,
): ScoredDoc[] => {
  const scores = new Float64Array(docCount)
  const matched: (number[] | undefined)[] = new Array(docCount)
  let norm = 0
  clauses.forEach((clause, c) => {
    const perField = postings(clause.term)
    if (!perField) return
    norm += clause.boost * clause.boost
    for (const flat of perField) {
      let doc = 0
      for (let j = 0; j < flat.length; j += 2) {
        doc += flat[j]
        scores[doc] += clause.boost * flat[j + 1]
        const m = matched[doc]
        if (!m) matched[doc] = [c]
        else if (m[m.length - 1] !== c) m.push(c)
      }
    }
  })
  const magnitude = Math.sqrt(norm)
  const out: ScoredDoc[] = []
  for (let doc = 0; doc < docCount; doc++) {
    const m = matched[doc]
    if (m) out.push({ doc, score: scores[doc] / magnitude, clauses: m })
  }
  return out.sort((a, b) => b.score - a.score)
}

/** True when a document passes the type and nation filters; documents not tied to a nation pass any nation. */
export const passesFilters = (manifest: SearchManifest, doc: number, filters: SearchFilters): boolean => {
  if (filters.type && manifest.types[manifest.docTypes[doc]] !== filters.type) return false
  if (filters.nation) {
    const bit = SEARCH_NATIONS.findIndex((n) => n.value === filters.nation)
    const nations = manifest.docNations[doc]
    if (bit >= 0 && nations !== 0 && (nations & (1 << bit)) === 0) return false
  }
  return true
}

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
