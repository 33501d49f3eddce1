/**
 * lunr's BM25 field weights, computed without lunr.Builder.
 *
 * lunr.Builder#add keeps, for every term of every field of every document, a Token object, a
 * pipeline pass and an entry in its inverted index, then builds a token set we never read: too
 * slow for the publish → live budget (README, "Benchmarks"; scripts/bench/search.ts prints both
 * times). The weights depend only on term frequencies, field lengths and document counts, so
 * those are counted here, with lunr's own tokenizer rule and its own pipeline functions (trimmer,
 * stop-word filter, stemmer: run once per distinct word, then cached); the index stores the
 * frequencies and lengths, and the weights are lunr's formula over them (content-models/search/bm25.ts).
 * tests/unit/searchWeights.test.ts checks every weight against lunr.Builder's.
 */
import { createHash } from 'node:crypto'
import lunr from 'lunr'
import { averageLength, lunrIdf, lunrWeight } from '../../../../content-models/search/bm25'
import type { SearchField } from './documents'
import { TermCacheWriter, type TermCache } from './termCache'

/** lunr.tokenizer's separator (lunr.tokenizer.separator), as one split. */
const SEPARATOR = /[\s-]+/

/** The fields to weigh, in index order, with their boosts. */
export type WeightedField = { name: SearchField | string; boost: number }

/** A document to weigh: its text per field name, and its boost. */
export type WeighedDocument = { fields: Record<string, unknown>; boost: number }

/** Per term: per field (in the order given), flat [doc, weight, doc, weight…], documents ascending. */
export type TermPostings = Map<string, number[][]>

/**
 * The words of a field as lunr.tokenizer cuts them (lower case, split on white space and hyphens),
 * without the Token objects. Anything but a string goes through lunr.tokenizer itself.
 */
const wordsOf = (value: unknown): string[] => {
  if (value === null || value === undefined) return []
  if (typeof value !== 'string') return lunr.tokenizer(value as string).map((t) => t.toString())
  const out: string[] = []
  for (const w of value.toLowerCase().split(SEPARATOR)) if (w !== '') out.push(w)
  return out
}

/**
 * Runs words through the index pipeline (lunr.trimmer, lunr.stopWordFilter, lunr.stemmer), once
 * per distinct word, numbering the terms: a word's term number, or -1 for a stop word. The
 * trimmer can leave an empty term ("–"), which lunr indexes and counts in the field length, and
 * so does this.
 */
class TermNumbers {
  readonly terms: string[] = []
  private readonly byWord = new Map<string, number>()
  private readonly byTerm = new Map<string, number>()

  idOf(word: string): number {
    let id = this.byWord.get(word)
    if (id === undefined) {
      const token = lunr.trimmer(new lunr.Token(word, {})) as lunr.Token
      const kept = lunr.stopWordFilter(token) as lunr.Token | undefined
      if (!kept) id = -1
      else id = this.idOfTerm((lunr.stemmer(kept) as lunr.Token).toString())
      this.byWord.set(word, id)
    }
    return id
  }

  /** A term's number, given it first when new (a term from the last build's analyses is not analysed again). */
  idOfTerm(term: string): number {
    let id = this.byTerm.get(term)
    if (id === undefined) {
      id = this.terms.push(term) - 1
      this.byTerm.set(term, id)
    }
    return id
  }
}

/** Raised with the number of the document whose text could not be read. */
export class WeighError extends Error {
  constructor(
    readonly doc: number,
    cause: unknown,
  ) {
    super((cause as Error)?.message ?? String(cause), { cause })
    this.name = 'WeighError'
  }
}

/** What the index stores: per term, per field, flat [doc, tf, doc, tf…] (documents ascending); per field, every document's length. */
export type TermFrequencies = {
  terms: Map<string, number[][]>
  lengths: Int32Array[]
  /** Given `reuse`: this build's analyses, for the next build (termCache.ts). */
  cache?: TermCache
  /** Given `reuse`: how many documents were analysed rather than taken from the last build's analyses. */
  analysed?: number
}

/** What termFrequencies may take from the last build's analyses, and records for the next build's. */
export type Reuse = {
  /** Each document's fieldsDigest (termCache.ts); undefined: analysed, and not recorded. */
  digests: readonly (string | undefined)[]
  /** The last build's analyses. */
  previous?: TermCache
}

/**
 * Counts the terms of one field of one document at a time, analysed from its text or taken from
 * the last build's record of it, into the postings and lengths (and the record being kept).
 */
class Counter {
  readonly vocab = new TermNumbers()
  readonly postings: number[][][] = []
  /** Where the current document's analysis is recorded; none for a document not kept. */
  recording: TermCacheWriter | undefined
  private counts = new Int32Array(1024)
  private readonly seen: number[] = []

  constructor(
    readonly fields: readonly WeightedField[],
    readonly lengths: Int32Array[],
  ) {}

