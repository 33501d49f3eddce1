/**
 * lunr's BM25 field weights, computed without lunr.Builder.
 *
 * lunr.Builder#add keeps, for every term of every field of every document, a Token object, a
 * pipeline pass and an entry in its inverted index, then builds a token set we never read: too
 * slow for the publish → live budget (README, "Benchmarks"; scripts/bench/search.ts prints both
 * times). The weights are all we keep, and they depend only on term frequencies, field
 * lengths and document counts, so they are computed here from those, with lunr's own tokenizer
 * rule, its own pipeline functions (trimmer, stop-word filter, stemmer: run once per distinct
 * word, then cached) and its own formula and rounding, step for step.
 * tests/unit/searchWeights.test.ts checks every weight against lunr.Builder's.
 */
import lunr from 'lunr'
import type { SearchField } from './documents'

/** lunr.Builder's defaults: term-frequency saturation (k1) and field-length normalisation (b). */
const K1 = 1.2
const B = 0.75

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

/**
 * Every term's weight in every field of every document, as lunr.Builder#build would put in its
 * field vectors (idf × saturated term frequency × field boost × document boost, rounded to 3
 * decimals), documents numbered in the order given.
 */
export const termWeights = (
  docs: readonly WeighedDocument[],
  fields: readonly WeightedField[],
): TermPostings => {
  const vocab = new TermNumbers()
  const fieldCount = fields.length
  const n = docs.length
  // Per field, per document: its terms and their frequencies as [term, tf, term, tf…], and its length.
  const frequencies: Int32Array[][] = fields.map(() => new Array(n))
  const lengths: Int32Array[] = fields.map(() => new Int32Array(n))
  // Per term: in how many (document, field) pairs it occurs; lunr's idf counts a document once per field.
  let pairs = new Int32Array(1024)
  let counts = new Int32Array(1024)
  const seen: number[] = []
  for (let d = 0; d < n; d++) {
    for (let f = 0; f < fieldCount; f++) {
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
        if (id >= counts.length) {
          counts = grow(counts, id)
          pairs = grow(pairs, id)
        }
        length++
        if (counts[id]++ === 0) seen.push(id)
      }
      const tf = new Int32Array(seen.length * 2)
      seen.forEach((id, i) => {
        tf[2 * i] = id
        tf[2 * i + 1] = counts[id]
        counts[id] = 0
        pairs[id]++
      })
      seen.length = 0
      frequencies[f][d] = tf
      lengths[f][d] = length
    }
  }

  // lunr.idf, with its document count per (document, field) pair.
  const idfs = new Float64Array(vocab.terms.length)
  for (let id = 0; id < idfs.length; id++) {
    const x = (n - pairs[id] + 0.5) / (pairs[id] + 0.5)
    idfs[id] = Math.log(1 + Math.abs(x))
  }

  const postings: number[][][] = vocab.terms.map(() => Array.from({ length: fieldCount }, () => []))
  for (let f = 0; f < fieldCount; f++) {
    let total = 0
    for (const l of lengths[f]) total += l
    const average = total / n
    const fieldBoost = fields[f].boost || 1
    for (let d = 0; d < n; d++) {
      const fieldLength = lengths[f][d]
      const docBoost = docs[d].boost || 1
      const tfs = frequencies[f][d]
      for (let i = 0; i < tfs.length; i += 2) {
        const id = tfs[i]
        const tf = tfs[i + 1]
        // lunr.Builder#createFieldVectors, operation for operation, so the rounding matches.
        let score = (idfs[id] * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (fieldLength / average)) + tf)
        score *= fieldBoost
        score *= docBoost
        postings[id][f].push(d, Math.round(score * 1000) / 1000)
      }
    }
  }
  return new Map(vocab.terms.map((term, id) => [term, postings[id]]))
}

const grow = (a: Int32Array<ArrayBuffer>, index: number): Int32Array<ArrayBuffer> => {
  const bigger = new Int32Array(Math.max(a.length * 2, index + 1))
  bigger.set(a)
  return bigger
}
