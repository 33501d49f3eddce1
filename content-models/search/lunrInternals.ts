/**
 * Parts of lunr 2.3.9 that its published types (@types/lunr) leave out or get wrong: the TokenSet
 * builders are static there, not instance methods; tokens carry their position; a built index keeps
 * its inverted index and field vectors. Declared here once, as an augmentation of lunr's own types,
 * so the rest of the search code stays strictly typed without casts.
 */
import lunr from 'lunr'

declare module 'lunr' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- only a namespace merges static builders into lunr's declared TokenSet class
  namespace TokenSet {
    /** A token set of a sorted word list. */
    function fromArray(sortedWords: string[]): lunr.TokenSet
    /** A token set of a word, with `*` as a wildcard. */
    function fromString(word: string): lunr.TokenSet
    /** A token set of the words within `editDistance` edits of a word. */
    function fromFuzzyString(word: string, editDistance: number): lunr.TokenSet
  }
  interface Token {
    /** What the tokenizer records: the token's position in its text as [start, length]. */
    metadata: { position: [number, number] }
  }
  interface Vector {
    /** Flat [index, value, index, value…] pairs. */
    elements: number[]
  }
  interface Index {
    /** Each term's entry; `_index` is its position in the field vectors. */
    invertedIndex: Record<string, { _index: number }>
    /** Keyed `<field>/<ref>`. */
    fieldVectors: Record<string, lunr.Vector>
  }
}

/** lunr's TokenSet builders: sorted word list, wildcard string, fuzzy string (the unit tests check our typo and prefix matching against them). */
export const TokenSets = lunr.TokenSet

/** A token's position in the text it came from: [start, length]. */
export const tokenPosition = (token: lunr.Token): [number, number] => token.metadata.position
