/**
 * What the filler's controls do. Plain functions over the state and the composed letter, made
 * afresh on each render as the handlers were.
 */
import { letterDocument, letterDocxBlob } from '../../lib/letter/docx'
import { forgetDraft, saveDraft } from '../../lib/letter/draft'
import { buildEml } from '../../lib/letter/email'
import { defaultChoices } from '../../lib/letter/render'
import type { ComposedLetter, FillerTemplate } from './composeLetter'
import { copyText, saveFile } from './device'
import { browserStorage, type FillerState } from './useFillerState'

/** Copy and the downloads; each says what happened and then lists any gaps left in the letter. */
export const takeAwayActions = (template: FillerTemplate, s: FillerState, letter: ComposedLetter) => {
  const { slug, kind } = template
  const word = kind === 'email' ? 'email' : 'letter'
  const { announce } = s
  /** Before taking the letter away: if required parts are blank, list them (the action still happens). */
  const checkGaps = () => {
    if (letter.missing.length === 0) return
    s.setShowGaps(true)
    s.setFocusGaps((n) => n + 1)
  }
  const copy = async (text: string, what: string) => {
    const ok = await copyText(text)
    announce(
      ok
        ? `${what} is copied. You can paste it into an email or a document.`
        : `Your browser did not let us copy. Select the text of the ${word} and copy it yourself.`,
    )
    checkGaps()
  }
  const downloadDocx = async () => {
    const blob = await letterDocxBlob(
      letterDocument({ title: template.title, subject: letter.subject, segments: letter.body }),
    )
    saveFile(blob, `${slug}.docx`)
    announce(`Your ${word} is saved as ${slug}.docx, for Word or another word processor.`)
    checkGaps()
  }
  const downloadTxt = () => {
    saveFile(new Blob([letter.fullText], { type: 'text/plain;charset=utf-8' }), `${slug}.txt`)
    announce(`Your ${word} is saved as ${slug}.txt.`)
    checkGaps()
  }
  const downloadEml = () => {
    saveFile(
      new Blob([buildEml({ subject: letter.subjectText, body: letter.bodyText })], {
        type: 'message/rfc822',
      }),
      `${slug}.eml`,
    )
    announce(`Your email is saved as ${slug}.eml. Open it to send it from your email program.`)
    checkGaps()
  }
  return { checkGaps, copy, downloadDocx, downloadTxt, downloadEml }
}

/** The form's own controls: typing, choosing sections, and keeping or forgetting the draft. */
export const formActions = (template: FillerTemplate, s: FillerState) => {
  const { slug, optionalSections } = template
  const { announce } = s
  const change = (key: string, value: string) => s.setValues((v) => ({ ...v, [key]: value }))
  const toggleSection = (key: string, on: boolean) =>
    s.setChosen((c) => (on ? [...c, key] : c.filter((k) => k !== key)))
  /** Chooses one section of an either/or group, and none of the others in its group. */
  const pickSection = (key: string) => {
    const group = optionalSections.find((x) => x.key === key)?.group
    s.setChosen((c) => [
      key,
      ...c.filter((k) => k !== key && optionalSections.find((x) => x.key === k)?.group !== group),
    ])
  }
  const changeKeep = (on: boolean) => {
    if (on && !saveDraft(browserStorage(), slug, { values: s.values, chosen: s.chosen })) {
      // Private browsing or blocked storage: say so rather than pretend it is kept.
      announce('This browser will not keep what you type. It may be set to private browsing.')
      return
    }
    s.setKeep(on)
    if (!on) forgetDraft(browserStorage(), slug)
    announce(
      on
        ? 'What you type is now kept in this browser on this device.'
        : 'What you type is no longer kept on this device.',
    )
  }
  const forget = () => {
    forgetDraft(browserStorage(), slug)
    s.setKeep(false)
    s.setValues({})
    s.setChosen([...defaultChoices(optionalSections)])
    s.setShowGaps(false)
    announce('Everything you typed is cleared from this page and from this device.')
  }
  return { change, toggleSection, pickSection, changeKeep, forget }
}
