'use client'
/**
 * Admins' buttons above the site-builds list: "Rebuild now" (a full build, queued at once) and
 * "Roll back" (serve the build before the live one). Each calls an admin-only endpoint under
 * /api/site/ and says what happened.
 */
import { useState } from 'react'

const post = async (url: string, body?: unknown): Promise<string> => {
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const data = (await res.json().catch(() => ({}))) as {
    message?: string
    errors?: Record<string, string>
    buildId?: string
    to?: string
  }
  if (!res.ok)
    throw new Error(
      data.message || Object.values(data.errors ?? {}).join(' ') || `The CMS answered ${res.status}.`,
    )
  return data.to
    ? `The site now serves build ${data.to}.`
    : `Build ${data.buildId} is queued; it starts within seconds.`
}

export function BuildActions() {
  const [message, setMessage] = useState<string>('')
  const [busy, setBusy] = useState(false)
  const act = (url: string, confirmText?: string) => async () => {
    if (confirmText && !window.confirm(confirmText)) return
    setBusy(true)
    setMessage('')
    try {
      setMessage(await post(url))
    } catch (error) {
      setMessage((error as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'center', flexWrap: 'wrap' }}>
      <button
        type="button"
        className="btn btn--style-primary btn--size-small"
        disabled={busy}
        onClick={act('/api/site/rebuild')}
      >
        Rebuild now
      </button>
      <button
        type="button"
        className="btn btn--style-secondary btn--size-small"
        disabled={busy}
        onClick={act(
          '/api/site/rollback',
          'Serve the build before the live one? Changes published since then will be hidden until the next build.',
        )}
      >
        Roll back
      </button>
      <p role="status" aria-live="polite" style={{ margin: 0 }}>
        {message}
      </p>
    </div>
  )
}
