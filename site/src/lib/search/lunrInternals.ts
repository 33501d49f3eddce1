/**
 * Parts of lunr 2.3.9 that its published types leave out (token positions, TokenSet builders). Typed here once, so the rest of the search code stays strictly typed.
 */
import lunr from 'lunr'

export type TokenSetInternal = lunr.TokenSet
type TokenSetStatics = {
  fromArray(sortedWords: string[]): lunr.TokenSet
  fromString(word: string): lunr.TokenSet
  fromFuzzyString(word: string, editDistance: number): lunr.TokenSet
}
/** lunr's TokenSet builders: sorted word list, wildcard string, fuzzy string (the unit tests check our typo and prefix matching against them). */
export const TokenSets = lunr.TokenSet as unknown as TokenSetStatics

/** A token's position in the text it came from: [start, length]. */
export const tokenPosition = (token: lunr.Token): [number, number] =>
  (token as unknown as { metadata: { position: [number, number] } }).metadata.position
