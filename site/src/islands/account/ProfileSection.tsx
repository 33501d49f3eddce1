/** Your details: first name, postcode or area, sector. Saved with PATCH /api/account/me. */
import { useState, type SubmitEvent } from 'react'
import { ErrorSummary, errorProps, FieldError } from '../forms/parts'
import type { AccountData } from './accountApi'
import { problem } from './accountApi'
import type { AccountActions } from './useAccount'
import { Section, Status } from './parts'

const LABELS = {
  firstName: 'First name',
  postcode: 'Postcode or area',
  sector: 'Sector',
  form: 'Your details',
}

/** The three fields, filled with what is stored. */
function ProfileFields({
  member,
  sectors,
  errors,
}: {
  member: AccountData['member']
  sectors: { value: string; label: string }[]
  errors: Record<string, string>
}) {
  return (
    <>
      <div className="field">
        <label htmlFor="firstName">First name</label>
        <input
          id="firstName"
          name="firstName"
          type="text"
          autoComplete="given-name"
          defaultValue={member.firstName}
          {...errorProps('firstName', errors)}
        />
        <FieldError id="firstName" message={errors.firstName} />
      </div>
      <div className="field">
        <label htmlFor="postcode">Postcode or area (you can leave this empty)</label>
        <p className="hint" id="postcode-hint">
          We keep only the first part of a postcode, like SW1A.
        </p>
        <input
          id="postcode"
          name="postcode"
          type="text"
          className="input-short"
          defaultValue={member.postcode ?? ''}
          {...errorProps('postcode', errors, 'postcode-hint')}
        />
        <FieldError id="postcode" message={errors.postcode} />
      </div>
      <div className="field">
        <label htmlFor="sector">Sector (you can leave this empty)</label>
        <select
          id="sector"
          name="sector"
          defaultValue={member.sector ?? ''}
          {...errorProps('sector', errors)}
        >
          <option value="">Not saying</option>
          {sectors.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <FieldError id="sector" message={errors.sector} />
      </div>
    </>
  )
}

export function ProfileSection({
  member,
  sectors,
  act,
}: {
  member: AccountData['member']
  sectors: { value: string; label: string }[]
  act: AccountActions['act']
}) {
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [status, setStatus] = useState('')

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const body = Object.fromEntries(
      ['firstName', 'postcode', 'sector'].map((k) => [k, String(form.get(k) ?? '')]),
    )
    setStatus('Saving…')
    const answer = await act('PATCH', '/account/me', body)
    if (answer.status === 200) {
      setErrors({})
      setStatus('Saved.')
    } else {
      setErrors(answer.body.errors ?? { form: problem(answer) })
      setStatus('Not saved. Please check the form.')
    }
  }

  return (
    <Section id="profile" title="Your details">
      <form className="sign-form" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} labels={LABELS} />
        <ProfileFields member={member} sectors={sectors} errors={errors} />
        <p className="small">
          Email address: <strong>{member.email}</strong>. To use another address, erase this account and join
          again.
        </p>
        <button type="submit" className="button">
          Save my details
        </button>
        {status && <Status message={status} />}
      </form>
    </Section>
  )
}
