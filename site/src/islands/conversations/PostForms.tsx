/**
 * Writing: a reply in an open thread (POST …/threads/:id/messages) and a new thread (POST
 * …/:network/threads). A refusal is said in words beside the field it concerns: 422 names the field,
 * 429 asks to slow down, 403 says the member is muted or must agree to the guidelines first.
 */
import { useState, type SubmitEvent } from 'react'
import { THREAD_TITLE_MAX_CHARS } from '../../../../content-models/conversations'
import type { MessageView, ThreadSummary } from '../../../../content-models/conversationsApi'
import { callApi } from '../account/accountApi'
import { errorProps } from '../forms/parts'
import { MessageField } from './MessageField'
import { FieldAlert, focusFirstError } from './parts'
import { messageProblem, postErrors, type Answer } from './talkState'
import { talkPaths } from './useTalk'

type Common = { api: string; refuse: (answer: Answer) => boolean; postingAs: string }

const PostingAs = ({ name }: { name: string }) => (
  <p className="small">
    You post as <strong>{name}</strong>. You can change this name in <a href="/account/">My account</a>.
  </p>
)

export function ReplyForm({
  api,
  refuse,
  postingAs,
  threadId,
  onPosted,
}: Common & { threadId: string | number; onPosted: (m: MessageView) => void }) {
  const [body, setBody] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault()
    const element = event.currentTarget
    const problem = messageProblem(body)
    if (problem) {
      setErrors({ body: problem })
      return focusFirstError(element)
    }
    setBusy(true)
    const answer = await callApi<{ message: MessageView }>(api, talkPaths.messages(threadId), 'POST', {
      body,
    })
    setBusy(false)
    if (refuse(answer)) return
    if (answer.status === 201 && answer.body.message) {
      setErrors({})
      setBody('')
      onPosted(answer.body.message)
    } else {
      setErrors(postErrors(answer, 'body'))
      focusFirstError(element)
    }
  }

  return (
    <form className="sign-form talk-compose" onSubmit={onSubmit} noValidate aria-labelledby="reply-heading">
      <h3 id="reply-heading">Reply</h3>
      <PostingAs name={postingAs} />
      <MessageField id="body" label="Your reply" value={body} onChange={setBody} error={errors.body} />
      <button type="submit" className="button" disabled={busy}>
        Post reply
      </button>
    </form>
  )
}

export function NewThreadForm({
  api,
  refuse,
  postingAs,
  network,
  onStarted,
}: Common & { network: string; onStarted: (thread: ThreadSummary) => void }) {
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault()
    const element = event.currentTarget
    const found: Record<string, string> = {}
    if (title.trim().length < 3) found.title = 'Give the conversation a title of at least 3 characters.'
    const problem = messageProblem(body)
    if (problem) found.body = problem
    setErrors(found)
    if (Object.keys(found).length) return focusFirstError(element)
    setBusy(true)
    const answer = await callApi<{ thread: ThreadSummary }>(api, talkPaths.threads(network), 'POST', {
      title,
      body,
    })
    setBusy(false)
    if (refuse(answer)) return
    if (answer.status === 201 && answer.body.thread) onStarted(answer.body.thread)
    else {
      setErrors(postErrors(answer, 'body'))
      focusFirstError(element)
    }
  }

  return (
    <form
      className="sign-form talk-compose"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="new-thread-heading"
    >
      <h3 id="new-thread-heading">Start a conversation</h3>
      <PostingAs name={postingAs} />
      <div className="field">
        <label htmlFor="title">Title</label>
        <p className="hint" id="title-hint">
          A few words about what you want to talk about. Up to {THREAD_TITLE_MAX_CHARS} characters.
        </p>
        <input
          id="title"
          name="title"
          type="text"
          autoComplete="off"
          maxLength={THREAD_TITLE_MAX_CHARS}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          {...errorProps('title', errors, 'title-hint')}
        />
        <FieldAlert id="title" message={errors.title} />
      </div>
      <MessageField id="body" label="Your message" value={body} onChange={setBody} error={errors.body} />
      <button type="submit" className="button" disabled={busy}>
        Start the conversation
      </button>
    </form>
  )
}
