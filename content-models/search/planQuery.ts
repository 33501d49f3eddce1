/**
 * Plans a query: the terms to look up for what someone typed, and how much each counts.
 */
import { analyse } from './analyse'
import type { Vocabulary } from './vocabulary'

/** One term to look up, and how much a match on it counts. */
export type QueryClause = { term: string; boost: number; why: keyof typeof CLAUSE_BOOSTS }

/** How much a match counts when it is not the word typed; a longer word is a weaker guess once the typed word is a word itself. */
export const CLAUSE_BOOSTS = { exact: 1, prefix: 0.6, longerWord: 0.2, typo: 0.3 } as const
/** Terms (as stemmed) this long or longer may have one typo (lunr's `~1`); shorter ones are too close to other words ("sack", "sick"). */
export const MIN_TYPO_LENGTH = 5
/** The last, unfinished word is matched as a prefix once it is this long. */
export const MIN_PREFIX_LENGTH = 3

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
