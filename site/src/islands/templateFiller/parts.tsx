/** Small parts of the template filler: one field, the section choices, the letter text. */
import type { ChangeEvent } from 'react'
import type { OptionalSection, Placeholder, Segment } from '../../lib/letter/render'
import { formatDateValue } from '../../lib/letter/render'

/** The id of a placeholder's input, used by labels and by links from the gaps summary. */
export const fieldId = (key: string) => `tf-${key}`

/** One placeholder as a labelled input: hint and example as help text, never as a value. */
export function FillerField({
  p,
  value,
  warning,
  invalid,
  onChange,
}: {
  p: Placeholder
  value: string
  warning: string | null
  invalid: boolean
  onChange: (key: string, value: string) => void
}) {
  const id = fieldId(p.key)
  const help = [
    p.hint,
    p.example ? `For example: ${p.type === 'date' ? formatDateValue(p.example) : p.example}` : null,
  ]
    .filter(Boolean)
    .join(' ')
  const describedBy =
    [help && `${id}-hint`, warning && `${id}-warning`].filter(Boolean).join(' ') || undefined
  const common = {
    id,
    name: p.key,
    value,
    'aria-describedby': describedBy,
    'aria-required': p.required || undefined,
    'aria-invalid': invalid || undefined,
    autoComplete: 'off',
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(p.key, e.target.value),
  }
  return (
    <div className="filler-field">
      <label htmlFor={id}>
        {p.label}
        {!p.required && <span className="filler-optional"> (optional)</span>}
      </label>
      {help && (
        <p className="filler-hint" id={`${id}-hint`}>
          {help}
        </p>
      )}
      {p.multiline ? (
        <textarea {...common} rows={4} />
      ) : (
        <input {...common} type={p.type === 'date' ? 'date' : 'text'} />
      )}
      {warning && (
        <p className="filler-warning" id={`${id}-warning`}>
          {warning}
        </p>
      )}
    </div>
  )
}

/** Optional sections as checkboxes; each either/or group as radio buttons where exactly one is chosen. */
export function SectionChoices({
  sections,
  chosen,
  onToggle,
  onPick,
}: {
  sections: readonly OptionalSection[]
  chosen: ReadonlySet<string>
  onToggle: (key: string, on: boolean) => void
  onPick: (key: string) => void
}) {
  const single = sections.filter((s) => !s.group)
  const groups = [...new Set(sections.flatMap((s) => (s.group ? [s.group] : [])))]
  return (
    <>
      {groups.map((g, i) => (
        <fieldset className="filler-choices" key={g}>
          <legend>
            {groups.length > 1
              ? `Choose which one fits you (${i + 1} of ${groups.length})`
              : 'Choose which one fits you'}
          </legend>
          {sections
            .filter((s) => s.group === g)
            .map((s) => (
              <div className="filler-check" key={s.key}>
                <input
                  type="radio"
                  id={`tf-section-${s.key}`}
                  name={`tf-group-${g}`}
                  checked={chosen.has(s.key)}
                  onChange={() => onPick(s.key)}
                />
                <label htmlFor={`tf-section-${s.key}`}>{s.label}</label>
              </div>
            ))}
        </fieldset>
      ))}
      {single.length > 0 && (
        <fieldset className="filler-choices">
          <legend>Choose what to put in</legend>
          {single.map((s) => (
            <div className="filler-check" key={s.key}>
              <input
                type="checkbox"
                id={`tf-section-${s.key}`}
                checked={chosen.has(s.key)}
                onChange={(e) => onToggle(s.key, e.target.checked)}
              />
              <label htmlFor={`tf-section-${s.key}`}>{s.label}</label>
            </div>
          ))}
        </fieldset>
      )}
    </>
  )
}

/** Rendered segments as React text nodes (never HTML); gaps marked so they stand out. */
export function Segments({ segments }: { segments: readonly Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.kind === 'gap' ? (
          <span className="placeholder" key={i}>
            [{s.label}]
          </span>
        ) : (
          s.text
        ),
      )}
    </>
  )
}
