/** The ask form's fields: what happened, where, how you work, the topic, and (not signed in) an email. */
import { errorProps, FieldError } from '../forms/parts'

export type Choice = { value: string; label: string }

function Radios({
  name,
  legend,
  choices,
  errors,
}: {
  name: string
  legend: string
  choices: Choice[]
  errors: Record<string, string>
}) {
  return (
    <fieldset className="field" id={name} {...errorProps(name, errors)}>
      <legend>{legend}</legend>
      {choices.map((c) => (
        <div className="choice" key={c.value}>
          <input type="radio" id={`${name}-${c.value}`} name={name} value={c.value} required />
          <label htmlFor={`${name}-${c.value}`}>{c.label}</label>
        </div>
      ))}
      <FieldError id={name} message={errors[name]} />
    </fieldset>
  )
}

export type AskFieldsProps = {
  errors: Record<string, string>
  nations: Choice[]
  statuses: Choice[]
  topics: Choice[]
  topic: string
  setTopic: (slug: string) => void
  maxChars: number
}

export function AskFields({ errors, nations, statuses, topics, topic, setTopic, maxChars }: AskFieldsProps) {
  return (
    <>
      <div className="field">
        <label htmlFor="whatHappened">What happened?</label>
        <p className="hint" id="whatHappened-hint">
          Say what happened and what you want to know, in your own words (up to{' '}
          {maxChars.toLocaleString('en-GB')} characters). Leave out names of people and your employer if you
          can.
        </p>
        <textarea
          id="whatHappened"
          name="whatHappened"
          rows={8}
          maxLength={maxChars}
          required
          {...errorProps('whatHappened', errors, 'whatHappened-hint')}
        />
        <FieldError id="whatHappened" message={errors.whatHappened} />
      </div>
      <Radios name="nation" legend="Where do you work?" choices={nations} errors={errors} />
      <Radios name="employmentStatus" legend="How do you work?" choices={statuses} errors={errors} />
      <div className="field">
        <label htmlFor="topic">Topic (optional)</label>
        <select
          id="topic"
          name="topic"
          value={topic}
          onChange={(e) => setTopic(e.target.value)}
          {...errorProps('topic', errors)}
        >
          <option value="">Choose a topic</option>
          {topics.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
        <FieldError id="topic" message={errors.topic} />
      </div>
    </>
  )
}

/** The optional email for "you have a reply" (someone not signed in). */
export function EmailField({ errors }: { errors: Record<string, string> }) {
  return (
    <div className="field">
      <label htmlFor="email">Email address (optional)</label>
      <p className="hint" id="email-hint">
        Only to tell you there is a reply. The email does not say what you asked or what the reply says.
      </p>
      <input
        id="email"
        name="email"
        type="email"
        autoComplete="email"
        spellCheck={false}
        maxLength={254}
        {...errorProps('email', errors, 'email-hint')}
      />
      <FieldError id="email" message={errors.email} />
    </div>
  )
}

/** A signed-in member: email me when there is a reply. */
export function NotifyBox() {
  return (
    <div className="field choice">
      <input type="checkbox" id="notify" name="notify" value="yes" defaultChecked />
      <label htmlFor="notify">Email me when an adviser replies (the email does not say what you asked)</label>
    </div>
  )
}
