/** The list of required parts still blank, each linking to its field; shown after the letter is taken away. */
import type { RefObject } from 'react'
import { fieldId } from './parts'

export function GapsSummary({
  word,
  missing,
  labelOf,
  gapsRef,
}: {
  word: string
  missing: readonly string[]
  labelOf: ReadonlyMap<string, string>
  gapsRef: RefObject<HTMLDivElement | null>
}) {
  return (
    <div className="filler-gaps" ref={gapsRef} tabIndex={-1} aria-labelledby="tf-gaps-title">
      <h3 id="tf-gaps-title">Your {word} still has gaps</h3>
      <p>
        They show in [square brackets] in what you copied or saved. Fill them in here, or by hand before you
        send it.
      </p>
      <ul>
        {missing.map((key) => (
          <li key={key}>
            <a
              href={`#${fieldId(key)}`}
              onClick={(e) => {
                e.preventDefault()
                document.getElementById(fieldId(key))?.focus()
              }}
            >
              {labelOf.get(key) ?? key}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}
