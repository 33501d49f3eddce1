/**
 * A question's conversation as its asker reads it: each message (plain text, never HTML), the
 * guides and letters sent with a reply as links, the notice under every adviser's reply, where
 * the question stands, and a follow-up form. Used at the private link and in My account.
 */
import { useState, type SubmitEvent } from 'react'
import { ErrorSummary, errorProps, FieldError } from '../forms/parts'
import type { AskAnswer, ConversationView, EntryView } from './askApi'

const when = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      })
    : ''

/** Where the question stands, in words. */
export const stateWords = (q: ConversationView): string => {
  if (q.state === 'closed') return 'This question is closed. To ask something new, ask a new question.'
  if (q.state === 'answered') return 'An adviser has replied. You can add a follow-up below.'
  return `Waiting for an adviser. Advisers usually reply within 3 working days${q.expectedReplyWords ? `: by ${q.expectedReplyWords}` : ''}.`
}

function Entry({ entry, notice, level }: { entry: EntryView; notice: string; level: 'h2' | 'h3' }) {
  const Heading = level
  return (
    <li className={`ask-entry ask-entry-${entry.from}`}>
      <Heading>
        {entry.from === 'adviser' ? 'Adviser' : 'You'}
        {entry.at && <span className="small">, {when(entry.at)}</span>}
      </Heading>
      {entry.body.split(/\n{2,}/).map((p, i) => (
        <p key={i} className="ask-body">
          {p}
        </p>
      ))}
      {entry.attachments.length > 0 && (
        <>
          <p>Read with this reply:</p>
          <ul>
            {entry.attachments.map((a) => (
              <li key={a.url}>
                <a href={a.url}>{a.title}</a> ({a.kind})
              </li>
            ))}
          </ul>
        </>
      )}
      {entry.from === 'adviser' && (
        <p className="ask-notice">
          <strong>{notice}</strong>
        </p>
      )}
    </li>
  )
}

export type ConversationProps = {
  question: ConversationView
  /** Sends a follow-up; the CMS's answer. */
  onFollowUp: (body: string) => Promise<AskAnswer>
  /** Heading level of each message. */
  level?: 'h2' | 'h3'
  /** A prefix for field ids (several conversations on one page). */
  idPrefix?: string
}

export function Conversation({ question, onFollowUp, level = 'h2', idPrefix = '' }: ConversationProps) {
  const [q, setQ] = useState(question)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [status, setStatus] = useState('')
  const [sending, setSending] = useState(false)
  const id = `${idPrefix}body`
  const send = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    setSending(true)
    const answer = await onFollowUp(String(new FormData(form).get('body') ?? ''))
    setSending(false)
    if (answer.status === 200 && answer.body.question) {
      setQ(answer.body.question)
      setErrors({})
      setStatus('Your follow-up is sent.')
      form.reset()
      return
    }
    const e = answer.body.errors?.body
    setErrors(e ? { [id]: e } : { form: answer.body.message ?? 'Something went wrong. Please try again.' })
  }
  return (
    <div className="ask-conversation">
      <p className="ask-state">{stateWords(q)}</p>
      <ol className="ask-entries">
        {q.entries.map((entry, i) => (
          <Entry key={i} entry={entry} notice={q.notice} level={level} />
        ))}
      </ol>
      {q.canFollowUp && (
        <form className="sign-form" onSubmit={(e) => void send(e)} noValidate>
          <ErrorSummary errors={errors} labels={{ [id]: 'Follow-up', form: 'The form' }} />
          <div className="field">
            <label htmlFor={id}>Add a follow-up</label>
            <textarea id={id} name="body" rows={5} maxLength={4000} {...errorProps(id, errors)} />
            <FieldError id={id} message={errors[id]} />
          </div>
          <button type="submit" className="button" disabled={sending}>
            {sending ? 'Sending…' : 'Send my follow-up'}
          </button>
        </form>
      )}
      {status && (
        <p role="status" className="small">
          {status}
        </p>
      )}
    </div>
  )
}
