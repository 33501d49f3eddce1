/** The finder's questions: job, kind of work, nation, and the unions at the worker's employer. */
import type { UnionFinderState } from './useUnionFinder'

const NATION_OPTIONS = [
  { value: 'england-wales', label: 'England or Wales' },
  { value: 'scotland', label: 'Scotland' },
  { value: 'northern-ireland', label: 'Northern Ireland' },
]

export function FinderQuestions({
  finder,
  sectors,
}: {
  finder: UnionFinderState
  sectors: { value: string; label: string }[]
}) {
  const { id, question, set, byName } = finder
  const unionOptions = byName.map((u) => (
    <option key={u.slug} value={u.slug}>
      {u.shortName && u.shortName !== u.name ? `${u.name} (${u.shortName})` : u.name}
    </option>
  ))
  return (
    <>
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
          value={question.job}
          onChange={(e) => set.setJob(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-sector`}>Kind of work</label>
        <select id={`${id}-sector`} value={question.sector} onChange={(e) => set.setSector(e.target.value)}>
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
        <select id={`${id}-nation`} value={question.nation} onChange={(e) => set.setNation(e.target.value)}>
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
          value={question.recognisedUnion}
          onChange={(e) => set.setRecognised(e.target.value)}
        >
          <option value="">No, or I do not know</option>
          {unionOptions}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-workplace`}>Are people where you work in a union?</label>
        <select
          id={`${id}-workplace`}
          value={question.workplaceUnion}
          onChange={(e) => set.setWorkplace(e.target.value)}
        >
          <option value="">No, or I do not know</option>
          {unionOptions}
        </select>
      </div>
    </>
  )
}
