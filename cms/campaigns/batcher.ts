/**
 * A small write-behind batcher: callers add one item each and wait for its own result, while the
 * items are written together (one transaction for many rows), so SQLite commits once per batch
 * instead of once per person. Batches run one after another, never at the same time.
 *
 * With maxWaitMs 0 it is a group commit: an item added while nothing is being written goes out at
 * the end of the current turn of the event loop (with whatever else arrived in that turn); items
 * added while a batch is being written go out together as soon as it is done. No one waits on a
 * timer, and batches grow by themselves as the load does.
 */

/** How long a batch may wait for more items (0: group commit, see above), and how many it may hold. */
export type BatcherOptions = { maxItems?: number; maxWaitMs?: number }

export type Batcher<T, R> = {
  /** Queues one item; resolves with its own result once its batch is written, or rejects with the batch's error. */
  add: (item: T) => Promise<R>
  /** Writes whatever is queued now and waits for every batch started so far. */
  flush: () => Promise<void>
}

/** `run` gets the items of one batch and returns one result per item, in the same order. */
export const createBatcher = <T, R>(
  run: (items: T[]) => Promise<R[]>,
  { maxItems = 200, maxWaitMs = 5 }: BatcherOptions = {},
): Batcher<T, R> => {
  type Entry = { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }
  const queue: Entry[] = []
  let timer: NodeJS.Timeout | NodeJS.Immediate | null = null
  let running: Promise<void> = Promise.resolve()
  let writing = 0

  const write = async (batch: Entry[]) => {
    try {
      const results = await run(batch.map((e) => e.item))
      if (results.length !== batch.length)
        throw new Error(
          `A batch of ${batch.length} items returned ${results.length} results; the batch function must return one result per item.`,
        )
      batch.forEach((e, i) => e.resolve(results[i]))
    } catch (error) {
      // Every caller in the batch hears of the failure: none of its rows was written.
      for (const e of batch) e.reject(error)
    }
  }

  const clearTimer = () => {
    if (timer && maxWaitMs > 0) clearTimeout(timer as NodeJS.Timeout)
    else if (timer) clearImmediate(timer as NodeJS.Immediate)
    timer = null
  }

  const flush = (): Promise<void> => {
    clearTimer()
    if (queue.length === 0) return running
    const batch = queue.splice(0, maxItems)
    writing++
    running = running.then(async () => {
      await write(batch)
      writing--
      // Group commit: what arrived while this batch was written goes out now.
      if (maxWaitMs === 0 && queue.length && writing === 0) void flush()
    })
    if (queue.length >= maxItems) void flush()
    return running
  }

  return {
    add: (item) =>
      new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject })
        if (queue.length >= maxItems) void flush()
        else if (maxWaitMs === 0) {
          if (writing === 0 && !timer) timer = setImmediate(() => void flush())
        } else if (!timer) timer = setTimeout(() => void flush(), maxWaitMs)
      }),
    flush,
  }
}
