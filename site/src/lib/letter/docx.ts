/**
 * The letter as a Word document, built with the `docx` package. The same function makes the blank
 * .docx at build time (Packer.toBuffer, in Node) and the filled-in one in the worker's browser
 * (Packer.toBlob), so both look the same. The worker's words go in as text runs, which the package
 * escapes as XML text.
 */
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { gapText, type Segment, segmentsToLines } from './render'

const run = (s: Segment, first: boolean): TextRun => {
  const brk = first ? {} : { break: 1 }
  if (s.kind === 'gap') return new TextRun({ text: gapText(s.label), highlight: 'yellow', ...brk })
  if (s.kind === 'note') return new TextRun({ text: s.text, italics: true, ...brk })
  return new TextRun({ text: s.text, ...brk })
}

/** Paragraphs at blank lines; single line breaks inside a paragraph stay line breaks. */
const paragraphs = (segments: readonly Segment[]): Paragraph[] => {
  const blocks: Segment[][][] = [[]]
  for (const line of segmentsToLines(segments)) {
    if (line.length === 0) {
      if (blocks[blocks.length - 1].length > 0) blocks.push([])
    } else blocks[blocks.length - 1].push(line)
  }
  return blocks
    .filter((b) => b.length > 0)
    .map(
      (lines) =>
        new Paragraph({
          spacing: { after: 240 },
          // A line that starts a new line in the paragraph starts with a break.
          children: lines.flatMap((line, i) => line.map((s, j) => run(s, i === 0 || j > 0))),
        }),
    )
}

/** A Word document of the letter; for emails the subject is the first paragraph. */
export const letterDocument = ({
  title,
  subject,
  segments,
}: {
  title: string
  subject?: Segment[] | null
  segments: readonly Segment[]
}): Document =>
  new Document({
    // No personal details in the file's properties: only the template's title.
    title,
    creator: 'Better Work',
    lastModifiedBy: 'Better Work',
    styles: { default: { document: { run: { font: 'Arial', size: 24 } } } },
    sections: [
      {
        children: [
          ...(subject && subject.length > 0
            ? [
                new Paragraph({
                  spacing: { after: 240 },
                  children: [
                    new TextRun({ text: 'Subject: ', bold: true }),
                    ...subject.map((s) => run(s, true)),
                  ],
                }),
              ]
            : []),
          ...paragraphs(segments),
        ],
      },
    ],
  })

/** The .docx as bytes (build time, Node). */
export const letterDocxBytes = async (doc: Document): Promise<Uint8Array> =>
  new Uint8Array(await Packer.toArrayBuffer(doc))

/** The .docx as a Blob (in the browser). */
export const letterDocxBlob = (doc: Document): Promise<Blob> => Packer.toBlob(doc)

/** The MIME type of .docx files. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
