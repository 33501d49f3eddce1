/**
 * One message: who wrote it (their display name), when, the text (MessageBody), and what the reader
 * may do: delete their own (asked first; gone for everyone) or report anyone's (with a reason, to
 * the network's organisers).
 */
import { useEffect, useRef, useState } from 'react'
import type { MessageView } from '../../../../content-models/conversationsApi'
import { callApi, problem } from '../account/accountApi'
import { MessageBody } from './MessageBody'
import { ReportForm } from './ReportForm'
import { type Answer, whenWords } from './talkState'
import { talkPaths } from './useTalk'

export type MessageItemProps = {
  api: string
  message: MessageView
  refuse: (answer: Answer) => boolean
  onDeleted: (id: string | number) => void
}

function DeleteConfirm({ onYes, onNo, busy }: { onYes: () => void; onNo: () => void; busy: boolean }) {
  const yes = useRef<HTMLButtonElement>(null)
  useEffect(() => yes.current?.focus(), [])
  return (
    <div className="talk-confirm" role="group" aria-label="Delete this message?">
      <p>Delete this message for everyone? You cannot undo this.</p>
      <button ref={yes} type="button" className="button" onClick={onYes} disabled={busy}>
        Yes, delete it
      </button>{' '}
      <button type="button" onClick={onNo}>
        No, keep it
      </button>
    </div>
  )
}

export function MessageItem({ api, message: m, refuse, onDeleted }: MessageItemProps) {
  const [mode, setMode] = useState<'idle' | 'confirm' | 'report'>('idle')
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState('')
  const when = whenWords(m.at)
  const opener = useRef<HTMLButtonElement>(null)

  const back = () => {
    setMode('idle')
    requestAnimationFrame(() => opener.current?.focus())
  }

  const remove = async () => {
    setBusy(true)
    const answer = await callApi(api, talkPaths.message(m.id), 'DELETE')
    setBusy(false)
    if (refuse(answer)) return
    if (answer.status === 200 || answer.status === 404) onDeleted(m.id)
    else setStatus(problem(answer))
  }

  return (
    <li className={m.hidden ? 'talk-message talk-message-hidden' : 'talk-message'} id={`message-${m.id}`}>
      <p className="talk-meta">
        <strong>{m.authorName}</strong>
        {m.mine && <span className="talk-you"> (you)</span>} <time dateTime={m.at}>{when}</time>
      </p>
      {m.hidden && <p className="warning small">A moderator hid this message. Only you can see it.</p>}
      <MessageBody body={m.body} />
      {mode === 'idle' && (
        <p className="talk-actions">
          {m.mine ? (
            <button ref={opener} type="button" onClick={() => setMode('confirm')}>
              Delete<span className="visually-hidden"> your message of {when}</span>
            </button>
          ) : (
            <button ref={opener} type="button" onClick={() => setMode('report')}>
              Report
              <span className="visually-hidden">
                {' '}
                the message from {m.authorName} of {when}
              </span>
            </button>
          )}
        </p>
      )}
      {mode === 'confirm' && <DeleteConfirm onYes={() => void remove()} onNo={back} busy={busy} />}
      {mode === 'report' && (
        <ReportForm
          api={api}
          messageId={m.id}
          refuse={refuse}
          onCancel={back}
          onSent={(words) => {
            setStatus(words)
            back()
          }}
        />
      )}
      <p role="status" className="small">
        {status}
      </p>
    </li>
  )
}
