/**
 * One live count per page, shared by the petition page's islands (the count and milestones, the
 * chart of where support comes from): the first request goes at once when the page opens, so a
 * signer back from confirming sees their signature; then every POLL_MS while the page is visible.
 * The first request revalidates (`cache: 'no-cache'`, answered 304 when nothing changed), so a
 * count the browser kept from a visit a few seconds ago is not shown as new.
 */

/** How often to ask for the count, in ms: the CMS rolls counts up every 10 s. */
export const POLL_MS = 10_000

/** What the count endpoint answers (cms/campaigns/counts.ts, PublicCount); places are already added up. */
export type LiveCount = {
  count: number
  goal: number
  state: string
  byNation: Record<string, number>
  byRegion: Record<string, number>
  milestones: { count: number; whatHappens: string; reachedAt: string | null }[]
}

type Feed = { last: LiveCount | null; listeners: Set<(c: LiveCount) => void>; stop: () => void }

const feeds = new Map<string, Feed>()

const isLiveCount = (body: unknown): body is LiveCount =>
  typeof body === 'object' && body !== null && typeof (body as LiveCount).count === 'number'

const start = (countUrl: string, poll: boolean): Feed => {
  let lastAsked = 0
  const feed: Feed = { last: null, listeners: new Set(), stop: () => {} }
  const ask = (first: boolean) => {
    lastAsked = Date.now()
    fetch(countUrl, { credentials: 'omit', cache: first ? 'no-cache' : 'default' })
      .then((r) => (r.ok ? r.json() : null))
      .then((body: unknown) => {
        if (!isLiveCount(body)) return
        feed.last = body
        for (const listener of feed.listeners) listener(body)
      })
      .catch(() => {
        // Keep showing the last count we had.
      })
  }
  const refresh = () => {
    if (document.visibilityState !== 'visible' || Date.now() - lastAsked < POLL_MS - 100) return
    ask(false)
  }
  ask(true)
  if (poll) {
    const timer = setInterval(refresh, POLL_MS)
    document.addEventListener('visibilitychange', refresh)
    feed.stop = () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', refresh)
    }
  }
  return feed
}

/**
 * Calls `listener` with each new count from `countUrl` (at once with the latest, if one came
 * already). Polls only while `poll` (an open petition). Returns the unsubscribe function.
 */
export const subscribeToCount = (
  countUrl: string,
  poll: boolean,
  listener: (c: LiveCount) => void,
): (() => void) => {
  let feed = feeds.get(countUrl)
  if (!feed) feeds.set(countUrl, (feed = start(countUrl, poll)))
  const f = feed
  f.listeners.add(listener)
  if (f.last) listener(f.last)
  return () => {
    f.listeners.delete(listener)
    if (f.listeners.size === 0) {
      f.stop()
      feeds.delete(countUrl)
    }
  }
}
