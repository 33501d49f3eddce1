/**
 * The sign-in form: an email address, then "check your email". A plain HTML form posting to the
 * CMS (so it works with JavaScript off); with JavaScript it sends JSON and answers in place.
 */
import { useRef, useState, type SubmitEvent } from 'react'
import { ErrorSummary, errorProps, FieldError } from '../forms/parts'
import { callApi } from './accountApi'

export type SignInFormProps = {
  /** The CMS's sign-in endpoint (a plain form posts here). */
  action: string
  /** True once the island runs: the form then sends JSON. */
  enhanced?: boolean
}

export function SignInForm({ action, enhanced = false }: SignInFormProps) {
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [sent, setSent] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const doneRef = useRef<HTMLDivElement>(null)

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    if (!enhanced) return
    event.preventDefault()
    setSending(true)
    const email = String(new FormData(event.currentTarget).get('email') ?? '')
    const answer = await callApi(action, '', 'POST', { email }, 'omit')
    setSending(false)
    if (answer.status === 202 || answer.status === 200) {
      setErrors({})
      setSent(answer.body.message ?? 'Check your email: we have sent you a link to sign in.')
      setTimeout(() => doneRef.current?.focus(), 0)
    } else if (answer.body.errors) setErrors(answer.body.errors)
    else
      setErrors({ form: answer.body.message ?? 'Something went wrong. Please try again in a few minutes.' })
  }

  if (sent)
    return (
      <div className="sign-done" role="status" tabIndex={-1} ref={doneRef}>
        <h2>Check your email</h2>
        <p>{sent}</p>
        <p>The link works once, for 15 minutes. If it does not come, look in your spam folder.</p>
      </div>
    )
  return (
    <form className="sign-form" method="post" action={action} onSubmit={onSubmit} noValidate={enhanced}>
      <ErrorSummary errors={errors} labels={{ email: 'Email address', form: 'Sign in' }} />
      <div className="field">
        <label htmlFor="email">Email address</label>
        <p className="hint" id="email-hint">
          Use the address you joined with. We email you a link to sign in. You do not need a password.
        </p>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          required
          {...errorProps('email', errors, 'email-hint')}
        />
        <FieldError id="email" message={errors.email} />
      </div>
      <button type="submit" className="button" disabled={sending}>
        {sending ? 'Sending…' : 'Email me a link'}
      </button>
    </form>
  )
}
