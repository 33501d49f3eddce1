/**
 * Search as you type. Loads the index manifest when the box gets focus, then only the pieces a
 * query needs (see lib/search/): results show with their titles as soon as the query's term shards
 * are here (for most key presses they already are, and the results are drawn with the key), and
 * their summaries fill in after. Keeps the query in the address: typing replaces the history
 * entry, pressing Search adds one, so Back returns to the previous search. Without JavaScript the
 * page's own form and topic links do the job.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import { flushSync } from 'react-dom'
import { SEARCH_NATIONS, SEARCH_TYPES } from '../lib/search/documents'
import { highlight } from '../lib/search/highlight'
import { SearchClient, type SearchHit, type SearchResults } from '../lib/search/query'
import { readSearchState, searchStateToQuery, type SearchState } from '../lib/search/urlState'

/** How long typing must pause before the address is updated. */
const URL_DEBOUNCE_MS = 300
const MAX_RESULTS = 20
/** Results drawn with the key press (more than fill a screen); the rest once that has been painted. */
const FIRST_DRAWN = 8
const NO_HITS: SearchHit[] = []
const TYPE_LABELS = Object.fromEntries(SEARCH_TYPES.map((t) => [t.value, t.label]))

/** What is on screen: the answer to `query` (trimmed), kept until the next answer arrives so nothing flickers while a file loads. */
type Shown = { status: 'idle' | 'done' | 'error'; query: string; hits: SearchHit[]; total: number }
const IDLE: Shown = { status: 'idle', query: '', hits: [], total: 0 }

/** Runs `fn` once the next frame has been painted: work that can wait (loading summaries) stays out of the way of the results. */
const afterPaint = (fn: () => void) => requestAnimationFrame(() => setTimeout(fn, 0))

/** Fetches an index file; files after the manifest carry its build in the address, so no cache mixes two builds. */
const fetchIndexFile = async (path: string, build?: string) => {
  const res = await fetch(`/search-index/${path}${build ? `?v=${build}` : ''}`)
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  return res.json()
}

/** Text with its matched words marked; the words between stay plain text (fewer elements to lay out on each key). */
function Marked({ text, terms }: { text: string; terms: ReadonlySet<string> }) {
  return <>{highlight(text, terms).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}</>
}

/** Two hits that look the same: a result still on screen after a key press is not drawn again. */
const sameHit = (a: SearchHit, b: SearchHit) =>
  a === b ||
  (a.url === b.url &&
    a.title === b.title &&
    a.summary === b.summary &&
    a.type === b.type &&
    a.terms.join(' ') === b.terms.join(' '))

const Result = memo(
  function Result({ hit }: { hit: SearchHit }) {
    const terms = new Set(hit.terms)
    return (
      <li className="search-result">
        <p className="search-result-type">{TYPE_LABELS[hit.type] ?? hit.type}</p>
        <h3>
          <a href={hit.url}>
            <Marked text={hit.title} terms={terms} />
          </a>
        </h3>
        {hit.summary && (
          <p>
            <Marked text={hit.summary} terms={terms} />
          </p>
        )}
      </li>
    )
  },
  (a, b) => sameHit(a.hit, b.hit),
)

/**
 * The results list, drawn again only when the results change (not on every key of the box). The
 * first FIRST_DRAWN results are drawn with the key press; the rest, below the fold on any screen,
 * once that has been painted (until then, the previous results' rest stay below them).
 */
const ResultList = memo(function ResultList({ hits }: { hits: SearchHit[] }) {
  const [later, setLater] = useState(NO_HITS)
  useEffect(() => {
    if (hits.length <= FIRST_DRAWN) return
    let current = true
    afterPaint(() => current && setLater(hits))
    return () => {
      current = false
    }
  }, [hits])
  const first = hits.slice(0, FIRST_DRAWN)
  const drawn = new Set(first.map((h) => h.url))
  const rest = hits.length > FIRST_DRAWN ? later.slice(FIRST_DRAWN).filter((h) => !drawn.has(h.url)) : []
  return (
    <section aria-labelledby="search-results-heading">
      <h2 id="search-results-heading">Results</h2>
      <ol className="search-results">
        {first.concat(rest).map((h) => (
          <Result key={h.url} hit={h} />
        ))}
      </ol>
    </section>
  )
})

