/** The search results: each hit with its matched words marked, drawn in two steps so a key press stays quick. */
import { memo, useEffect, useState } from 'react'
import { SEARCH_TYPES } from '../../lib/search/documents'
import { highlight } from '../../lib/search/highlight'
import type { SearchHit } from '../../lib/search/query'
import { afterPaint } from './afterPaint'

/** Results drawn with the key press (more than fill a screen); the rest once that has been painted. */
const FIRST_DRAWN = 8
const NO_HITS: SearchHit[] = []
const TYPE_LABELS = Object.fromEntries(SEARCH_TYPES.map((t) => [t.value, t.label]))

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
export const ResultList = memo(function ResultList({ hits }: { hits: SearchHit[] }) {
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
