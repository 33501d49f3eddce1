/**
 * Lists of whole numbers (0 or more) as short text, for the search index's files: each number in
 * base 32, most significant digit first, every digit but the last from the upper half of a
 * 64-letter alphabet (so the end of a number needs no separator). Gzip packs this about a third
 * smaller than JSON numbers (scripts/bench/search.ts; the figures are in the README).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
/** Each letter's value by its character code, 255 for a character not in the alphabet (a table: decoding is on the query path). */
const VALUE = new Uint8Array(128).fill(255)
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i

/**
 * @example numbersToText([0, 1, 33]) // 'ABhB'
 */
export const numbersToText = (numbers: readonly number[]): string => {
  let out = ''
  for (let n of numbers) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Not a whole number of 0 or more: ${n}`)
    let digits = ALPHABET[n % 32]
    for (n = Math.floor(n / 32); n > 0; n = Math.floor(n / 32)) digits = ALPHABET[32 + (n % 32)] + digits
    out += digits
  }
  return out
}

/** The numbers `numbersToText` wrote. */
export const textToNumbers = (text: string): number[] => {
  const out: number[] = []
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const v = VALUE[text.charCodeAt(i)] ?? 255
    if (v === 255) throw new RangeError(`Not a number list: ${JSON.stringify(text.slice(i, i + 8))}`)
    n = n * 32 + (v & 31)
    if (v < 32) {
      out.push(n)
      n = 0
    }
  }
  return out
}
