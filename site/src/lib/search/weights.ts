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
import lunr from 'lunr'
import { averageLength, lunrIdf, lunrWeight } from '../../../../content-models/search/bm25'
import type { SearchField } from './documents'

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
      else {
        const term = (lunr.stemmer(kept) as lunr.Token).toString()
        id = this.byTerm.get(term)
        if (id === undefined) {
          id = this.terms.push(term) - 1
          this.byTerm.set(term, id)
        }
      }
      this.byWord.set(word, id)
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
export type TermFrequencies = { terms: Map<string, number[][]>; lengths: Int32Array[] }

/**
 * Every term's frequency in every field of every document, and every field's length in every
 * document, as lunr.Builder#add counts them (documents numbered in the order given).
 */
export const termFrequencies = (
  docs: readonly WeighedDocument[],
  fields: readonly WeightedField[],
): TermFrequencies => {
  const vocab = new TermNumbers()
  const n = docs.length
  const lengths: Int32Array[] = fields.map(() => new Int32Array(n))
  const postings: number[][][] = []
  let counts = new Int32Array(1024)
  const seen: number[] = []
  for (let d = 0; d < n; d++) {
    for (let f = 0; f < fields.length; f++) {
      let words: string[]
      try {
        words = wordsOf(docs[d].fields[fields[f].name])
      } catch (cause) {
        throw new WeighError(d, cause)
      }
      let length = 0
      for (const w of words) {
        const id = vocab.idOf(w)
        if (id < 0) continue
        if (id >= counts.length) counts = grow(counts, id)
        length++
        if (counts[id]++ === 0) seen.push(id)
      }
      for (const id of seen) {
        postings[id] ??= fields.map(() => [])
        postings[id][f].push(d, counts[id])
        counts[id] = 0
      }
      seen.length = 0
      lengths[f][d] = length
    }
  }
  return { terms: new Map(vocab.terms.map((term, id) => [term, postings[id]])), lengths }
}

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
