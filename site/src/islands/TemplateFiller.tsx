/**
 * Fill in a letter or email template, all on the worker's device: a form built from the template's
 * placeholders, the letter updating as they type, copy, and downloads made in the browser (.docx,
 * .txt, and for emails .eml and a mailto: link). Nothing is sent anywhere. A draft is kept in the
 * browser only when the worker ticks the box, and "Forget what I typed" clears it.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import type { SnapshotTemplate } from '../../../content-models/snapshot'
import { letterDocument, letterDocxBlob } from '../lib/letter/docx'
import { forgetDraft, loadDraft, saveDraft } from '../lib/letter/draft'
import { buildEml, mailtoHref, mailtoTooLong } from '../lib/letter/email'
import { fieldsUsed } from '../lib/letter/parse'
import {
  defaultChoices,
  missingRequired,
  normaliseChoices,
  parseLetter,
  renderLetter,
  segmentsToText,
} from '../lib/letter/render'
import { isOwnDetail, WORK_EMAIL_WARNING, workEmailReason } from '../lib/letter/workEmail'
import { copyText, FillerField, fieldId, saveFile, SectionChoices, Segments } from './templateFiller/parts'

/** What the filler needs of a template (passed from the page as JSON). */
export type FillerTemplate = Pick<
  SnapshotTemplate,
  'slug' | 'title' | 'kind' | 'subject' | 'body' | 'placeholders' | 'optionalSections'
>

/** The browser's storage, or undefined where it is switched off (reading it can throw). */
const browserStorage = (): Storage | undefined => {
  try {
    return window.localStorage
  } catch {
    return undefined
  }
}

