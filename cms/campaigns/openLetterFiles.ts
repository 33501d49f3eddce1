/**
 * An open letter as a file to hand in: the letter, then its signatories (the name and role of
 * each who chose to be shown, in the order they signed) and how many more signed without being
 * named. As a Word file (docx) or a PDF (pdfkit, embedding DejaVu Sans from the dejavu-fonts-ttf
 * package, so names in Latin, Greek or Cyrillic scripts print as written; nothing is fetched).
 * Plain functions of the letter's words: who may download, and how often, is the endpoint's rule.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import type { SnapshotSignatory } from '../../content-models/snapshot'
import { projectRoot } from '../../content-models/paths'

/** What a file of an open letter holds. */
export type OpenLetterContent = {
  title: string
  addressedTo: string
  /** The letter's paragraphs, as plain text. */
  paragraphs: string[]
  named: SnapshotSignatory[]
  unnamed: number
  /** When the list of signatories was read. */
  at: Date
}

/** The file formats on offer, with their content types. */
export const LETTER_FORMATS = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const
export type LetterFormat = keyof typeof LETTER_FORMATS

const n = (x: number) => x.toLocaleString('en-GB')
const day = (d: Date) =>
  d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' })

/** The lines around the letter, the same in both formats. */
export const letterLines = (c: OpenLetterContent) => {
  const total = c.named.length + c.unnamed
  return {
    to: `To: ${c.addressedTo}`,
    signedBy: `Signed by ${n(total)} ${total === 1 ? 'person' : 'people'} (as of ${day(c.at)})`,
    signatory: (s: SnapshotSignatory) => (s.role ? `${s.name}, ${s.role}` : s.name),
    unnamed:
      c.unnamed === 0
        ? ''
        : c.named.length === 0
          ? `${n(c.unnamed)} ${c.unnamed === 1 ? 'person' : 'people'} signed without showing their name.`
          : `And ${n(c.unnamed)} more ${c.unnamed === 1 ? 'person' : 'people'} who signed without showing their name.`,
  }
}

/** The letter as a Word file. */
export const openLetterDocx = async (c: OpenLetterContent): Promise<Buffer> => {
  const lines = letterLines(c)
  const doc = new Document({
    creator: 'Better Work',
    title: c.title,
    sections: [
      {
        children: [
          new Paragraph({ text: c.title, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun({ text: lines.to, bold: true })], spacing: { after: 240 } }),
          ...c.paragraphs.map((text) => new Paragraph({ text, spacing: { after: 200 } })),
          new Paragraph({ text: lines.signedBy, heading: HeadingLevel.HEADING_2 }),
          ...c.named.map((s) => new Paragraph({ text: lines.signatory(s) })),
          ...(lines.unnamed
            ? [
                new Paragraph({
                  text: lines.unnamed,
                  alignment: AlignmentType.LEFT,
                  spacing: { before: 200 },
                }),
              ]
            : []),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}

/** The font files, from the installed package (by the project root: Next bundles this file). */
const fontFile = (name: string) => path.join(projectRoot(), 'node_modules', 'dejavu-fonts-ttf', 'ttf', name)

/** The letter as a PDF (A4). */
export const openLetterPdf = (c: OpenLetterContent): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const lines = letterLines(c)
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: c.title, Creator: 'Better Work' },
      compress: true,
    })
    const chunks: Buffer[] = []
    doc.on('data', (b: Buffer) => chunks.push(b))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.registerFont('Text', fontFile('DejaVuSans.ttf'))
    doc.registerFont('Bold', fontFile('DejaVuSans-Bold.ttf'))
    doc.font('Bold').fontSize(20).text(c.title).moveDown(0.5)
    doc.fontSize(12).text(lines.to).moveDown()
    doc.font('Text')
    for (const p of c.paragraphs) doc.text(p, { paragraphGap: 8 })
    doc.moveDown().font('Bold').fontSize(14).text(lines.signedBy).moveDown(0.5)
    doc.font('Text').fontSize(11)
    for (const s of c.named) doc.text(lines.signatory(s))
    if (lines.unnamed) doc.moveDown(0.5).text(lines.unnamed)
    doc.end()
  })
