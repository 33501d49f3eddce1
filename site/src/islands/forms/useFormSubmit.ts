/**
 * Sending the sign and join forms as JSON, showing field errors, and saying what happened. Without
 * JavaScript none of this runs and the plain form posts as it is.
 */
import { useEffect, useRef, useState, type SubmitEvent } from 'react'

/** What the CMS said. */
export type Answer = {
  status: number
  body: { status?: string; message?: string; errors?: Record<string, string>; warning?: string }
}

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

/** What happened after the form was sent: shown in place of the form. */
export type FormDone = { title: string; message: string; warning?: string }

/**
 * Sending a form with JavaScript, as both islands do: JSON to the CMS, then either the field
 * errors (their summary focused) or what happened (focused, in place of the form). If the CMS
 * cannot be reached from the page, the plain form is posted instead.
 * `sentMessage` says what to do after "Check your email"; `failedTitle` heads any other answer.
 */
export const useFormSubmit = ({ sentMessage, failedTitle }: { sentMessage: string; failedTitle: string }) => {
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [done, setDone] = useState<FormDone | null>(null)
  const [sending, setSending] = useState(false)
  const doneRef = useRef<HTMLDivElement>(null)
  // Marks the form as enhanced once the island runs (until then the plain form posts as it is).
  const [enhanced, setEnhanced] = useState(false)
  useEffect(() => setEnhanced(true), [])
  // Where focus goes once the answer is on the page: moved after React has drawn it, not in an
  // animation frame that could run first (seen in Chromium: focus stayed on the page's body).
  const formRef = useRef<HTMLFormElement | null>(null)
  const [focus, setFocus] = useState<{ on: 'errors' | 'done'; tries: number } | null>(null)
  useEffect(() => {
    if (focus?.on === 'done') doneRef.current?.focus()
    else if (focus?.on === 'errors') formRef.current?.querySelector<HTMLElement>('.error-summary')?.focus()
  }, [focus])

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    formRef.current = form
    setSending(true)
    try {
      const answer = await sendForm(form)
      // Too many tries from this connection: said above the form, which keeps what was typed.
      const errors =
        answer.status === 429
          ? { form: answer.body.message ?? 'Please wait a minute and send the form again.' }
          : answer.body.errors
      if ((answer.status === 422 || answer.status === 429) && errors) {
        setErrors(errors)
        setFocus((f) => ({ on: 'errors', tries: (f?.tries ?? 0) + 1 }))
        return
      }
      setErrors({})
      if (answer.status === 202 || answer.status === 200) {
        setDone({ title: 'Check your email', message: sentMessage, warning: answer.body.warning })
        setFocus((f) => ({ on: 'done', tries: (f?.tries ?? 0) + 1 }))
        return
      }
      setDone({
        title: failedTitle,
        message: answer.body.message ?? 'Something went wrong. Please try again in a few minutes.',
      })
      setFocus((f) => ({ on: 'done', tries: (f?.tries ?? 0) + 1 }))
    } catch {
      // The CMS could not be reached from here: fall back to the plain form post.
      form.submit()
    } finally {
      setSending(false)
    }
  }

  return { errors, done, sending, enhanced, doneRef, onSubmit }
}
