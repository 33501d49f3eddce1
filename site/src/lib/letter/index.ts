/**
 * Letter templates on the site: the blank letter for the page that works without JavaScript and
 * for the blank .docx/.txt files made at build time. The parts (parsing, rendering, .docx, email,
 * drafts, work-email hints) live beside this file and are shared with the fill-in island.
 */
import type { SnapshotTemplate } from '../../../../content-models/snapshot'
import { letterDocument, letterDocxBytes } from './docx'
import { parseTemplate } from './parse'
import { renderBlank, segmentsToHtml, segmentsToText, type TemplateFields } from './render'

export * from './render'
export { parseTemplate, fieldsUsed, type LetterNode } from './parse'

/** The blank letter (or the subject line, given as `text`) as safe HTML, gaps and optional parts marked. */
export const blankLetterHtml = (t: TemplateFields & Pick<SnapshotTemplate, 'body'>, text = t.body): string =>
  segmentsToHtml(renderBlank(parseTemplate(text), t))

/** The blank letter as plain text, for the .txt download; emails start with their subject line. */
export const blankLetterText = (
  t: TemplateFields & Pick<SnapshotTemplate, 'body' | 'subject' | 'kind'>,
): string => {
  const body = segmentsToText(renderBlank(parseTemplate(t.body), t))
  const subject =
    t.kind === 'email' && t.subject
      ? `Subject: ${segmentsToText(renderBlank(parseTemplate(t.subject), t))}\n\n`
      : ''
  return `${subject}${body}\n`
}

/** The blank letter as .docx bytes. */
export const blankLetterDocx = (
  t: TemplateFields & Pick<SnapshotTemplate, 'body' | 'subject' | 'kind' | 'title'>,
): Promise<Uint8Array> =>
  letterDocxBytes(
    letterDocument({
      title: t.title,
      subject: t.kind === 'email' && t.subject ? renderBlank(parseTemplate(t.subject), t) : null,
      segments: renderBlank(parseTemplate(t.body), t),
    }),
  )

/** The file name of a download: the template's slug and the extension. */
export const letterFileName = (slug: string, ext: 'docx' | 'txt' | 'eml') => `${slug}.${ext}`

/** The address of a blank file made at build time. */
export const blankFileUrl = (slug: string, ext: 'docx' | 'txt') =>
  `/templates/${slug}/${letterFileName(slug, ext)}`
