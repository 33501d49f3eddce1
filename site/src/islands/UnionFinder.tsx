/**
 * The union finder, quicker with JavaScript: filters as you type your job, using the same ranking
 * as the static sector pages (lib/finder.ts). Without JavaScript the page's form does the job, so
 * until this island runs it shows only a one-line hint.
 */
import { useEffect, useId, useMemo, useState } from 'react'
import { explainResult, FINDER_TIERS, rankUnions, TIER_HEADINGS, type FinderUnion } from '../lib/finder'

type Props = { unions: FinderUnion[]; sectors: { value: string; label: string }[] }

const NATION_OPTIONS = [
  { value: 'england-wales', label: 'England or Wales' },
  { value: 'scotland', label: 'Scotland' },
  { value: 'northern-ireland', label: 'Northern Ireland' },
]
/** Enough to choose from without a wall of names. */
const MAX_JOB_RESULTS = 8

export default function UnionFinder({ unions, sectors }: Props) {
  const id = useId()
  const [ready, setReady] = useState(false)
  const [job, setJob] = useState('')
  const [sector, setSector] = useState('')
  const [nation, setNation] = useState('')
  const [recognisedUnion, setRecognised] = useState('')
  const [workplaceUnion, setWorkplace] = useState('')
  useEffect(() => setReady(true), [])

  const question = { job, sector, nation, recognisedUnion, workplaceUnion }
  const results = useMemo(
    () => rankUnions(unions, question),
    [unions, job, sector, nation, recognisedUnion, workplaceUnion],
  )
  const asked = !!(job.trim() || sector || recognisedUnion || workplaceUnion)
  const sectorLabel = sectors.find((s) => s.value === sector)?.label
  const byName = useMemo(() => [...unions].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')), [unions])

  if (!ready) return <p className="hint">Type your job to find a union, or choose below.</p>

  const tiers = Object.values(FINDER_TIERS)
    .map((tier) => ({
      tier,
      list: results.filter((r) => r.tier === tier).slice(0, tier === 'job' ? MAX_JOB_RESULTS : undefined),
    }))
    .filter((t) => t.list.length > 0)
  const unionOptions = byName.map((u) => (
    <option key={u.slug} value={u.slug}>
      {u.shortName && u.shortName !== u.name ? `${u.name} (${u.shortName})` : u.name}
    </option>
  ))

  return (
    <div className="union-finder">
      <div className="field">
        <label htmlFor={`${id}-job`}>Your job</label>
        <p className="hint" id={`${id}-job-hint`}>
          For example: picker, care worker, bus driver
        </p>
        <input
          id={`${id}-job`}
          type="search"
          autoComplete="off"
          aria-describedby={`${id}-job-hint`}
          value={job}
          onChange={(e) => setJob(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-sector`}>Kind of work</label>
        <select id={`${id}-sector`} value={sector} onChange={(e) => setSector(e.target.value)}>
          <option value="">Any</option>
          {sectors.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-nation`}>Where do you work?</label>
        <select id={`${id}-nation`} value={nation} onChange={(e) => setNation(e.target.value)}>
          <option value="">Anywhere in the UK</option>
          {NATION_OPTIONS.map((n) => (
            <option key={n.value} value={n.value}>
              {n.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-recognised`}>Does your employer recognise a union?</label>
        <select
          id={`${id}-recognised`}
          value={recognisedUnion}
          onChange={(e) => setRecognised(e.target.value)}
        >
          <option value="">No, or I do not know</option>
          {unionOptions}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-workplace`}>Are people where you work in a union?</label>
        <select id={`${id}-workplace`} value={workplaceUnion} onChange={(e) => setWorkplace(e.target.value)}>
          <option value="">No, or I do not know</option>
          {unionOptions}
        </select>
      </div>
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
    </div>
  )
}
