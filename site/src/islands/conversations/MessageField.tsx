/**
 * The box a message is written in, with a live count of the characters left (MESSAGE_MAX_CHARS):
 * shown as you type, read out to screen readers only after a pause, so it does not talk over
 * typing. Too long is allowed while typing (pasting then trimming is normal) and refused on send.
 */
import { useEffect, useState } from 'react'
import { MESSAGE_MAX_CHARS } from '../../../../content-models/conversations'
import { errorProps } from '../forms/parts'
import { FieldAlert } from './parts'
import { charCount, countWords } from './talkState'

export type MessageFieldProps = {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  error?: string
  disabled?: boolean
}

export function MessageField({ id, label, value, onChange, error, disabled }: MessageFieldProps) {
  const words = countWords(value, MESSAGE_MAX_CHARS)
  const over = charCount(value, MESSAGE_MAX_CHARS).over
  const [spoken, setSpoken] = useState('')
  useEffect(() => {
    const timer = setTimeout(() => setSpoken(value ? words : ''), 1000)
    return () => clearTimeout(timer)
  }, [value, words])
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        Plain text only. Links starting https:// become clickable. Up to{' '}
        {MESSAGE_MAX_CHARS.toLocaleString('en-GB')} characters.
      </p>
      <textarea
        id={id}
        name={id}
        rows={5}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.value)}
        {...errorProps(id, error ? { [id]: error } : {}, `${id}-hint ${id}-count`)}
      />
      <p id={`${id}-count`} className={over ? 'talk-count talk-count-over' : 'talk-count'}>
        {words}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {spoken}
      </p>
      <FieldAlert id={id} message={error} />
    </div>
  )
}
