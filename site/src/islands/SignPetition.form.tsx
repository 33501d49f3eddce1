/**
 * Pieces the sign and join islands share: the form stamp (fetched from the CMS when the person
 * starts typing, for the minimum fill time), sending the form as JSON, and showing field errors.
 * Without JavaScript none of this runs and the plain form posts as it is.
 */
import { useCallback, useRef, useState } from 'react'

/** The honeypot: hidden from people (off-screen, out of the tab order); scripts fill it in. */
export const Honeypot = () => (
  <div className="hp">
    <label htmlFor="website">Leave this empty</label>
    <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
  </div>
)

/** Fetches a signed start time once, on the first focus inside the form. */
export const useFormStamp = (stampUrl: string) => {
  const [stamp, setStamp] = useState('')
  const asked = useRef(false)
  const start = useCallback(() => {
    if (asked.current) return
    asked.current = true
    fetch(stampUrl, { credentials: 'omit' })
      .then((r) => (r.ok ? r.json() : null))
      .then((body) => body?.startedAt && setStamp(String(body.startedAt)))
      .catch(() => {
        // No stamp is fine: the form still works, the CMS simply notes it.
      })
  }, [stampUrl])
  return { stamp, start }
}

/** What the CMS said. */
export type Answer = { status: number; body: { status?: string; message?: string; errors?: Record<string, string>; warning?: string } }

/** Sends the form's fields as JSON; repeated names (checkboxes) become lists. */
export const sendForm = async (form: HTMLFormElement): Promise<Answer> => {
  const fields: Record<string, unknown> = {}
  for (const [key, value] of new FormData(form)) {
    const prev = fields[key]
    fields[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value]
  }
  const res = await fetch(form.action, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(fields),
  })
  return { status: res.status, body: await res.json().catch(() => ({})) }
}

/** The list of mistakes at the top of a form, each linking to its field. */
export const ErrorSummary = ({ errors, labels }: { errors: Record<string, string>; labels: Record<string, string> }) => {
  const entries = Object.entries(errors)
  if (entries.length === 0) return null
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <h2>Please check the form</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${field}`}>{labels[field] ?? field}: {message}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** The message under a field, when it has an error. */
export const FieldError = ({ id, message }: { id: string; message?: string }) =>
  message ? (
    <p className="field-error" id={`${id}-error`}>
      <span className="visually-hidden">Error: </span>
      {message}
    </p>
  ) : null

/** aria attributes for a field that may have an error. */
export const errorProps = (id: string, errors: Record<string, string>, hintId?: string) => ({
  'aria-invalid': errors[id] ? true : undefined,
  'aria-describedby': [hintId, errors[id] ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined,
})
