/** Your training: each session you are registered or waiting for, with a way to cancel. */
import { useState } from 'react'
import { problem, type Registration } from './accountApi'
import type { AccountActions } from './useAccount'
import { Section, Status } from './parts'

const standing = (r: Registration): string => {
  if (r.session.cancelled) return 'This session is cancelled.'
  if (r.state === 'registered') return 'You have a place.'
  if (r.state === 'waiting')
    return r.waitingNumber
      ? `You are number ${r.waitingNumber} on the waiting list.`
      : 'You are on the waiting list.'
  return 'You cancelled.'
}

export function TrainingSection({
  registrations,
  act,
}: {
  registrations: Registration[]
  act: AccountActions['act']
}) {
  const [status, setStatus] = useState('')
  const cancel = async (r: Registration) => {
    const answer = await act('POST', `/account/training/registrations/${r.id}/cancel`)
    setStatus(answer.status === 200 ? `You cancelled your place at ${r.session.title}.` : problem(answer))
  }
  return (
    <Section id="training" title="Your training">
      {registrations.length ? (
        <ul className="account-list">
          {registrations.map((r) => (
            <li key={r.id}>
              <a href={`/training/${r.session.slug}/`}>{r.session.title}</a>, {r.session.when}. {standing(r)}{' '}
              {(r.state === 'registered' || r.state === 'waiting') && !r.session.cancelled && (
                <button type="button" className="button" onClick={() => void cancel(r)}>
                  Cancel my place at {r.session.title}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>
          You have not signed up for any training. <a href="/training/">See training sessions</a>.
        </p>
      )}
      {status && <Status message={status} />}
    </Section>
  )
}