/** The form, the live letter and the ways to take it away. */
export default function TemplateFiller({ template }: { template: FillerTemplate }) {
  const { slug, kind, placeholders, optionalSections } = template
  const word = kind === 'email' ? 'email' : 'letter'
  const parsed = useMemo(() => parseLetter(template), [template])
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

  const chosenSet = normaliseChoices(optionalSections, chosen)
  const body = renderLetter(parsed.body, template, { values, chosen: chosenSet })
  const subject = parsed.subject
    ? renderLetter(parsed.subject, template, { values, chosen: chosenSet })
    : null
  const used = new Set([
    ...(parsed.subject ? fieldsUsed(parsed.subject) : []),
    ...fieldsUsed(parsed.body, chosenSet),
  ])
  // In the order of the form, so the list of gaps reads like the form does.
  const blank = new Set([...(subject ? missingRequired(subject) : []), ...missingRequired(body)])
  const missing = placeholders.map((p) => p.key).filter((key) => blank.has(key))
  const bodyText = segmentsToText(body)
  const subjectText = subject ? segmentsToText(subject) : ''
  const fullText = subject ? `Subject: ${subjectText}\n\n${bodyText}\n` : `${bodyText}\n`
  const mailto = kind === 'email' ? mailtoHref({ subject: subjectText, body: bodyText }) : ''
  const employer = {
    employerName: values.employer_name,
    employerText: Object.entries(values)
      .filter(([k]) => !isOwnDetail(k))
      .map(([, v]) => v)
      .join(' '),
  }

  /** Says something in the live region, even when it is the same words as last time. */
  const announce = (message: string) => {
    setStatus('')
    window.setTimeout(() => setStatus(message), 50)
  }
  /** Before taking the letter away: if required parts are blank, list them (the action still happens). */
  const checkGaps = () => {
    if (missing.length === 0) return
    setShowGaps(true)
    setFocusGaps((n) => n + 1)
  }
  const change = (key: string, value: string) => setValues((v) => ({ ...v, [key]: value }))

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
    const blob = await letterDocxBlob(letterDocument({ title: template.title, subject, segments: body }))
    saveFile(blob, `${slug}.docx`)
    announce(`Your ${word} is saved as ${slug}.docx, for Word or another word processor.`)
    checkGaps()
  }
  const downloadTxt = () => {
    saveFile(new Blob([fullText], { type: 'text/plain;charset=utf-8' }), `${slug}.txt`)
    announce(`Your ${word} is saved as ${slug}.txt.`)
    checkGaps()
  }
  const downloadEml = () => {
    saveFile(
      new Blob([buildEml({ subject: subjectText, body: bodyText })], { type: 'message/rfc822' }),
      `${slug}.eml`,
    )
    announce(`Your email is saved as ${slug}.eml. Open it to send it from your email program.`)
    checkGaps()
  }
  const changeKeep = (on: boolean) => {
    if (on && !saveDraft(browserStorage(), slug, { values, chosen })) {
      // Private browsing or blocked storage: say so rather than pretend it is kept.
      announce('This browser will not keep what you type. It may be set to private browsing.')
      return
    }
    setKeep(on)
    if (!on) forgetDraft(browserStorage(), slug)
    announce(
      on
        ? 'What you type is now kept in this browser on this device.'
        : 'What you type is no longer kept on this device.',
    )
  }
  const forget = () => {
    forgetDraft(browserStorage(), slug)
    setKeep(false)
    setValues({})
    setChosen([...defaultChoices(optionalSections)])
    setShowGaps(false)
    announce('Everything you typed is cleared from this page and from this device.')
  }

  const labelOf = new Map(placeholders.map((p) => [p.key, p.label]))
  const tooLong = kind === 'email' && mailtoTooLong(mailto)

  return (
    <section className="filler" aria-labelledby="tf-title">
      <h2 id="tf-title">Fill in your {word}</h2>
      <p>
        Type your details and the {word} fills in as you go. Everything stays on this device: nothing you type
        is sent to us or anyone else. All parts are needed unless they say (optional).
      </p>

      {showGaps && missing.length > 0 && (
        <div className="filler-gaps" ref={gapsRef} tabIndex={-1} aria-labelledby="tf-gaps-title">
          <h3 id="tf-gaps-title">Your {word} still has gaps</h3>
          <p>
            They show in [square brackets] in what you copied or saved. Fill them in here, or by hand before
            you send it.
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
      )}

      <div className="filler-layout">
        <div className="filler-form">
          <SectionChoices
            sections={optionalSections}
            chosen={chosenSet}
            onToggle={(key, on) => setChosen((c) => (on ? [...c, key] : c.filter((k) => k !== key)))}
            onPick={(key) => {
              const group = optionalSections.find((s) => s.key === key)?.group
              setChosen((c) => [
                key,
                ...c.filter((k) => k !== key && optionalSections.find((s) => s.key === k)?.group !== group),
              ])
            }}
          />
          {placeholders
            .filter((p) => used.has(p.key))
            .map((p) => {
              const reason = isOwnDetail(p.key) ? workEmailReason(values[p.key] ?? '', employer) : null
              return (
                <FillerField
                  key={p.key}
                  p={p}
                  value={values[p.key] ?? ''}
                  warning={reason ? WORK_EMAIL_WARNING[reason] : null}
                  invalid={showGaps && missing.includes(p.key)}
                  onChange={change}
                />
              )
            })}
          <div className="filler-draft">
            <div className="filler-check">
              <input
                type="checkbox"
                id="tf-keep"
                checked={keep}
                onChange={(e) => changeKeep(e.target.checked)}
                aria-describedby="tf-keep-hint"
              />
              <label htmlFor="tf-keep">Keep what I type in this browser, so I can finish later</label>
            </div>
            <p className="filler-hint" id="tf-keep-hint">
              Only do this on your own phone or computer. Anyone who uses this browser could see it.
            </p>
            <button type="button" onClick={forget}>
              Forget what I typed
            </button>
          </div>
        </div>

        <div className="filler-preview">
          <h3 id="tf-preview-title">Your {word}</h3>
          {subject && (
            <p className="filler-subject">
              <strong>Subject:</strong> <Segments segments={subject} />
            </p>
          )}
          <div className="letter" aria-labelledby="tf-preview-title" role="region">
            <Segments segments={body} />
          </div>
          <div className="filler-actions">
            <button
              type="button"
              onClick={() => copy(bodyText, kind === 'email' ? 'The email' : 'The letter')}
            >
              Copy the {word}
            </button>
            {subject && (
              <button type="button" onClick={() => copy(subjectText, 'The subject')}>
                Copy the subject
              </button>
            )}
            <button type="button" onClick={downloadDocx}>
              Save for Word (.docx)
            </button>
            <button type="button" onClick={downloadTxt}>
              Save as text (.txt)
            </button>
            {kind === 'email' && (
              <>
                <button type="button" onClick={downloadEml}>
                  Save as an email (.eml)
                </button>
                <a
                  className="button"
                  href={mailto}
                  onClick={checkGaps}
                  aria-describedby={tooLong ? 'tf-mailto-warning' : undefined}
                >
                  Open in my email app
                </a>
              </>
            )}
          </div>
          {tooLong && (
            <p className="filler-warning" id="tf-mailto-warning">
              This email may be too long to open in your email app this way, and part of it could be cut off.
              It is safer to press "Copy the email" and paste it into a new email.
            </p>
          )}
          <p className="filler-status" role="status">
            {status}
          </p>
        </div>
      </div>
    </section>
  )
}
