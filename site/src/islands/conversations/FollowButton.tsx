/**
 * Following a thread: an email when there are new replies, at most once an hour, with no message
 * text in it (PUT / DELETE …/threads/:id/follow). The button says what pressing it does.
 */
import { useState } from 'react'
import type { ThreadSummary } from '../../../../content-models/conversationsApi'
import { callApi, problem } from '../account/accountApi'
import type { Answer } from './talkState'
import { talkPaths } from './useTalk'

export type FollowButtonProps = {
  api: string
  thread: ThreadSummary
  refuse: (answer: Answer) => boolean
  onChange: (following: boolean) => void
}

export function FollowButton({ api, thread, refuse, onChange }: FollowButtonProps) {
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  const toggle = async () => {
    setBusy(true)
    const answer = await callApi<{ following?: boolean }>(
      api,
      talkPaths.follow(thread.id),
      thread.following ? 'DELETE' : 'PUT',
    )
    setBusy(false)
    if (refuse(answer)) return
    if (answer.status === 200 && typeof answer.body.following === 'boolean') {
      onChange(answer.body.following)
      setStatus(
        answer.body.following
          ? 'You are following this conversation.'
          : 'You stopped following this conversation.',
      )
    } else setStatus(problem(answer))
  }
  return (
    <div className="talk-follow">
      <p className="small" id="follow-hint">
        Follow it to get an email when there are new replies, at most once an hour. The email never has any
        message text in it, only a link back here. You can stop at any time.
      </p>
      <button type="button" onClick={() => void toggle()} disabled={busy} aria-describedby="follow-hint">
        {thread.following ? 'Stop following this conversation' : 'Follow this conversation'}
      </button>
      <p role="status" className="small">
        {status}
      </p>
    </div>
  )
}
