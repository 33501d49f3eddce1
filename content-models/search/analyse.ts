/**
 * Text analysis shared by the index builder (Node, at site-build time) and the search island (the
 * browser): lunr's own tokenizer, trimmer, stop-word filter and stemmer, so a query is cut and
 * stemmed exactly as the indexed text was.
 */
import lunr from 'lunr'
import { tokenPosition } from './lunrInternals'

/** A token of a query or a text: the stemmed term and where the word sits in the text. */
export type AnalysedToken = { term: string; word: string; start: number; length: number }

/**
 * Cuts text into words and stems them as the index did (lunr tokenizer → trimmer → stemmer).
 * Stop words ("my", "can", "the") are dropped unless `keepStopWords` is set, which highlighting
 * uses to keep every word's position.
 * @example analyse('Can my boss stop my holiday pay?').map((t) => t.term) // ['boss', 'stop', 'holiday', 'pay']
 */
export const analyse = (text: string, { keepStopWords = false } = {}): AnalysedToken[] => {
  const out: AnalysedToken[] = []
  for (const token of lunr.tokenizer(text)) {
    const [start, length] = tokenPosition(token)
    const trimmed = lunr.trimmer(token) as lunr.Token | undefined
    if (!trimmed || trimmed.toString() === '') continue
    const word = trimmed.toString()
    if (!keepStopWords && lunr.stopWordFilter(trimmed) === undefined) continue
    const stemmed = lunr.stemmer(trimmed) as lunr.Token
    out.push({ term: stemmed.toString(), word, start, length })
  }
  return out
}

/** Where a term sits among the sorted shard keys: the index of the last key not after it, or -1. */
const shardIndexFor = (term: string, keys: readonly string[]): number => {
  let lo = 0
  let hi = keys.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (keys[mid] <= term) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

/**
 * The shard that holds a term. Shards hold runs of the sorted vocabulary, each named by its first
 * term (`keys`, sorted), so a term lives in the last shard whose key is not after it: where the
 * builder's plan (planShards) put it, as the unit tests check.
 * @example shardFor('holiday', ['a', 'hol', 'pay']) // 'hol'
 */
export const shardFor = (term: string, keys: readonly string[]): string | undefined =>
  keys[shardIndexFor(term, keys)]

/**
 * The shards that may hold terms starting with `prefix`, in order: the one where `prefix` itself
 * would sit, then every one whose key starts with it.
 * @example shardsForPrefix('ho', ['a', 'hol', 'hom', 'pay']) // ['a', 'hol', 'hom']
 */
export const shardsForPrefix = (prefix: string, keys: readonly string[]): string[] => {
  let i = shardIndexFor(prefix, keys)
  const out = i >= 0 ? [keys[i]] : []
  for (i++; i < keys.length && keys[i].startsWith(prefix); i++) out.push(keys[i])
  return out
}

/**
 * A shard key as a safe file name: a–z and 0–9 stay, anything else becomes its code point in hex
 * between underscores, so "£5" and "don't" still make plain, distinct static file names.
 * @example shardFileName("do'") // 'do_27_'
 */
export const shardFileName = (key: string): string =>
  [...key].map((c) => (/[a-z0-9]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}_`)).join('')
