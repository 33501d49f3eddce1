/** The letter as filled in so far, with the ways to take it away and the live status line. */
import type { ComposedLetter, FillerTemplate } from './composeLetter'
import type { takeAwayActions } from './fillerActions'
import { Segments } from './parts'

export type LetterPreviewProps = {
  kind: FillerTemplate['kind']
  letter: ComposedLetter
  actions: ReturnType<typeof takeAwayActions>
  status: string
}

export function LetterPreview({ kind, letter, actions, status }: LetterPreviewProps) {
  const word = kind === 'email' ? 'email' : 'letter'
  const { subject, body, bodyText, subjectText, mailto, tooLong } = letter
  const { copy, downloadDocx, downloadTxt, downloadEml, checkGaps } = actions
  return (
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
        <button type="button" onClick={() => copy(bodyText, kind === 'email' ? 'The email' : 'The letter')}>
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
          This email may be too long to open in your email app this way, and part of it could be cut off. It
          is safer to press "Copy the email" and paste it into a new email.
        </p>
      )}
      <p className="filler-status" role="status">
        {status}
      </p>
    </div>
  )
}
