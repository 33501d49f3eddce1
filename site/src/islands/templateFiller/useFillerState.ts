/**
 * The filler's state: what was typed, the sections chosen, whether a draft is kept (and the draft
 * itself, kept in the browser only when the worker says so), the live status and the gaps summary.
 */
import { useEffect, useRef, useState } from 'react'
import { loadDraft, saveDraft } from '../../lib/letter/draft'
import { defaultChoices, normaliseChoices, type OptionalSection } from '../../lib/letter/render'

/** The browser's storage, or undefined where it is switched off (reading it can throw). */
export const browserStorage = (): Storage | undefined => {
  try {
    return window.localStorage
  } catch {
    return undefined
  }
}

export const useFillerState = (slug: string, optionalSections: readonly OptionalSection[]) => {
  const [values, setValues] = useState<Record<string, string>>({})
  const [chosen, setChosen] = useState<string[]>(() => [...defaultChoices(optionalSections)])
  const [keep, setKeep] = useState(false)
  const [status, setStatus] = useState('')
  const [showGaps, setShowGaps] = useState(false)
  const gapsRef = useRef<HTMLDivElement>(null)
  const [focusGaps, setFocusGaps] = useState(0)

  // A draft exists only if the worker chose to keep one last time, so finding it means "keep" is on.
  useEffect(() => {
    const draft = loadDraft(browserStorage(), slug)
    if (!draft) return
    setValues(draft.values)
    setChosen([...normaliseChoices(optionalSections, draft.chosen)])
    setKeep(true)
    setStatus(`What you typed last time on this device is back. Press "Forget what I typed" to clear it.`)
  }, [slug, optionalSections])

  useEffect(() => {
    if (keep) saveDraft(browserStorage(), slug, { values, chosen })
  }, [keep, values, chosen, slug])

  useEffect(() => {
    if (focusGaps) gapsRef.current?.focus()
  }, [focusGaps])

  /** Says something in the live region, even when it is the same words as last time. */
  const announce = (message: string) => {
    setStatus('')
    window.setTimeout(() => setStatus(message), 50)
  }

  return {
    values,
    setValues,
    chosen,
    setChosen,
    keep,
    setKeep,
    status,
    announce,
    showGaps,
    setShowGaps,
    gapsRef,
    setFocusGaps,
  }
}

/** The filler's state, as useFillerState gives it. */
export type FillerState = ReturnType<typeof useFillerState>
