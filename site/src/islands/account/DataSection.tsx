/**
 * Your data: download everything we hold (a page to read, or a JSON file), and erase your account,
 * saying first what is deleted and what is kept.
 */
import { useState, type SubmitEvent } from 'react'
import { ErrorSummary, errorProps, FieldError } from '../forms/parts'
import { callApi, problem } from './accountApi'
import { Section } from './parts'

export function DataSection({
  api,
  erasureKeeps,
  onErased,
  onSignedOut,
}: {
  api: string
  erasureKeeps: string[]
  onErased: (message: string, kept: string[]) => void
  onSignedOut: (status: number, message: string) => void
}) {
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [sending, setSending] = useState(false)
  const erase = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!new FormData(event.currentTarget).get('sure'))
      return setErrors({ sure: 'Tick the box to say you understand that this cannot be undone.' })
    setSending(true)
    const answer = await callApi<{ kept?: string[] }>(api, '/account/erase', 'POST', { confirm: true })
    setSending(false)
    if (answer.status === 200)
      return onErased(answer.body.message ?? 'Your account is erased.', answer.body.kept ?? erasureKeeps)
    if (answer.status === 401 || answer.status === 410) return onSignedOut(answer.status, problem(answer))
    setErrors({ form: problem(answer) })
  }
  return (
    <>
      <Section id="data" title="Everything we hold about you">
        <ul className="account-list">
          <li>
            <a href={`${api}/account/export`}>See everything we hold about you</a> (a page you can read and
            print)
          </li>
          <li>
            <a href={`${api}/account/export?format=json`} download>
              Download it as a file
            </a>{' '}
            (JSON, for computers)
          </li>
        </ul>
      </Section>
      <Section id="erase" title="Erase your account">
        <p>
          This deletes your details, your networks, your display names and your training places. It cannot be
          undone.
        </p>
        <p>We keep only this:</p>
        <ul>
          {erasureKeeps.map((k) => (
            <li key={k}>{k}</li>
          ))}
        </ul>
        <form className="sign-form" onSubmit={erase} noValidate>
          <ErrorSummary errors={errors} labels={{ sure: 'Erase your account', form: 'Erase your account' }} />
          <div className="checkbox">
            <input id="sure" name="sure" type="checkbox" {...errorProps('sure', errors)} />
            <label htmlFor="sure">
              I understand that my account will be erased and this cannot be undone.
            </label>
          </div>
          <FieldError id="sure" message={errors.sure} />
          <button type="submit" className="button" disabled={sending}>
            {sending ? 'Erasing…' : 'Erase my account'}
          </button>
        </form>
      </Section>
    </>
  )
}