/** What the page's plain form held when the island replaced it, so nothing typed or focused is lost. */
export type SearchProps = { startFocused?: boolean; typedBeforeStart?: string }

export default function Search({ startFocused = false, typedBeforeStart = '' }: SearchProps) {
  const client = useMemo(() => new SearchClient(fetchIndexFile), [])
  const [state, setState] = useState<SearchState>({ q: '', type: '', nation: '' })
  const [shown, setShown] = useState<Shown>(IDLE)
  const latest = useRef(0)
  const urlTimer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const input = useRef<HTMLInputElement>(null)
  const typedEarly = useRef(typedBeforeStart)

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

  // Show results for the address the page was opened with, and follow Back and Forward.
  useEffect(() => {
    const fromUrl = () => {
      // A pending address update from typing must not overwrite the entry Back has just returned to.
      clearTimeout(urlTimer.current)
      let s = readSearchState(window.location.search)
      if (!s.q && typedEarly.current) s = { ...s, q: typedEarly.current }
      setState(s)
      run(s)
    }
    fromUrl()
    // Back and Forward show what the address says, never what was typed before the island started.
    const onPopState = () => {
      typedEarly.current = ''
      fromUrl()
    }
    window.addEventListener('popstate', onPopState)
    return () => window.removeEventListener('popstate', onPopState)
  }, [run])

  // Focusing the new box also fires onFocus, which starts loading the index.
  useEffect(() => {
    if (startFocused) input.current?.focus()
  }, [startFocused])

  const writeUrl = (s: SearchState, mode: 'replace' | 'push') => {
    clearTimeout(urlTimer.current)
    const url = `${window.location.pathname}${searchStateToQuery(s)}`
    if (url === `${window.location.pathname}${window.location.search}`) return
    if (mode === 'push') window.history.pushState(null, '', url)
    else window.history.replaceState(null, '', url)
  }

  const change = (next: SearchState) => {
    typedEarly.current = ''
    setState(next)
    run(next)
    clearTimeout(urlTimer.current)
    urlTimer.current = setTimeout(() => writeUrl(next, 'replace'), URL_DEBOUNCE_MS)
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    writeUrl(state, 'push')
    run(state)
  }

  const warmUp = () => void client.ready().catch(() => setShown({ ...IDLE, status: 'error' }))

  return (
    <div className="search-island">
      <form role="search" method="get" action="/search/" onSubmit={submit}>
        <label htmlFor="q">Search guides, letters, training, unions and networks</label>
        <div className="search-box">
          <input
            id="q"
            ref={input}
            name="q"
            type="search"
            autoComplete="off"
            value={state.q}
            onFocus={warmUp}
            onChange={(e) => change({ ...state, q: e.target.value })}
          />
          <button type="submit">Search</button>
        </div>
        <div className="search-filters">
          <div>
            <label htmlFor="search-type">Show</label>
            <select
              id="search-type"
              name="type"
              value={state.type}
              onChange={(e) => change({ ...state, type: e.target.value })}
            >
              <option value="">Everything</option>
              {SEARCH_TYPES.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}s
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="search-nation">Where you work</label>
            <select
              id="search-nation"
              name="nation"
              value={state.nation}
              onChange={(e) => change({ ...state, nation: e.target.value })}
            >
              <option value="">Anywhere in the UK</option>
              {SEARCH_NATIONS.map((n) => (
                <option key={n.value} value={n.value}>
                  {n.label}
                </option>
              ))}
            </select>
          </div>
        </div>
      </form>
      <p className="search-status" role="status" aria-live="polite">
        {shown.status === 'error' && 'Search is not working right now. Browse the topics below instead.'}
        {shown.status === 'done' &&
          shown.total === 0 &&
          `Nothing found for “${shown.query}”. Try other words, or browse the topics below.`}
        {shown.status === 'done' &&
          shown.total > 0 &&
          `${shown.total} ${shown.total === 1 ? 'result' : 'results'} for “${shown.query}”${shown.total > shown.hits.length ? `. Showing the best ${shown.hits.length}.` : ''}`}
      </p>
      {shown.hits.length > 0 && shown.status === 'done' && <ResultList hits={shown.hits} />}
    </div>
  )
}
