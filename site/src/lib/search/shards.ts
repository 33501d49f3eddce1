/**
 * The term shards of the search index: each term's postings as the shards store them, and the
 * terms cut into shards so that one changed document changes only the shards of its own terms.
 */
import type { TermPostings as ShardPostings, TermShard } from './files'
import { numbersToText } from '../../../../content-models/search/numberText'

/** A term opens a shard when its hash is a multiple of this: shards of about this many small terms. */
export const TERMS_PER_SHARD = 16
/** A term whose postings take at least this many characters has a shard of its own. */
export const OWN_SHARD_CHARS = 2_000

/**
 * A term's postings as the shards store them (files.ts, TermPostings): per field, the documents
 * as gaps, the term frequencies, and the field lengths unless the field's are in the length
 * table (`tableField`).
 * @example shardPostings([[3, 2], [0, 1, 3, 1]], [[0, 0, 0, 7], [4, 0, 0, 9]], 1) // [['D', 'C', 'H'], ['AD', 'BB']]
 */
export const shardPostings = (
  perField: readonly number[][],
  lengths: readonly ArrayLike<number>[],
  tableField: number,
): ShardPostings =>
  perField.map((flat, f) => {
    const gaps: number[] = []
    const tfs: number[] = []
    const fieldLengths: number[] = []
    for (let i = 0; i < flat.length; i += 2) {
      gaps.push(flat[i] - (i ? flat[i - 2] : 0))
      tfs.push(flat[i + 1])
      fieldLengths.push(lengths[f][flat[i]])
    }
    const stored: ShardPostings[number] = [numbersToText(gaps), numbersToText(tfs)]
    if (f !== tableField) stored.push(numbersToText(fieldLengths))
    return stored
  })

/** FNV-1a, 32 bits: a hash of a term that is the same in every build. */
const termHash = (term: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 0x01000193) >>> 0
  return h
}

/**
 * Cuts the sorted terms into shards of consecutive terms, each named by its first. Where a shard
 * starts depends on the terms alone, never on the sizes of others: a term starts one when its
 * hash says so (about one in TERMS_PER_SHARD), when it is big (OWN_SHARD_CHARS: it has one of its
 * own), or when the term before it is big. So a changed document changes the shards of its own
 * terms and no other (a shard boundary does not move because another term grew), a query needs
 * few files, and the words a word being typed may become sit together in one or two of them.
 */
export const planShards = (
  sizes: Map<string, number>,
  termsPerShard = TERMS_PER_SHARD,
): Map<string, string[]> => {
  const shards = new Map<string, string[]>()
  let current: string[] = []
  let afterBig = false
  for (const term of [...sizes.keys()].sort()) {
    const big = sizes.get(term)! >= OWN_SHARD_CHARS
    if (current.length && (big || afterBig || termHash(term) % termsPerShard === 0)) {
      shards.set(current[0], current)
      current = []
    }
    current.push(term)
    afterBig = big
  }
  if (current.length) shards.set(current[0], current)
  return shards
}

/**
 * The postings cut into term shards, with each shard's terms in order (an object's keys are not:
 * "91" would come first).
 */
export const termShardsOf = (
  terms: Map<string, number[][]>,
  lengths: readonly ArrayLike<number>[],
  tableField: number,
  termsPerShard?: number,
): { termShards: Map<string, TermShard>; shardTerms: string[][] } => {
  const encoded = new Map<string, ShardPostings>()
  const sizes = new Map<string, number>()
  for (const [term, perField] of terms) {
    // lunr's trimmer can leave an empty term (from "–" or "…"): nothing to find by, and no file name.
    if (term === '') continue
    const e = shardPostings(perField, lengths, tableField)
    encoded.set(term, e)
    sizes.set(term, JSON.stringify(e).length + term.length + 4)
  }
  const plan = planShards(sizes, termsPerShard)
  const termShards = new Map<string, TermShard>()
  for (const [key, shardTerms] of plan)
    termShards.set(key, Object.fromEntries(shardTerms.map((t) => [t, encoded.get(t)!])))
  return { termShards, shardTerms: [...plan.values()] }
}
