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
 * @example analyse('Can my boss stop my holiday pay?').map((t) => t.term) // ['boss', 'stop', 'holidai', 'pai']
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

/** The shortest shard key: terms are grouped by their first two characters, split further when a group is big. */
export const BASE_PREFIX_LENGTH = 2

/**
 * The shard that holds a term: the longest shard key that starts the term. The builder and the
 * browser both use this, so a term is always looked for where it was written.
 */
export const shardKeyFor = (term: string, keys: ReadonlySet<string>): string | undefined => {
  for (let n = term.length; n >= 1; n--) {
    const key = term.slice(0, n)
    if (keys.has(key)) return key
  }
  return undefined
}

/**
 * A shard key as a safe file name: a–z and 0–9 stay, anything else becomes its code point in hex
 * between underscores, so "£5" and "don't" still make plain, distinct static file names.
 * @example shardFileName("do'") // 'do_27_'
 */
export const shardFileName = (key: string): string =>
  [...key].map((c) => (/[a-z0-9]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}_`)).join('')
