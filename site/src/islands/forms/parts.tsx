/**
 * Parts the sign and join forms share: the honeypot, the list of mistakes, a field's error and its
 * aria attributes, and what happened in place of the form.
 */
import type { RefObject } from 'react'
import type { FormDone } from './useFormSubmit'

/** The honeypot: hidden from people (off-screen, out of the tab order); scripts fill it in. */
export const Honeypot = () => (
  <div className="hp">
    <label htmlFor="website">Leave this empty</label>
    <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
  </div>
)

/** The list of mistakes at the top of a form, each linking to its field. */
export const ErrorSummary = ({
  errors,
  labels,
}: {
  errors: Record<string, string>
  labels: Record<string, string>
}) => {
  const entries = Object.entries(errors)
  if (entries.length === 0) return null
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <h2>Please check the form</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${field}`}>
              {labels[field] ?? field}: {message}
            </a>
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

/** What happened, in place of the form (a status, focused so screen readers announce it). */
export const FormDoneMessage = ({
  done,
  doneRef,
  heading: Heading,
}: {
  done: FormDone
  doneRef: RefObject<HTMLDivElement | null>
  heading: 'h2' | 'h3'
}) => (
  <div className="sign-done" role="status" tabIndex={-1} ref={doneRef}>
    <Heading>{done.title}</Heading>
    <p>{done.message}</p>
    {done.warning && <p className="warning">{done.warning}</p>}
  </div>
)
