/**
 * A proposal at its private supporters' link: /petitions/propose/support/#<token>. The token
 * stays in the browser (after '#') and is POSTed to the CMS. A signed-in member sees the title,
 * what it asks and of whom, and a Support button; signed out, the sign-in form. The proposer's
 * name and the other supporters are never shown.
 */
import { useEffect, useRef, useState } from 'react'
import { SignInPanel } from './account/SignInForm'
import { SUPPORT_SIGN_IN } from './proposePetition/signInWords'
import { Paragraphs } from './proposePetition/Paragraphs'
import { proposalsApi, type SupporterView } from './proposePetition/proposalApi'

export type ProposePetitionSupportProps = {
  /** The CMS's API, `${CMS_URL}/api`. */
  api: string
  /** The CMS's sign-in endpoint. */
  signIn: string
}

type Phase =
  | { phase: 'loading' }
  | { phase: 'no-link' }
  | { phase: 'signed-out' }
  | { phase: 'not-found' }
  | { phase: 'ok'; token: string; proposal: SupporterView; message?: string; supported?: boolean }

/** Signed out: what the page is, and the sign-in form. */
function SignInFirst({ signIn }: { signIn: string }) {
  return <SignInPanel signIn={signIn} {...SUPPORT_SIGN_IN} />
}

export default function ProposePetitionSupport({ api, signIn }: ProposePetitionSupportProps) {
  const calls = proposalsApi(api)
  const [state, setState] = useState<Phase>({ phase: 'loading' })
  const [sending, setSending] = useState(false)
  const messageRef = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    const token = window.location.hash.slice(1)
    if (!token) return setState({ phase: 'no-link' })
    void calls.read(token).then((a) => {
      if (a.status === 401 || a.status === 410) return setState({ phase: 'signed-out' })
      setState(
        a.status === 200 && a.body.proposal
          ? { phase: 'ok', token, proposal: a.body.proposal }
          : { phase: 'not-found' },
      )
    })
  }, [api])
  useEffect(() => {
    if (state.phase === 'ok' && state.message) messageRef.current?.focus()
  }, [state])

  if (state.phase === 'loading') return <p role="status">Opening the proposal…</p>
  if (state.phase === 'no-link')
    return <p>This page shows a petition proposal at its private link. Open the whole link you were sent.</p>
  if (state.phase === 'signed-out') return <SignInFirst signIn={signIn} />
  if (state.phase === 'not-found')
    return (
      <div role="alert">
        <h2>We cannot find this proposal</h2>
        <p>
          The link may be copied only in part, or its proposer made a new link. Ask them for the link again.
        </p>
      </div>
    )
  const { proposal: p, token } = state
  const support = async () => {
    setSending(true)
    const a = await calls.support(token)
    setSending(false)
    setState({
      ...state,
      proposal: a.body.proposal ?? p,
      message: a.body.message ?? 'Something went wrong on our side. Please try again.',
      supported: a.status === 201 || a.body.status === 'already',
    })
  }
  return (
    <article>
      <h2>{p.title}</h2>
      <p>
        <strong>Addressed to:</strong> {p.addressedTo}
      </p>
      <h3>What we want</h3>
      <Paragraphs text={p.ask} />
      <h3>Why it matters</h3>
      <Paragraphs text={p.why} />
      <p>
        {Math.min(p.supporterCount, p.supportersNeeded)} of {p.supportersNeeded} supporters so far. When{' '}
        {p.supportersNeeded} members support it, our editors read it before it can become a petition.
      </p>
      {state.message && (
        <p role="status" tabIndex={-1} ref={messageRef}>
          {state.message}
        </p>
      )}
      {!state.supported && p.state === 'collecting' && (
        <button type="button" className="button" disabled={sending} onClick={() => void support()}>
          {sending ? 'Sending…' : 'Support this proposal'}
        </button>
      )}
    </article>
  )
}
