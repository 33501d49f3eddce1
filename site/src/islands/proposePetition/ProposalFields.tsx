/** The proposal form's fields: petition or open letter, title, what we want, addressed to, why, and whether to be named. */
import { errorProps, FieldError } from '../forms/parts'
import type { ProposalView } from './proposalApi'

type Values = Partial<
  Pick<ProposalView, 'kind' | 'title' | 'ask' | 'addressedTo' | 'why' | 'showCreatorName'>
>

function Field({
  id,
  label,
  hint,
  errors,
  value,
  max,
  rows,
}: {
  id: 'title' | 'ask' | 'addressedTo' | 'why'
  label: string
  hint: string
  errors: Record<string, string>
  value?: string
  max: number
  rows?: number
}) {
  const props = {
    id,
    name: id,
    maxLength: max,
    required: true,
    defaultValue: value,
    ...errorProps(id, errors, `${id}-hint`),
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {rows ? <textarea rows={rows} {...props} /> : <input type="text" {...props} />}
      <FieldError id={id} message={errors[id]} />
    </div>
  )
}

export function ProposalFields({ errors, values = {} }: { errors: Record<string, string>; values?: Values }) {
  const kind = values.kind ?? 'petition'
  return (
    <>
      <fieldset className="field">
        <legend>What are you starting?</legend>
        <div className="choice">
          <input
            type="radio"
            id="kind-petition"
            name="kind"
            value="petition"
            defaultChecked={kind === 'petition'}
          />
          <label htmlFor="kind-petition">A petition: a demand, with a count of everyone who signs</label>
        </div>
        <div className="choice">
          <input
            type="radio"
            id="kind-open-letter"
            name="kind"
            value="open-letter"
            defaultChecked={kind === 'open-letter'}
          />
          <label htmlFor="kind-open-letter">
            An open letter: a letter to someone, signed by people who can show their name and job
          </label>
        </div>
      </fieldset>
      <Field
        id="title"
        label="Title"
        hint="A short, clear title, for example “Paid breaks for drivers at the Leeds depot”."
        errors={errors}
        value={values.title}
        max={120}
      />
      <Field
        id="ask"
        label="What we want"
        hint="What should change, in one or two sentences."
        errors={errors}
        value={values.ask}
        max={1000}
        rows={4}
      />
      <Field
        id="addressedTo"
        label="Addressed to"
        hint="Who can make the change, for example “The directors of Quickdrop Ltd”."
        errors={errors}
        value={values.addressedTo}
        max={200}
      />
      <Field
        id="why"
        label="Why it matters"
        hint="Why this matters to you and your co-workers. Do not name anyone or share anyone’s personal details."
        errors={errors}
        value={values.why}
        max={3000}
        rows={6}
      />
      <div className="field choice">
        <input
          type="checkbox"
          id="showCreatorName"
          name="showCreatorName"
          defaultChecked={values.showCreatorName ?? false}
        />
        <label htmlFor="showCreatorName">
          Show my first name on it (“Started by …”). Leave this unticked to stay anonymous.
        </label>
      </div>
    </>
  )
}
