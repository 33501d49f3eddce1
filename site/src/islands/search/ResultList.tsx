/** The search results: each hit with its matched words marked, drawn in two steps so a key press stays quick. */
import { memo, useEffect, useState } from 'react'
import type { TextPart } from '../../../../content-models/search/highlight'
import { resultView } from '../../../../content-models/search/resultView'
import type { SearchHit } from '../../lib/search/query'
import { afterPaint } from './afterPaint'

/** Results drawn with the key press (more than fill a screen); the rest once that has been painted. */
const FIRST_DRAWN = 8
const NO_HITS: SearchHit[] = []

/** Text with its matched words marked; the words between stay plain text (fewer elements to lay out on each key). */
function Marked({ parts }: { parts: TextPart[] }) {
  return <>{parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}</>
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
    // The same view the CMS draws for readers without JavaScript (content-models/search/resultView.ts).
    const view = resultView(hit)
    return (
      <li className="search-result">
        <p className="search-result-type">{view.typeLabel}</p>
        <h3>
          <a href={view.url}>
            <Marked parts={view.title} />
          </a>
        </h3>
        {view.summary.length > 0 && (
          <p>
            <Marked parts={view.summary} />
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
