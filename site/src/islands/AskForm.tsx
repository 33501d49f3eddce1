/**
 * The ask form. On the server a plain HTML form posting to the CMS (works without JavaScript: the
 * CMS answers with a redirect to the private reply link). Once started, it reads ?topic= and
 * ?guide= (the "Ask an adviser about this" link on a guide), asks the CMS whether the reader is
 * signed in (then the question goes to My account, with the member's cookie), and sends JSON:
 * field errors beside their fields, or on to the private link.
 */
import { useEffect, useState, type SubmitEvent } from 'react'
import { ErrorSummary, Honeypot } from './forms/parts'
import { useFormStamp } from './forms/useFormStamp'
import { callCms } from './ask/askApi'
import { AskFields, EmailField, NotifyBox, type Choice } from './ask/AskFields'

export type AskFormProps = {
  /** The CMS's public ask endpoint (a plain form posts here). */
  action: string
  /** The CMS's My account questions endpoint (signed in: GET says so, POST asks). */
  accountUrl: string
  stampUrl: string
  nations: Choice[]
  statuses: Choice[]
  topics: Choice[]
  maxChars: number
}

const LABELS: Record<string, string> = {
  whatHappened: 'What happened',
  nation: 'Where you work',
  employmentStatus: 'How you work',
  topic: 'Topic',
  fromGuide: 'Guide',
  email: 'Email address',
  form: 'The form',
}

const fieldsOf = (form: HTMLFormElement) => Object.fromEntries(new FormData(form)) as Record<string, string>

export default function AskForm({ action, accountUrl, stampUrl, ...choices }: AskFormProps) {
  const [topic, setTopic] = useState('')
  const [guide, setGuide] = useState('')
  const [signedIn, setSignedIn] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [sending, setSending] = useState(false)
  const [done, setDone] = useState('')
  // Marks the form as enhanced once the island runs (until then the plain form posts as it is).
  const [enhanced, setEnhanced] = useState(false)
  const { stamp, start } = useFormStamp(stampUrl)
  useEffect(() => {
    const q = new URLSearchParams(window.location.search)
    const t = q.get('topic') ?? ''
    if (choices.topics.some((c) => c.value === t)) setTopic(t)
    setGuide((q.get('guide') ?? '').replace(/[^a-z0-9-]/g, ''))
    void callCms(accountUrl, undefined, 'include').then((a) => setSignedIn(a.status === 200))
    setEnhanced(true)
  }, [accountUrl, choices.topics])

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    setSending(true)
    const answer = signedIn
      ? await callCms(accountUrl, { ...fieldsOf(form), notify: form.notify?.checked === true }, 'include')
      : await callCms(action, fieldsOf(form))
    setSending(false)
    if (answer.status === 201 && answer.body.replyUrl) {
      if (signedIn) setDone(answer.body.message ?? 'Your question is sent.')
      else window.location.assign(answer.body.replyUrl)
      return
    }
    if (answer.status === 0) return form.submit()
    setErrors(
      answer.body.errors ?? { form: answer.body.message ?? 'Something went wrong. Please try again.' },
    )
    window.requestAnimationFrame(() => form.querySelector<HTMLElement>('.error-summary')?.focus())
  }

  if (done)
    return (
      <div className="sign-done" role="status">
        <h2>Your question is sent</h2>
        <p>{done}</p>
        <p>
          You can read the reply and add to your question in <a href="/account/#questions">My account</a>.
        </p>
      </div>
    )

  return (
    <form
      className="sign-form ask-form"
      method="post"
      action={action}
      onSubmit={(e) => void onSubmit(e)}
      onFocus={start}
      noValidate
      data-enhanced={enhanced ? 'true' : undefined}
    >
      <ErrorSummary errors={errors} labels={LABELS} />
      {signedIn && (
        <p className="ask-signed-in">
          You are signed in: your question and the reply will be in{' '}
          <a href="/account/#questions">My account</a>. Advisers never see who you are.
        </p>
      )}
      <AskFields errors={errors} topic={topic} setTopic={setTopic} {...choices} />
      {signedIn ? <NotifyBox /> : <EmailField errors={errors} />}
      <input type="hidden" name="fromGuide" value={guide} />
      <Honeypot />
      <input type="hidden" name="startedAt" value={stamp} />
      <button type="submit" className="button" disabled={sending}>
        {sending ? 'Sending…' : 'Send my question'}
      </button>
    </form>
  )
}
