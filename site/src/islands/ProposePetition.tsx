/**
 * Start a petition: a signed-in member writes a proposal; it comes back with a private link to
 * share with co-workers (5 members must support it before our editors read it). Signed out, the
 * island shows the sign-in form. The link is shown once here; My account can make a new one.
 */
import { useEffect, useRef, useState, type SubmitEvent } from 'react'
import { SignInPanel } from './account/SignInForm'
import { PROPOSE_SIGN_IN } from './proposePetition/signInWords'
import { ErrorSummary } from './forms/parts'
import { ProposalFields } from './proposePetition/ProposalFields'
import { PROPOSAL_LABELS, proposalFields, proposalsApi } from './proposePetition/proposalApi'
import { SupportLink } from './proposePetition/SupportLink'

export type ProposePetitionProps = {
  /** The CMS's API, `${CMS_URL}/api`. */
  api: string
  /** The CMS's sign-in endpoint. */
  signIn: string
}

type Phase =
  | { phase: 'checking' }
  | { phase: 'signed-out' }
  | { phase: 'form'; message?: string }
  | { phase: 'done'; supportUrl: string }

export default function ProposePetition({ api, signIn }: ProposePetitionProps) {
  const calls = proposalsApi(api)
  const [state, setState] = useState<Phase>({ phase: 'checking' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [sending, setSending] = useState(false)
  const doneRef = useRef<HTMLDivElement>(null)
  const formRef = useRef<HTMLFormElement>(null)

  useEffect(() => {
    void calls.mine().then((a) => setState(a.status === 200 ? { phase: 'form' } : { phase: 'signed-out' }))
  }, [api])
  useEffect(() => {
    if (state.phase === 'done') doneRef.current?.focus()
  }, [state.phase])

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault()
    setSending(true)
    const answer = await calls.propose(proposalFields(event.currentTarget))
    setSending(false)
    if (answer.status === 201 && answer.body.supportUrl) {
      setErrors({})
      return setState({ phase: 'done', supportUrl: answer.body.supportUrl })
    }
    if (answer.status === 401 || answer.status === 410) return setState({ phase: 'signed-out' })
    setErrors(answer.body.errors ?? {})
    setState({ phase: 'form', message: answer.body.errors ? undefined : answer.body.message })
    window.requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('.error-summary, [role=alert]')?.focus(),
    )
  }

  if (state.phase === 'checking') return <p role="status">Checking whether you are signed in…</p>
  if (state.phase === 'signed-out') return <SignInPanel signIn={signIn} {...PROPOSE_SIGN_IN} />
  if (state.phase === 'done')
    return (
      <div className="sign-done" role="status" tabIndex={-1} ref={doneRef}>
        <h2>Your proposal is saved</h2>
        <p>
          Now it needs 5 co-workers who are members to support it. Send them this private link. When 5 have
          supported it, our editors read it.
        </p>
        <SupportLink url={state.supportUrl} />
        <p>
          You can follow it in <a href="/account/#proposals">My account</a>.
        </p>
      </div>
    )
  return (
    <form className="sign-form" ref={formRef} noValidate onSubmit={(e) => void onSubmit(e)}>
      <ErrorSummary errors={errors} labels={PROPOSAL_LABELS} />
      {state.message && (
        <p role="alert" tabIndex={-1} className="field-error">
          {state.message}
        </p>
      )}
      <ProposalFields errors={errors} />
      <button type="submit" className="button" disabled={sending}>
        {sending ? 'Sending…' : 'Save my proposal'}
      </button>
    </form>
  )
}
