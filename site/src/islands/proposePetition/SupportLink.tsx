/** The private supporters' link, with a button that copies it. */
import { useState } from 'react'

export function SupportLink({ url }: { url: string }) {
  const [copied, setCopied] = useState(false)
  return (
    <div className="field">
      <label htmlFor="support-link">Private link for supporters</label>
      <input id="support-link" type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      <button
        type="button"
        className="button"
        onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}
      >
        Copy the link
      </button>
      <p role="status" className="small">
        {copied
          ? 'Copied.'
          : 'Anyone with this link can read your proposal. Share it only with co-workers you trust.'}
      </p>
    </div>
  )
}
