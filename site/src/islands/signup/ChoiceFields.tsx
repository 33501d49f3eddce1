/** The join form's choices: networks to join (checkboxes) and a training session (a list). */
import { errorProps, FieldError } from '../forms/parts'

export function NetworkChoices({
  networks,
  chosen,
  toggle,
  errors,
}: {
  networks: { slug: string; name: string }[]
  chosen: ReadonlySet<string>
  toggle: (slug: string) => void
  errors: Record<string, string>
}) {
  return (
    <fieldset
      className="field"
      id="networks"
      aria-describedby={errors.networks ? 'networks-error' : undefined}
    >
      <legend>Networks to join (optional)</legend>
      {networks.map((n) => (
        <div className="checkbox" key={n.slug}>
          <input
            id={`network-${n.slug}`}
            name="networks"
            type="checkbox"
            value={n.slug}
            checked={chosen.has(n.slug)}
            onChange={() => toggle(n.slug)}
          />
          <label htmlFor={`network-${n.slug}`}>{n.name}</label>
        </div>
      ))}
      <FieldError id="networks" message={errors.networks} />
    </fieldset>
  )
}

export function SessionChoice({
  sessions,
  session,
  setSession,
  errors,
}: {
  sessions: { slug: string; title: string; when: string }[]
  session: string
  setSession: (slug: string) => void
  errors: Record<string, string>
}) {
  return (
    <div className="field">
      <label htmlFor="session">A training session you want to go to (optional)</label>
      <select
        id="session"
        name="session"
        value={session}
        onChange={(e) => setSession(e.currentTarget.value)}
        {...errorProps('session', errors)}
      >
        <option value="">None for now</option>
        {sessions.map((s) => (
          <option key={s.slug} value={s.slug}>
            {s.title} ({s.when})
          </option>
        ))}
      </select>
      <FieldError id="session" message={errors.session} />
    </div>
  )
}
