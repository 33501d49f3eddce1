/**
 * The manifest's vocabulary as one text: every term, sorted, each written as how many of its first
 * characters it shares with the term before it (one digit, 0 to 9) and then the rest; terms of one
 * shard separated by a space, shards by a line break (terms never hold white space: lunr's
 * tokenizer splits on it). Sorted terms share long beginnings ("employ", "employe", "employer"),
 * which gzip only partly finds in a JSON list of lists: at 10,000 guides the vocabulary goes from
 * 7.7 to 5.4 KB gzip, on every search (README, "Search index files").
 */

/** The most characters a term is said to share with the one before it. */
const MAX_SHARED = 9

/**
 * @example termsToText([['pay', 'payment'], ['payslip']]) // '0pay 3ment\n3slip'
 */
export const termsToText = (shards: readonly (readonly string[])[]): string => {
  let before = ''
  return shards
    .map((terms) =>
      terms
        .map((term) => {
          if (term === '' || /\s/.test(term)) throw new RangeError(`Not a term: ${JSON.stringify(term)}`)
          let shared = 0
          while (shared < MAX_SHARED && shared < before.length && term[shared] === before[shared]) shared++
          before = term
          return `${shared}${term.slice(shared)}`
        })
        .join(' '),
    )
    .join('\n')
}

/** The shards of terms `termsToText` wrote. */
export const textToTerms = (text: string): string[][] => {
  if (text === '') return []
  let before = ''
  return text.split('\n').map((line) =>
    line.split(' ').map((written) => {
      const shared = written.charCodeAt(0) - 48
      if (!(shared >= 0 && shared <= MAX_SHARED) || shared > before.length)
        throw new RangeError(`Not a term list: ${JSON.stringify(written.slice(0, 12))}`)
      before = before.slice(0, shared) + written.slice(1)
      return before
    }),
  )
}
