/**
 * How fast updates to supporters go out. Resend's default limit is 2 requests a second per team
 * (its 429 answers say so), hence the default; a batch request (up to 100 emails, POST
 * /emails/batch) counts as one request. Raise UPDATE_SEND_PER_SECOND when the provider allows more.
 */

export type SendSettings = {
  /**
   * Requests to the email service per second at most: one email each, or one batch when the
   * adapter can batch (Resend); 0 = no limit (the outbox, benchmarks).
   */
  perSecond: number
  /** Waiting emails read from the database at a time, and the most in one batch request (Resend takes 100). */
  batch: number
  /** Emails in flight at once when sent one per request. */
  concurrency: number
  /** Tries per email before it counts as failed. */
  tries: number
  /** Back-off after a failed try: this, doubled for each try after the first. */
  retryAfterMs: number
  /** A claim older than this was cut off by a crash (no send takes this long). */
  claimLeaseMs: number
}

const num = (v: string | undefined, fallback: number, min: number) => {
  const n = v === undefined || v === '' ? NaN : Number(v)
  return Number.isFinite(n) && n >= min ? n : fallback
}

/** The settings from the environment (UPDATE_SEND_PER_SECOND, UPDATE_SEND_BATCH, UPDATE_SEND_TRIES), with defaults. */
export const sendSettings = (env: NodeJS.ProcessEnv = process.env): SendSettings => {
  const perSecond = num(env.UPDATE_SEND_PER_SECOND, 2, 0)
  return {
    perSecond,
    batch: Math.floor(num(env.UPDATE_SEND_BATCH, 100, 1)),
    // As many in flight as the rate lets start in about a second, so a slow answer does not cut the rate.
    concurrency: perSecond === 0 ? 16 : Math.min(16, Math.max(1, Math.ceil(perSecond))),
    tries: Math.floor(num(env.UPDATE_SEND_TRIES, 3, 1)),
    retryAfterMs: 30_000,
    claimLeaseMs: 10 * 60_000,
  }
}

/** Spaces out starts to `perSecond` (none when 0): each call waits for the next free slot. */
export const pacer = (perSecond: number) => {
  let next = 0
  return async (): Promise<void> => {
    if (perSecond <= 0) return
    const now = Date.now()
    const slot = Math.max(now, next)
    next = slot + 1000 / perSecond
    if (slot > now) await new Promise((r) => setTimeout(r, slot - now))
  }
}
