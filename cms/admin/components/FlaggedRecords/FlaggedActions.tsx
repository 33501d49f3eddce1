'use client'
/**
 * Above the signatures and members lists: a filter for flagged records, and organisers' "Release"
 * (the confirmation email is then sent) and "Discard" (delete) for the rows ticked in the list.
 * Each calls POST /api/organise/flagged/{release,discard}; records not flagged are left alone.
 */
import { useSelection } from '@payloadcms/ui'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useState } from 'react'
import { FLAGGED_FILTER } from './flagLabels'

type Props = { collectionSlug: string }
type Answer = { ids?: unknown[]; skipped?: number; message?: string; errors?: Record<string, string> }

const decide = async (
  action: 'release' | 'discard',
  collection: string,
  ids: (number | string)[],
): Promise<string> => {
  const res = await fetch(`/api/organise/flagged/${action}`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ collection, ids }),
  })
  const data = (await res.json().catch(() => ({}))) as Answer
  if (!res.ok)
    throw new Error(
      data.message || Object.values(data.errors ?? {}).join(' ') || `The CMS answered ${res.status}.`,
    )
  const done = data.ids?.length ?? 0
  const skipped = data.skipped ? ` ${data.skipped} not flagged (or already released), left as they were.` : ''
  return action === 'release'
    ? `Released ${done}: their confirmation emails go out within a minute.${skipped}`
    : `Discarded ${done}.${skipped}`
}

export function FlaggedActions({ collectionSlug }: Props) {
  const { count, getSelectedIds } = useSelection()
  const router = useRouter()
  const pathname = usePathname()
  const params = useSearchParams()
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  const showingFlagged = params.get('where[flags][exists]') === 'true'

  const act = (action: 'release' | 'discard') => async () => {
    const question =
      action === 'release'
        ? `Release ${count} selected? Each pending one is sent its confirmation email.`
        : `Discard ${count} selected? Flagged ones are deleted for good.`
    if (!window.confirm(question)) return
    setBusy(true)
    setMessage('')
    try {
      setMessage(await decide(action, collectionSlug, getSelectedIds()))
      router.refresh()
    } catch (error) {
      setMessage((error as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div
      style={{
        display: 'flex',
        gap: '0.75rem',
        alignItems: 'center',
        flexWrap: 'wrap',
        marginBottom: '1rem',
      }}
    >
      <a
        className="btn btn--style-secondary btn--size-small"
        href={showingFlagged ? pathname : `${pathname}?${FLAGGED_FILTER}`}
        style={{ margin: 0 }}
      >
        {showingFlagged ? 'Show all' : 'Show flagged only'}
      </a>
      <button
        type="button"
        className="btn btn--style-primary btn--size-small"
        style={{ margin: 0 }}
        disabled={busy || count === 0}
        onClick={act('release')}
      >
        Release selected{count ? ` (${count})` : ''}
      </button>
      <button
        type="button"
        className="btn btn--style-secondary btn--size-small"
        style={{ margin: 0 }}
        disabled={busy || count === 0}
        onClick={act('discard')}
      >
        Discard selected{count ? ` (${count})` : ''}
      </button>
      <p role="status" aria-live="polite" style={{ margin: 0 }}>
        {message || (count === 0 ? 'Tick flagged rows to release or discard them.' : '')}
      </p>
    </div>
  )
}
