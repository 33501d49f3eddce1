/**
 * The search island's answers: runs a search on the client and keeps what is on screen, drawing
 * the answer with the key when its files are already here and filling the summaries in after.
 */
import { useCallback, useMemo, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { SearchClient, type SearchHit, type SearchResults } from '../../lib/search/query'
import type { SearchState } from '../../lib/search/urlState'
import { afterPaint } from './afterPaint'

const MAX_RESULTS = 20

/** What is on screen: the answer to `query` (trimmed), kept until the next answer arrives so nothing flickers while a file loads. */
export type Shown = { status: 'idle' | 'done' | 'error'; query: string; hits: SearchHit[]; total: number }
export const IDLE: Shown = { status: 'idle', query: '', hits: [], total: 0 }

/**
 * Fetches an index file; files after the manifest carry their generation in the address (`?g=…`), so an
 * unchanged file is fetched once across builds and no cache gives a file the manifest does not name.
 */
const fetchIndexFile = async (path: string, suffix = '') => {
  const res = await fetch(`/search-index/${path}${suffix}`)
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  return res.json()
}

/** The client, what is on screen, and `run` to answer a search (a newer search always wins). */
export const useSearchAnswers = () => {
  const client = useMemo(() => new SearchClient(fetchIndexFile), [])
  const [shown, setShown] = useState<Shown>(IDLE)
  const latest = useRef(0)

  /**
   * Shows an answer with the summaries already loaded, then, once it is painted and if no newer
   * search has started, loads the blocks holding the rest and fills them in. Without them the
   * titles still work, so a failed block is not an error.
   */
  const show = useCallback(
    (n: number, query: string, titles: SearchResults) => {
      const now = client.summariesNow(titles)
      setShown({ status: 'done', query, hits: now.hits, total: titles.total })
      if (!titles.hits.length) return
      afterPaint(() => {
        if (n !== latest.current) return
        client.withSummaries(titles).then(
          (full) => {
            if (n === latest.current && full.hits.some((h, i) => h.summary !== now.hits[i].summary))
              setShown((s) => ({ ...s, hits: full.hits }))
          },
          () => undefined,
        )
      })
    },
    [client],
  )

  /**
   * Answers a search. When its files are already here (most key presses) the answer is drawn in
   * the same task as the key, so it is painted in the next frame; otherwise as soon as they arrive.
   */
  const run = useCallback(
    (s: SearchState) => {
      const n = ++latest.current
      const query = s.q.trim()
      if (!query) {
        setShown(IDLE)
        return
      }
      void client.prefetch(s.q).catch(() => undefined)
      const filters = { type: s.type || null, nation: s.nation || null }
      const now = client.searchTitlesNow(s.q, filters, MAX_RESULTS)
      if (now) {
        show(n, query, now)
        return
      }
      client.searchTitles(s.q, filters, MAX_RESULTS).then(
        (res) => {
          if (n === latest.current) flushSync(() => show(n, query, res))
        },
        () => {
          if (n === latest.current) setShown({ ...IDLE, status: 'error' })
        },
      )
    },
    [client, show],
  )

  return { client, shown, setShown, run }
}
