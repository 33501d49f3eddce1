'use client'
/**
 * "Preview link for a reviewer" in a public document's sidebar: asks the CMS for a signed link to
 * the latest saved version (POST /api/preview/<collection>/<id>/link, cms/api/preview.ts) and
 * shows it ready to copy, with the date it stops working. Payload's own Preview button opens the
 * same page for staff who are signed in.
 */
import { useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

type Link = { url: string; expiresAt: string }

export function PreviewLink() {
  const { id, collectionSlug } = useDocumentInfo()
  const [link, setLink] = useState<Link | null>(null)
  const [message, setMessage] = useState('')
  if (!id) return null
  const make = async () => {
    setMessage('')
    const res = await fetch(`/api/preview/${collectionSlug}/${id}/link`, {
      method: 'POST',
      credentials: 'include',
    })
    const body = (await res.json().catch(() => ({}))) as Partial<Link> & { message?: string }
    if (!res.ok || !body.url) return setMessage(body.message ?? `The CMS answered ${res.status}.`)
    setLink({ url: body.url, expiresAt: body.expiresAt ?? '' })
    await navigator.clipboard?.writeText(body.url).catch(() => undefined)
  }
  return (
    <div style={{ margin: '0 0 1rem' }}>
      <strong>Preview link for a reviewer</strong>
      <p style={{ margin: '0.5rem 0' }}>
        A private link to the page as last saved, for someone without a CMS account. Save first.
      </p>
      <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => void make()}>
        Make a preview link
      </button>
      {link && (
        <p style={{ margin: '0.5rem 0' }}>
          <label htmlFor="preview-link-url">Link (copied; works until {link.expiresAt.slice(0, 10)})</label>
          <input
            id="preview-link-url"
            readOnly
            value={link.url}
            style={{ width: '100%' }}
            onFocus={(e) => e.target.select()}
          />
        </p>
      )}
      {message && <p role="alert">{message}</p>}
    </div>
  )
}
