/**
 * The letter as the worker has filled it in so far: what the filler shows, copies and saves, worked
 * out from the template, the values typed and the sections chosen. Plain data in, plain data out.
 */
import type { SnapshotTemplate } from '../../../../content-models/snapshot'
import { mailtoHref, mailtoTooLong } from '../../lib/letter/email'
import { fieldsUsed } from '../../lib/letter/parse'
import {
  missingRequired,
  normaliseChoices,
  renderLetter,
  segmentsToText,
  type ParsedTemplate,
} from '../../lib/letter/render'
import { isOwnDetail } from '../../lib/letter/workEmail'

/** What the filler needs of a template (passed from the page as JSON). */
export type FillerTemplate = Pick<
  SnapshotTemplate,
  'slug' | 'title' | 'kind' | 'subject' | 'body' | 'placeholders' | 'optionalSections'
>

/** The filled-in letter and what the filler needs to know about it. */
export const composeLetter = (
  template: FillerTemplate,
  parsed: ParsedTemplate,
  values: Record<string, string>,
  chosen: readonly string[],
) => {
  const { kind, placeholders, optionalSections } = template
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
  const labelOf = new Map(placeholders.map((p) => [p.key, p.label]))
  const tooLong = kind === 'email' && mailtoTooLong(mailto)
  return {
    chosenSet,
    body,
    subject,
    used,
    missing,
    bodyText,
    subjectText,
    fullText,
    mailto,
    employer,
    labelOf,
    tooLong,
  }
}

/** The filled-in letter, as composeLetter gives it. */
export type ComposedLetter = ReturnType<typeof composeLetter>
