/** The finder's answer, in a live region: the unions by reason, best first, each with why it fits. */
import { explainResult, TIER_HEADINGS } from '../../lib/finder'
import type { UnionFinderState } from './useUnionFinder'

export function FinderAnswer({ finder }: { finder: UnionFinderState }) {
  const { asked, tiers, question, sectorLabel } = finder
  return (
    <div className="finder-answer" aria-live="polite">
      {!asked ? null : tiers.length === 0 ? (
        <p>We could not find a union for that. Try other words for your job, or choose a kind of work.</p>
      ) : (
        tiers.map(({ tier, list }, i) => (
          <section key={tier} aria-label={TIER_HEADINGS[tier]}>
            <h3>
              {i + 1}. {TIER_HEADINGS[tier]}
            </h3>
            <ol className="finder-results">
              {list.map((r) => (
                <li key={r.union.slug}>
                  <a href={`/unions/${r.union.slug}/`}>
                    {r.union.shortName && r.union.shortName !== r.union.name
                      ? `${r.union.name} (${r.union.shortName})`
                      : r.union.name}
                  </a>
                  <p>{explainResult(r, question, sectorLabel)}</p>
                </li>
              ))}
            </ol>
          </section>
        ))
      )}
    </div>
  )
}
