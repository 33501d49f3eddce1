/**
 * The best documents by score, ties in document order (as a stable sort by score would give), in
 * O(n log k): a heap keeps the best `limit` seen so far, with the weakest on top.
 */

/** True when `a` ranks before `b`: a higher score, or the same score and an earlier document. */
const before = (scores: Float64Array, a: number, b: number): boolean =>
  scores[a] > scores[b] || (scores[a] === scores[b] && a < b)

/** Moves the item at `i` down the heap (weakest on top) until both children rank before it. */
const siftDown = (heap: number[], scores: Float64Array, i: number): void => {
  for (;;) {
    const l = 2 * i + 1
    const r = l + 1
    let weakest = i
    if (l < heap.length && before(scores, heap[weakest], heap[l])) weakest = l
    if (r < heap.length && before(scores, heap[weakest], heap[r])) weakest = r
    if (weakest === i) return
    ;[heap[i], heap[weakest]] = [heap[weakest], heap[i]]
    i = weakest
  }
}

/**
 * The best `limit` of the first `count` of `docs`, best first.
 * @example bestDocs([0, 1, 2], 3, new Float64Array([1, 3, 3]), 2) // [1, 2]
 */
export const bestDocs = (
  docs: ArrayLike<number>,
  count: number,
  scores: Float64Array,
  limit: number,
): number[] => {
  const byRank = (a: number, b: number) => (before(scores, a, b) ? -1 : 1)
  const first = (n: number) => Array.from({ length: n }, (_, i) => docs[i])
  if (count <= limit) return first(count).sort(byRank)
  if (limit <= 0) return []
  const heap = first(limit)
  for (let i = (limit >>> 1) - 1; i >= 0; i--) siftDown(heap, scores, i)
  for (let i = limit; i < count; i++) {
    if (!before(scores, docs[i], heap[0])) continue
    heap[0] = docs[i]
    siftDown(heap, scores, 0)
  }
  return heap.sort(byRank)
}
