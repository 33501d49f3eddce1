/**
 * Fill in a letter or email template, all on the worker's device: a form built from the template's
 * placeholders, the letter updating as they type, copy, and downloads made in the browser (.docx,
 * .txt, and for emails .eml and a mailto: link). Nothing is sent anywhere. A draft is kept in the
 * browser only when the worker ticks the box, and "Forget what I typed" clears it. State lives in
 * templateFiller/useFillerState.ts, the letter in composeLetter.ts, parts beside them.
 */
import { useMemo } from 'react'
import { parseLetter } from '../lib/letter/render'
import { composeLetter, type FillerTemplate } from './templateFiller/composeLetter'
import { formActions, takeAwayActions } from './templateFiller/fillerActions'
import { FillerForm } from './templateFiller/FillerForm'
import { GapsSummary } from './templateFiller/GapsSummary'
import { LetterPreview } from './templateFiller/LetterPreview'
import { useFillerState } from './templateFiller/useFillerState'

export type { FillerTemplate }

/** The form, the live letter and the ways to take it away. */
export default function TemplateFiller({ template }: { template: FillerTemplate }) {
  const { kind } = template
  const word = kind === 'email' ? 'email' : 'letter'
  const parsed = useMemo(() => parseLetter(template), [template])
  const state = useFillerState(template.slug, template.optionalSections)
  const letter = composeLetter(template, parsed, state.values, state.chosen)

  return (
    <section className="filler" aria-labelledby="tf-title">
      <h2 id="tf-title">Fill in your {word}</h2>
      <p>
        Type your details and the {word} fills in as you go. Everything stays on this device: nothing you type
        is sent to us or anyone else. All parts are needed unless they say (optional).
      </p>

      {state.showGaps && letter.missing.length > 0 && (
        <GapsSummary word={word} missing={letter.missing} labelOf={letter.labelOf} gapsRef={state.gapsRef} />
      )}

      <div className="filler-layout">
        <FillerForm
          template={template}
          letter={letter}
          values={state.values}
          showGaps={state.showGaps}
          keep={state.keep}
          actions={formActions(template, state)}
        />
        <LetterPreview
          kind={kind}
          letter={letter}
          actions={takeAwayActions(template, state, letter)}
          status={state.status}
        />
      </div>
    </section>
  )
}
