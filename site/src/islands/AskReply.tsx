/**
 * The private reply link's page: the token is after '#' in the address (never sent to a server
 * in a request line or a Referer), read here and POSTed to the CMS. Shows the conversation, the
 * notice with every reply, and a follow-up form. Without JavaScript the page offers a plain form
 * that posts the code to the CMS's own page instead.
 */
import { useEffect, useState } from 'react'
import { callCms, type ConversationView } from './ask/askApi'
import { Conversation } from './ask/Conversation'

export type AskReplyProps = {
  /** The CMS's read endpoint. */
  readUrl: string
  /** The CMS's follow-up endpoint. */
  followUpUrl: string
}

type Phase =
  | { phase: 'loading' }
  | { phase: 'no-link' }
  | { phase: 'not-found'; message: string }
  | { phase: 'ok'; token: string; question: ConversationView }

export default function AskReply({ readUrl, followUpUrl }: AskReplyProps) {
  const [state, setState] = useState<Phase>({ phase: 'loading' })
  useEffect(() => {
    const token = window.location.hash.slice(1)
    if (!token) return setState({ phase: 'no-link' })
    void callCms(readUrl, { token }).then((a) =>
      setState(
        a.status === 200 && a.body.question
          ? { phase: 'ok', token, question: a.body.question }
          : { phase: 'not-found', message: a.body.message ?? 'We cannot find this question.' },
      ),
    )
  }, [readUrl])

  if (state.phase === 'loading') return <p role="status">Opening your question…</p>
  if (state.phase === 'no-link')
    return (
      <p>
        This page shows a question at its private link. Open the link you saved when you asked, or{' '}
        <a href="/ask/">ask a question</a>.
      </p>
    )
  if (state.phase === 'not-found')
    return (
      <div role="alert">
        <h2>We cannot find this question</h2>
        <p>
          The link may be copied only in part, or the question was deleted (we delete questions 12 months
          after they are closed). <a href="/ask/">Ask a new question</a>.
        </p>
      </div>
    )
  const fresh = state.question.entries.length === 1 && state.question.state === 'open'
  return (
    <>
      <div className="ask-keep" role={fresh ? 'status' : undefined}>
        {fresh && <h2>Your question is sent</h2>}
        <p>
          <strong>Keep this page’s address private and save it</strong> (bookmark it or copy it somewhere
          safe): it is the only way to read the reply if you did not sign in. Anyone with the link can read
          your question.
        </p>
      </div>
      <Conversation
        question={state.question}
        onFollowUp={(body) => callCms(followUpUrl, { token: state.token, body })}
      />
    </>
  )
}
