'use client'
/**
 * The review buttons in a guide's or letter's sidebar: "Request review" for editors, "Approve this
 * version" and "Send back" (with a comment) for legal reviewers. Each calls /api/review (see
 * cms/api/review.ts) and reloads the page so the form shows the new review state.
 */
import { useAuth, useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

type Status = {
  state: string
  comment: string | null
  fingerprint: string
  approved: boolean
  legalChanged: boolean
  lastEditorIsYou: boolean
}

const STATE_WORDS: Record<string, string> = {
  none: 'Not sent for review.',
  requested: 'Waiting for a legal reviewer.',
  'changes-requested': 'Sent back by a reviewer: see the note.',
  approved: 'Approved: this version can be published.',
}

export function ReviewActions() {
  const { id, collectionSlug } = useDocumentInfo()
  const { user } = useAuth<{ roles?: string[] }>()
  const [status, setStatus] = useState<Status | null>(null)
  const [comment, setComment] = useState('')
  const [message, setMessage] = useState('')
  const base = `/api/review/${collectionSlug}/${id}`
  const load = useCallback(async () => {
    const res = await fetch(base, { credentials: 'include' })
    if (res.ok) setStatus((await res.json()) as Status)
  }, [base])
  useEffect(() => {
    if (id) void load()
  }, [id, load])
  if (!id || !status) return null
  const isReviewer = Boolean(user?.roles?.some((r) => r === 'reviewer' || r === 'admin'))
  const act = (action: 'request' | 'approve' | 'send-back') => async () => {
    setMessage('')
    const res = await fetch(`${base}/${action}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ comment, fingerprint: status.fingerprint }),
    })
    const body = (await res.json().catch(() => ({}))) as { errors?: { message: string }[] }
    if (!res.ok)
      return setMessage(body.errors?.map((e) => e.message).join(' ') || `The CMS answered ${res.status}.`)
    window.location.reload()
  }
  return (
    <div
      style={{
        border: '1px solid var(--theme-elevation-150)',
        padding: '0.75rem',
        margin: '0 0 1rem',
        borderRadius: 4,
      }}
    >
      <strong>Legal review</strong>
      <p style={{ margin: '0.5rem 0' }}>
        {status.approved ? STATE_WORDS.approved : (STATE_WORDS[status.state] ?? status.state)}
        {!status.legalChanged && ' No legal text changed since the published version.'}
      </p>
      {status.comment && <p style={{ margin: '0.5rem 0' }}>Note: {status.comment}</p>}
      <label htmlFor="review-comment">Comment (needed to send back)</label>
      <textarea
        id="review-comment"
        rows={3}
        style={{ width: '100%' }}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <Buttons isReviewer={isReviewer} lastEditorIsYou={status.lastEditorIsYou} act={act} />
      {status.lastEditorIsYou && isReviewer && (
        <p>You changed its legal text last, so another reviewer must approve it.</p>
      )}
      {message && <p role="alert">{message}</p>}
    </div>
  )
}

type Act = (action: 'request' | 'approve' | 'send-back') => () => Promise<void>

/** "Request review" for everyone who edits; "Approve this version" and "Send back" for reviewers. */
function Buttons({
  isReviewer,
  lastEditorIsYou,
  act,
}: {
  isReviewer: boolean
  lastEditorIsYou: boolean
  act: Act
}) {
  return (
    <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap', marginTop: '0.5rem' }}>
      <button type="button" className="btn btn--style-secondary btn--size-small" onClick={act('request')}>
        Request review
      </button>
      {isReviewer && (
        <>
          <button
            type="button"
            className="btn btn--style-primary btn--size-small"
            onClick={act('approve')}
            disabled={lastEditorIsYou}
          >
            Approve this version
          </button>
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            onClick={act('send-back')}
          >
            Send back
          </button>
        </>
      )}
    </div>
  )
}
