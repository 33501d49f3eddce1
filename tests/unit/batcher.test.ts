import { describe, expect, it } from 'vitest'
import { createBatcher } from '../../cms/campaigns/batcher'

describe('the write-behind batcher', () => {
  it('writes items added close together as one batch and gives each caller its own result', async () => {
    const batches: number[][] = []
    const b = createBatcher(
      async (items: number[]) => {
        batches.push(items)
        return items.map((n) => n * 10)
      },
      { maxWaitMs: 20 },
    )
    const results = await Promise.all([1, 2, 3].map((n) => b.add(n)))
    expect(results).toEqual([10, 20, 30])
    expect(batches).toEqual([[1, 2, 3]])
  })

  it('starts a batch as soon as it holds maxItems, without waiting', async () => {
    const batches: number[][] = []
    const b = createBatcher(async (items: number[]) => (batches.push(items), items), {
      maxItems: 2,
      maxWaitMs: 60_000,
    })
    await Promise.all([b.add(1), b.add(2)])
    expect(batches).toEqual([[1, 2]])
  })

  it('fails every caller in a batch when the batch fails, and carries on with the next batch', async () => {
    let fail = true
    const b = createBatcher(
      async (items: string[]) => {
        if (fail) throw new Error('disk full')
        return items
      },
      { maxWaitMs: 5 },
    )
    const outcomes = await Promise.allSettled([b.add('a'), b.add('b')])
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected'])
    expect((outcomes[0] as PromiseRejectedResult).reason.message).toBe('disk full')
    fail = false
    expect(await b.add('c')).toBe('c')
  })

  it('runs one batch at a time', async () => {
    let running = 0
    let most = 0
    const b = createBatcher(
      async (items: number[]) => {
        most = Math.max(most, ++running)
        await new Promise((r) => setTimeout(r, 10))
        running--
        return items
      },
      { maxItems: 1 },
    )
    await Promise.all([1, 2, 3, 4].map((n) => b.add(n)))
    expect(most).toBe(1)
  })
})

describe('the batcher as a group commit (maxWaitMs 0)', () => {
  it('writes what arrives in one turn at once, and what arrives during a write right after it', async () => {
    const batches: number[][] = []
    let release: () => void = () => {}
    const b = createBatcher(
      async (items: number[]) => {
        batches.push(items)
        if (batches.length === 1) await new Promise<void>((r) => (release = r))
        return items
      },
      { maxWaitMs: 0 },
    )
    const first = [b.add(1), b.add(2)]
    await new Promise((r) => setImmediate(r))
    expect(batches).toEqual([[1, 2]])
    const later = [b.add(3), b.add(4), b.add(5)]
    await new Promise((r) => setTimeout(r, 20))
    // Nothing more is written while the first batch is still being written.
    expect(batches).toHaveLength(1)
    release()
    expect(await Promise.all([...first, ...later])).toEqual([1, 2, 3, 4, 5])
    expect(batches).toEqual([
      [1, 2],
      [3, 4, 5],
    ])
  })
})
