/** The filler's form: section choices, a field for each placeholder the letter uses, and the draft controls. */
import { WORK_EMAIL_WARNING, isOwnDetail, workEmailReason } from '../../lib/letter/workEmail'
import type { ComposedLetter, FillerTemplate } from './composeLetter'
import type { formActions } from './fillerActions'
import { FillerField, SectionChoices } from './parts'

export type FillerFormProps = {
  template: FillerTemplate
  letter: ComposedLetter
  values: Record<string, string>
  showGaps: boolean
  keep: boolean
  actions: ReturnType<typeof formActions>
}

export function FillerForm({ template, letter, values, showGaps, keep, actions }: FillerFormProps) {
  const { placeholders, optionalSections } = template
  return (
    <div className="filler-form">
      <SectionChoices
        sections={optionalSections}
        chosen={letter.chosenSet}
        onToggle={actions.toggleSection}
        onPick={actions.pickSection}
      />
      {placeholders
        .filter((p) => letter.used.has(p.key))
        .map((p) => {
          const reason = isOwnDetail(p.key) ? workEmailReason(values[p.key] ?? '', letter.employer) : null
          return (
            <FillerField
              key={p.key}
              p={p}
              value={values[p.key] ?? ''}
              warning={reason ? WORK_EMAIL_WARNING[reason] : null}
              invalid={showGaps && letter.missing.includes(p.key)}
              onChange={actions.change}
            />
          )
        })}
      <DraftControls keep={keep} onKeep={actions.changeKeep} onForget={actions.forget} />
    </div>
  )
}

/** Keeping a draft in this browser (only when asked), and forgetting everything typed. */
function DraftControls({
  keep,
  onKeep,
  onForget,
}: {
  keep: boolean
  onKeep: (on: boolean) => void
  onForget: () => void
}) {
  return (
    <div className="filler-draft">
      <div className="filler-check">
        <input
          type="checkbox"
          id="tf-keep"
          checked={keep}
          onChange={(e) => onKeep(e.target.checked)}
          aria-describedby="tf-keep-hint"
        />
        <label htmlFor="tf-keep">Keep what I type in this browser, so I can finish later</label>
      </div>
      <p className="filler-hint" id="tf-keep-hint">
        Only do this on your own phone or computer. Anyone who uses this browser could see it.
      </p>
      <button type="button" onClick={onForget}>
        Forget what I typed
      </button>
    </div>
  )
}
