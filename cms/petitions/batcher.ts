/**
 * A small write-behind batcher: callers add one item each and wait for its own result, while the
 * items are written together (one transaction for many rows), so SQLite commits once per batch
 * instead of once per person. Batches run one after another, never at the same time.
 */

/** How long a batch may wait for more items, and how many it may hold. */
export type BatcherOptions = { maxItems?: number; maxWaitMs?: number }

export type Batcher<T, R> = {
  /** Queues one item; resolves with its own result once its batch is written, or rejects with the batch's error. */
  add: (item: T) => Promise<R>
  /** Writes whatever is queued now and waits for every batch started so far. */
  flush: () => Promise<void>
}

/** `run` gets the items of one batch and returns one result per item, in the same order. */
export const createBatcher = <T, R>(run: (items: T[]) => Promise<R[]>, { maxItems = 200, maxWaitMs = 5 }: BatcherOptions = {}): Batcher<T, R> => {
  type Entry = { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }
  let queue: Entry[] = []
  let timer: NodeJS.Timeout | null = null
  let running: Promise<void> = Promise.resolve()

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer)
    timer = null
    if (queue.length === 0) return running
    const batch = queue
    queue = []
    running = running.then(async () => {
      try {
        const results = await run(batch.map((e) => e.item))
        if (results.length !== batch.length) throw new Error(`A batch of ${batch.length} items returned ${results.length} results; the batch function must return one result per item.`)
        batch.forEach((e, i) => e.resolve(results[i]))
      } catch (error) {
        // Every caller in the batch hears of the failure: none of its rows was written.
        for (const e of batch) e.reject(error)
      }
    })
    return running
  }

  return {
    add: (item) =>
      new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject })
        if (queue.length >= maxItems) void flush()
        else if (!timer) timer = setTimeout(() => void flush(), maxWaitMs)
      }),
    flush,
  }
}
