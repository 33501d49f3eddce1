/**
 * Search as you type. Loads the index manifest when the box gets focus, then only the pieces a
 * query needs (see lib/search/): results show with their titles as soon as the query's term shards
 * arrive, and their summaries fill in after. Keeps the query in the address: typing replaces the history entry,
 * pressing Search adds one, so Back returns to the previous search. Without JavaScript the page's
 * own form and topic links do the job.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import { SEARCH_NATIONS, SEARCH_TYPES } from '../lib/search/documents'
import { highlight } from '../lib/search/highlight'
import { SearchClient, type SearchHit } from '../lib/search/query'
import { readSearchState, searchStateToQuery, type SearchState } from '../lib/search/urlState'

/** How long typing must pause before the address is updated. */
const URL_DEBOUNCE_MS = 300
const MAX_RESULTS = 20
const TYPE_LABELS = Object.fromEntries(SEARCH_TYPES.map((t) => [t.value, t.label]))

type Status = 'idle' | 'loading' | 'done' | 'error'

const fetchIndexFile = async (path: string) => {
  const res = await fetch(`/search-index/${path}`)
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  return res.json()
}

function Marked({ text, terms }: { text: string; terms: ReadonlySet<string> }) {
  return (
    <>
      {highlight(text, terms).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  )
}

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
}

/** What the page's plain form held when the island replaced it, so nothing typed or focused is lost. */
export type SearchProps = { startFocused?: boolean; typedBeforeStart?: string }

export default function Search({ startFocused = false, typedBeforeStart = '' }: SearchProps) {
  const client = useMemo(() => new SearchClient(fetchIndexFile), [])
  const [state, setState] = useState<SearchState>({ q: '', type: '', nation: '' })
  const [hits, setHits] = useState<SearchHit[]>([])
  const [total, setTotal] = useState(0)
  const [status, setStatus] = useState<Status>('idle')
  const [shownFor, setShownFor] = useState('')
  const latest = useRef(0)
  const urlTimer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const input = useRef<HTMLInputElement>(null)
  const typedEarly = useRef(typedBeforeStart)

  const run = useCallback(
    async (s: SearchState) => {
      const n = ++latest.current
      if (!s.q.trim()) {
        setHits([])
        setTotal(0)
        setStatus('idle')
        return
      }
      setStatus('loading')
      try {
        // Titles first (one round trip after the manifest), then the summaries when their blocks arrive.
        const res = await client.searchTitles(s.q, { type: s.type || null, nation: s.nation || null }, MAX_RESULTS)
        if (n !== latest.current) return
        setHits(res.hits)
        setTotal(res.total)
        setShownFor(s.q.trim())
        setStatus('done')
        if (!res.hits.length) return
        const full = await client.withSummaries(res).catch(() => null)
        // Without summaries the titles still work, so a failed block is not an error.
        if (full && n === latest.current) setHits(full.hits)
      } catch {
        if (n === latest.current) setStatus('error')
      }
    },
    [client],
  )

  // Show results for the address the page was opened with, and follow Back and Forward.
  useEffect(() => {
    const fromUrl = () => {
      // A pending address update from typing must not overwrite the entry Back has just returned to.
      clearTimeout(urlTimer.current)
      let s = readSearchState(window.location.search)
      if (!s.q && typedEarly.current) s = { ...s, q: typedEarly.current }
      setState(s)
      void run(s)
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
    if (next.q !== state.q) void client.prefetch(next.q).catch(() => undefined)
    void run(next)
    clearTimeout(urlTimer.current)
    urlTimer.current = setTimeout(() => writeUrl(next, 'replace'), URL_DEBOUNCE_MS)
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    writeUrl(state, 'push')
    void run(state)
  }

  const warmUp = () => void client.ready().catch(() => setStatus('error'))

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
            <select id="search-type" name="type" value={state.type} onChange={(e) => change({ ...state, type: e.target.value })}>
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
            <select id="search-nation" name="nation" value={state.nation} onChange={(e) => change({ ...state, nation: e.target.value })}>
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
        {status === 'error' && 'Search is not working right now. Browse the topics below instead.'}
        {status === 'done' && total === 0 && `Nothing found for “${shownFor}”. Try other words, or browse the topics below.`}
        {status === 'done' && total > 0 && `${total} ${total === 1 ? 'result' : 'results'} for “${shownFor}”${total > hits.length ? `. Showing the best ${hits.length}.` : ''}`}
      </p>
      {hits.length > 0 && status !== 'error' && (
        <section aria-labelledby="search-results-heading">
          <h2 id="search-results-heading">Results</h2>
          <ol className="search-results">
            {hits.map((h) => (
              <Result key={h.url} hit={h} />
            ))}
          </ol>
        </section>
      )}
    </div>
  )
}
