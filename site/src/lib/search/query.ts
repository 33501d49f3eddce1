/**
 * Answers a query from the sharded index (see buildIndex.ts). Runs the same in the browser (files
 * fetched over HTTP) and in Node (tests and benchmarks read them from memory or disk).
 */
import lunr from 'lunr'
import { analyse, shardKeyFor } from './analyse'
import { TokenSets } from './lunrInternals'
import { docUrl, searchIndexPaths, type DocBlock, type SearchManifest, type TermShard } from './files'
import { SEARCH_NATIONS } from './documents'

/** Reads one index file by its path under /search-index/ and returns the parsed JSON. */
export type SearchFileLoader = (path: string) => Promise<unknown>

export type SearchFilters = { type?: string | null; nation?: string | null }

/** One result. `summary` is empty until the summaries arrive (see SearchClient#withSummaries). */
export type SearchHit = { doc: number; url: string; title: string; summary: string; type: string; score: number; terms: string[] }

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
/** A word being typed starts its shards loading once it has this many letters (shard keys are at least this long). */
export const PREFETCH_PREFIX_LENGTH = 2
/** At most this many shards are loaded ahead for one word being typed. */
export const MAX_PREFETCH_SHARDS = 6

/** The vocabulary as a lunr token set, so lunr's own fuzzy and wildcard matching can run against it. */
export type Vocabulary = { terms: ReadonlySet<string>; tokenSet: lunr.TokenSet }

/** Builds the vocabulary lookups from the manifest's sorted term list. */
export const vocabularyOf = (sortedTerms: readonly string[]): Vocabulary => ({
  terms: new Set(sortedTerms),
  tokenSet: TokenSets.fromArray([...sortedTerms]),
})

const expand = (tokenSet: lunr.TokenSet, vocab: Vocabulary): string[] =>
  vocab.tokenSet
    .intersect(tokenSet)
    .toArray()
    .sort((a, b) => a.length - b.length || (a < b ? -1 : 1))
    .slice(0, MAX_EXPANSIONS)

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
    if (t.term.length >= MIN_TYPO_LENGTH) for (const e of expand(TokenSets.fromFuzzyString(t.term, 1), vocab)) add(e, 'typo')
    // Still being typed: the last word, with nothing after it (not even a space or a stop word).
    const unfinished = i === tokens.length - 1 && t.start + t.length === query.length
    if (unfinished && t.word.length >= MIN_PREFIX_LENGTH) {
      const why = vocab.terms.has(t.term) ? 'longerWord' : 'prefix'
      for (const e of expand(TokenSets.fromString(`${t.word}*`), vocab)) add(e, why)
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
export const scoreClauses = (clauses: readonly QueryClause[], postings: (term: string) => number[][] | undefined, docCount: number): ScoredDoc[] => {
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

/** Searches the sharded index, loading each file once, only when a query needs it. */
export class SearchClient {
  private manifest?: Promise<{ manifest: SearchManifest; vocab: Vocabulary; keys: Set<string> }>
  private shards = new Map<string, Promise<TermShard>>()
  private blocks = new Map<number, Promise<DocBlock>>()

  constructor(private readonly load: SearchFileLoader) {}

  private file<T>(path: string): Promise<T> {
    return this.load(path).then(
      (v) => v as T,
      (cause) => {
        throw new SearchLoadError(`Could not load the search index file ${path}: ${(cause as Error).message}`, { cause })
      },
    )
  }

  /** Loads the manifest (once). Call it when the search box is first used, to be ready before the first word. */
  ready() {
    this.manifest ??= this.file<SearchManifest>(searchIndexPaths.manifest()).then((manifest) => ({
      manifest,
      vocab: vocabularyOf(manifest.vocab),
      keys: new Set(manifest.shards),
    }))
    this.manifest.catch(() => (this.manifest = undefined))
    return this.manifest
  }

  private shard(key: string): Promise<TermShard> {
    let p = this.shards.get(key)
    if (!p) {
      p = this.file<TermShard>(searchIndexPaths.terms(key))
      p.catch(() => this.shards.delete(key))
      this.shards.set(key, p)
    }
    return p
  }

  private block(n: number): Promise<DocBlock> {
    let p = this.blocks.get(n)
    if (!p) {
      p = this.file<DocBlock>(searchIndexPaths.docs(n))
      p.catch(() => this.blocks.delete(n))
      this.blocks.set(n, p)
    }
    return p
  }

  /**
   * Starts loading the shards the word being typed may need: every shard whose key starts with its
   * first letters, as soon as it has them. By the time the word is finished (and its prefix
   * matches are looked up) they are here, so a key press rarely waits for the network.
   */
  async prefetch(query: string): Promise<void> {
    const { keys } = await this.ready()
    const last = /([a-z0-9]+)$/.exec(query.toLowerCase())?.[1]
    if (!last || last.length < PREFETCH_PREFIX_LENGTH) return
    const start = last.slice(0, PREFETCH_PREFIX_LENGTH)
    const wanted = [...keys].filter((k) => k.startsWith(start) && (k.length <= last.length ? last.startsWith(k) : k.startsWith(last)))
    await Promise.all(wanted.slice(0, MAX_PREFETCH_SHARDS).map((k) => this.shard(k).catch(() => undefined)))
  }

  /**
   * The best `limit` results for a query, after filters, and how many matched in all, with titles
   * and addresses from the manifest but no summaries yet: one round trip (the query's term shards,
   * all fetched at once) after the manifest. Pass the results to `withSummaries` to fill them in.
   */
  async searchTitles(query: string, filters: SearchFilters = {}, limit = 20): Promise<SearchResults> {
    const { manifest, vocab, keys } = await this.ready()
    const clauses = planQuery(query, vocab)
    if (!clauses.length) return { query, hits: [], total: 0 }

    const shardOf = new Map(clauses.map((c) => [c.term, shardKeyFor(c.term, keys)!]))
    const loaded = new Map<string, TermShard>()
    await Promise.all([...new Set(shardOf.values())].map(async (k) => loaded.set(k, await this.shard(k))))
    const results = scoreClauses(clauses, (term) => loaded.get(shardOf.get(term)!)?.[term], manifest.docTypes.length).filter((r) =>
      passesFilters(manifest, r.doc, filters),
    )
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

  /** The same results with each hit's summary, loading the blocks that hold them. */
  async withSummaries(results: SearchResults): Promise<SearchResults> {
    const { manifest } = await this.ready()
    const blockOf = (doc: number) => Math.floor(doc / manifest.docBlockSize)
    const blockNos = [...new Set(results.hits.map((h) => blockOf(h.doc)))]
    const blocks = new Map(await Promise.all(blockNos.map(async (n) => [n, await this.block(n)] as const)))
    return { ...results, hits: results.hits.map((h) => ({ ...h, summary: blocks.get(blockOf(h.doc))![h.doc % manifest.docBlockSize] })) }
  }

  /** The best `limit` results for a query, after filters, with summaries, and how many matched in all. */
  async search(query: string, filters: SearchFilters = {}, limit = 20): Promise<SearchResults> {
    return this.withSummaries(await this.searchTitles(query, filters, limit))
  }
}
