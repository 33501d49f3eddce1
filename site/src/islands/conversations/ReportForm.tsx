/**
 * Reporting a message to the network's organisers: a reason (REPORT_REASONS) and, if the member
 * wants, a note. POST …/messages/:id/report answers 202; the writer is never told who reported.
 */
import { useEffect, useRef, useState, type SubmitEvent } from 'react'
import { REPORT_REASONS } from '../../../../content-models/conversations'
import { callApi } from '../account/accountApi'
import { errorProps } from '../forms/parts'
import { FieldAlert } from './parts'
import { postErrors, type Answer } from './talkState'
import { talkPaths } from './useTalk'

export type ReportFormProps = {
  api: string
  messageId: string | number
  refuse: (answer: Answer) => boolean
  onCancel: () => void
  onSent: (words: string) => void
}

export function ReportForm({ api, messageId, refuse, onCancel, onSent }: ReportFormProps) {
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const legend = useRef<HTMLFieldSetElement>(null)
  const id = `report-${messageId}`
  useEffect(() => legend.current?.focus(), [])

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const reason = String(form.get('reason') ?? '')
    const note = String(form.get('note') ?? '').trim()
    if (!reason) return setErrors({ reason: 'Choose why you are reporting this message.' })
    setBusy(true)
    const answer = await callApi(
      api,
      talkPaths.report(messageId),
      'POST',
      note ? { reason, note } : { reason },
    )
    setBusy(false)
    if (refuse(answer)) return
    if (answer.status === 202 || answer.status === 200)
      onSent(
        'Thank you. The organisers of this network will look at it. Nobody else is told who reported it.',
      )
    else setErrors(postErrors(answer, 'reason'))
  }

  return (
    <form className="sign-form talk-report" onSubmit={onSubmit} noValidate>
      <fieldset
        className="field"
        ref={legend}
        tabIndex={-1}
        aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
      >
        <legend>Why are you reporting this message?</legend>
        {REPORT_REASONS.map((r) => (
          <div className="checkbox" key={r.value}>
            <input type="radio" id={`${id}-${r.value}`} name="reason" value={r.value} />
            <label htmlFor={`${id}-${r.value}`}>{r.label}</label>
          </div>
        ))}
        <FieldAlert id={`${id}-reason`} message={errors.reason} />
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-note`}>Anything the organisers should know (you can leave this empty)</label>
        <textarea
          id={`${id}-note`}
          name="note"
          rows={3}
          maxLength={1000}
          {...errorProps(`${id}-note`, errors.note ? { [`${id}-note`]: errors.note } : {})}
        />
        <FieldAlert id={`${id}-note`} message={errors.note} />
      </div>
      <button type="submit" className="button" disabled={busy}>
        Send report
      </button>{' '}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  )
}
