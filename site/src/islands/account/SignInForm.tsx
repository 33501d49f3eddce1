/**
 * The sign-in form: an email address, then "check your email". A plain HTML form posting to the
 * CMS (so it works with JavaScript off); with JavaScript it sends JSON and answers in place.
 */
import { useEffect, useRef, useState, type SubmitEvent } from 'react'
import { Heading } from './Heading'
import { ErrorSummary, errorProps, FieldError } from '../forms/parts'
import { callApi } from './accountApi'

export type SignInFormProps = {
  /** The CMS's sign-in endpoint (a plain form posts here). */
  action: string
  /**
   * True in an island: once it runs, the form sends JSON. It takes effect after the first render,
   * so an island started on the page's plain form (SignIn.mount) hydrates what the server drew.
   */
  enhanced?: boolean
}

export function SignInForm({ action, enhanced: canEnhance = false }: SignInFormProps) {
  const [enhanced, setEnhanced] = useState(false)
  useEffect(() => setEnhanced(canEnhance), [canEnhance])
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

/** What SignInPanel says: its heading and, if the page needs it, a line on why to sign in. */
export type SignInPanelProps = { signIn: string; title?: string; intro?: string; focus?: boolean }

/**
 * What someone not signed in sees on a member-only page: why to sign in, the form, and a way to
 * join. Drawn on the page by the server (a plain form, working without JavaScript) and hydrated by
 * SignIn.mount when the reader starts to use it; the page's island shows the same after a sign-out.
 */
export function SignInPanel({ signIn, title = 'Sign in', intro, focus = false }: SignInPanelProps) {
  return (
    <>
      <Heading focus={focus}>{title}</Heading>
      {intro && <p>{intro}</p>}
      <SignInForm action={signIn} enhanced />
      <p>
        Not a member yet? <a href="/join/">Join the network</a>.
      </p>
    </>
  )
}
