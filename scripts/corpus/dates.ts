/** The corpus's fixed clock, so the same arguments always write the same dates. */

export const EPOCH = Date.parse('2026-11-29T12:00:00.000Z')
export const DAY = 86_400_000

export const iso = (ms: number) => new Date(ms).toISOString()

/** A document's createdAt and updatedAt, spread over the year before EPOCH by its index. */
export const stamp = (i: number) => ({
  createdAt: iso(EPOCH - (i % 400) * DAY),
  updatedAt: iso(EPOCH - (i % 90) * DAY),
})
