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

/**
 * A long list of numbers of several digits as digit planes: the number of digits every number is
 * written with (one letter, `A` for none: an empty list), then the most significant digit of every
 * number, then the next, and so on, each digit one of the first 32 letters. Gzip packs a plane of
 * like digits better than the digits of each number side by side: the length table at 10,000
 * guides goes from 14.4 to 12.9 KB (README, "Search index files").
 * @example numbersToPlanes([1, 33, 64]) // 'CABCBBA'
 */
export const numbersToPlanes = (numbers: readonly number[]): string => {
  let width = numbers.length ? 1 : 0
  for (const n of numbers) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Not a whole number of 0 or more: ${n}`)
    while (n >= 32 ** width) width++
  }
  let out = ALPHABET[width]
  for (let place = width - 1; place >= 0; place--)
    for (const n of numbers) out += ALPHABET[Math.floor(n / 32 ** place) % 32]
  return out
}

/** The numbers `numbersToPlanes` wrote. */
export const planesToNumbers = (text: string): number[] => {
  const width = VALUE[text.charCodeAt(0)] ?? 255
  const count = width ? (text.length - 1) / width : 0
  if (width > 10 || !Number.isInteger(count) || (width === 0 && text.length !== 1))
    throw new RangeError(`Not digit planes: ${JSON.stringify(text.slice(0, 8))}`)
  const out = new Array<number>(count).fill(0)
  for (let i = 1; i < text.length; i++) {
    const v = VALUE[text.charCodeAt(i)] ?? 255
    if (v > 31) throw new RangeError(`Not digit planes: ${JSON.stringify(text.slice(i, i + 8))}`)
    const at = (i - 1) % count
    out[at] = out[at] * 32 + v
  }
  return out
}
