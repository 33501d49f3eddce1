/** A signed-in member's part of the register island: their place or waiting number, or one button. */
import type { Standing } from './useSessionStatus'

export function MemberRegister({
  standing,
  message,
  sending,
  onRegister,
}: {
  standing: Standing | null | undefined
  message: string | null
  sending: boolean
  onRegister: () => void
}) {
  return (
    <div className="member-register" role="status">
      {standing?.status === 'registered' && (
        <p>
          <strong>You have a place at this session.</strong> You can cancel it in{' '}
          <a href="/account/">My account</a>.
        </p>
      )}
      {standing?.status === 'waiting' && (
        <p>
          <strong>You are number {standing.number} on the waiting list.</strong> We will email you if you get
          a place.
        </p>
      )}
      {!standing && (
        <>
          <p>You are signed in. Press the button to take a place.</p>
          <button type="button" className="button" disabled={sending} onClick={onRegister}>
            {sending ? 'Sending…' : 'Register for this session'}
          </button>
        </>
      )}
      {message && <p>{message}</p>}
    </div>
  )
}