  /** Analyses field `f` of document `d` from its text. */
  analyse(d: number, f: number, text: unknown): void {
    let words: string[]
    try {
      words = wordsOf(text)
    } catch (cause) {
      throw new WeighError(d, cause)
    }
    let length = 0
    for (const w of words) {
      const id = this.vocab.idOf(w)
      if (id < 0) continue
      if (id >= this.counts.length) this.counts = grow(this.counts, id)
      length++
      if (this.counts[id]++ === 0) this.seen.push(id)
    }
    this.close(d, f, length)
  }

  /**
   * Takes field `f` of document `d` from the last build's record at `at` (TermCache), whose term
   * numbers `ours` maps to this build's (-1: not met yet); returns where the record's next field starts.
   */
  reuse(d: number, f: number, last: TermCache, at: number, ours: Int32Array): number {
    const { data, terms } = last
    const length = data[at]
    const end = at + 2 + 2 * data[at + 1]
    for (let p = at + 2; p < end; p += 2) {
      let id = ours[data[p]]
      if (id < 0) id = ours[data[p]] = this.vocab.idOfTerm(terms[data[p]])
      if (id >= this.counts.length) this.counts = grow(this.counts, id)
      this.counts[id] = data[p + 1]
      this.seen.push(id)
    }
    this.close(d, f, length)
    return end
  }

  /** Adds the field's counts to the postings (and the record), and its length. */
  private close(d: number, f: number, length: number): void {
    this.recording?.push(length, this.seen.length)
    for (const id of this.seen) {
      this.postings[id] ??= this.fields.map(() => [])
      this.postings[id][f].push(d, this.counts[id])
      this.recording?.push(id, this.counts[id])
      this.counts[id] = 0
    }
    this.seen.length = 0
    this.lengths[f][d] = length
  }
}

/**
 * Every term's frequency in every field of every document, and every field's length in every
 * document, as lunr.Builder#add counts them (documents numbered in the order given). Given
 * `reuse`, a document whose digest the last build's analyses hold is taken from them (the same
 * counts: the digest covers the text read here), and every document with a digest is recorded.
 */
export const termFrequencies = (
  docs: readonly WeighedDocument[],
  fields: readonly WeightedField[],
  reuse?: Reuse,
): TermFrequencies => {
  const n = docs.length
  const counter = new Counter(
    fields,
    fields.map(() => new Int32Array(n)),
  )
  const records = reuse ? new TermCacheWriter() : undefined
  const last = reuse?.previous
  const ours = new Int32Array(last?.terms.length ?? 0).fill(-1)
  let analysed = 0
  for (let d = 0; d < n; d++) {
    const digest = reuse?.digests[d]
    counter.recording = digest === undefined ? undefined : records?.start(digest)
    let at = digest === undefined ? undefined : last?.records.get(digest)
    if (at !== undefined) {
      for (let f = 0; f < fields.length; f++) at = counter.reuse(d, f, last!, at, ours)
      continue
    }
    analysed++
    for (let f = 0; f < fields.length; f++) counter.analyse(d, f, docs[d].fields[fields[f].name])
  }
  const { vocab, postings, lengths } = counter
  const terms = new Map(vocab.terms.map((term, id) => [term, postings[id]]))
  return records ? { terms, lengths, cache: records.cache(vocab.terms), analysed } : { terms, lengths }
}

/**
 * The identity of the code that analyses (lunr's version, our tokenizer, pipeline and counting,
 * the fields): a cache made by other code is not used (termCache.ts).
 */
export const analysisCode = (fields: readonly WeightedField[]): string =>
  createHash('sha256')
    .update(
      JSON.stringify([
        lunr.version,
        SEPARATOR.source,
        ...[wordsOf, TermNumbers, Counter, TermCacheWriter].map(String),
        fields.map((f) => f.name),
      ]),
    )
    .digest('base64url')

/**
 * Every term's weight in every field of every document, as lunr.Builder#build would put in its
 * field vectors (bm25.ts), documents numbered in the order given: the reference the browser's
 * weights are checked against (tests, benchmark).
 */
export const termWeights = (
  docs: readonly WeighedDocument[],
  fields: readonly WeightedField[],
): TermPostings => {
  const { terms, lengths } = termFrequencies(docs, fields)
  const n = docs.length
  const stats = fields.map((f, i) => ({
    averageLength: averageLength(
      lengths[i].reduce((a, b) => a + b, 0),
      n,
    ),
    boost: f.boost,
  }))
  const out: TermPostings = new Map()
  for (const [term, perField] of terms) {
    const idf = lunrIdf(
      perField.reduce((pairs, flat) => pairs + flat.length / 2, 0),
      n,
    )
    out.set(
      term,
      perField.map((flat, f) => {
        const weighed: number[] = []
        for (let i = 0; i < flat.length; i += 2) {
          const d = flat[i]
          weighed.push(d, lunrWeight(idf, flat[i + 1], lengths[f][d], stats[f], docs[d].boost))
        }
        return weighed
      }),
    )
  }
  return out
}

const grow = (a: Int32Array<ArrayBuffer>, index: number): Int32Array<ArrayBuffer> => {
  const bigger = new Int32Array(Math.max(a.length * 2, index + 1))
  bigger.set(a)
  return bigger
}
