/**
 * The index's vocabulary, for typo and prefix matching: which indexed terms a typed word may be
 * (lunr's `term~1` and `word*`), without building lunr's token sets.
 */

/** At most this many words are tried for an unfinished word or a typo. */
export const MAX_EXPANSIONS = 12

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
