/**
 * The union-interest permission: separate from joining, never needed, given or taken back here.
 * The wording shown is the one stored with it.
 */
import { useState } from 'react'
import { type AccountData, problem } from './accountApi'
import type { AccountActions } from './useAccount'
import { Section, Status } from './parts'

export function ConsentSection({
  consent,
  act,
}: {
  consent: AccountData['consent']
  act: AccountActions['act']
}) {
  const [status, setStatus] = useState('')
  const { given, wording } = consent.unionInterest
  const change = async (give: boolean) => {
    const answer = await act('PUT', '/account/consent', { unionInterest: give })
    setStatus(
      answer.status !== 200
        ? problem(answer)
        : give
          ? 'Thank you. Your permission is saved.'
          : 'Your permission is taken back. We no longer keep a record of your interest in unions.',
    )
  }
  return (
    <Section id="consent" title="Your interest in unions">
      <p>
        This is your choice. You do not need to say yes to be in a network, go to training or sign a petition.
        If you say yes, our organisers can put you in touch with a union.
      </p>
      {given ? (
        <>
          <p>You said yes to this:</p>
          <blockquote>{wording}</blockquote>
          <button type="button" className="button" onClick={() => void change(false)}>
            Take back my permission
          </button>
        </>
      ) : (
        <>
          <p>You have not said yes. If you want to, press the button to agree to this:</p>
          <blockquote>{consent.current.wording}</blockquote>
          <button type="button" className="button" onClick={() => void change(true)}>
            Yes, I agree
          </button>
        </>
      )}
      {status && <Status message={status} />}
    </Section>
  )
}
