/**
 * The states of a training registration (named in content-models/constants.ts) and the groups and
 * limits the training rules use. A first-timer's place is `pending` until they confirm the emailed
 * link; a confirmed one is `registered` (has a place) or `waiting` (on the waiting list, in
 * `position` order); `cancelled` keeps the row for My account.
 */
import { REGISTRATION_STATES, type RegistrationState } from '../../content-models/constants'

export { REGISTRATION_STATES, type RegistrationState }

/** States that hold a place or a spot in the queue: one per member and session. */
export const ACTIVE_REGISTRATION_STATES: readonly RegistrationState[] = [
  REGISTRATION_STATES.REGISTERED,
  REGISTRATION_STATES.WAITING,
]

/** Whether a registration still holds a place or a spot on the waiting list. */
export const isActiveRegistration = (state: string | null | undefined): boolean =>
  state === REGISTRATION_STATES.REGISTERED || state === REGISTRATION_STATES.WAITING

/** Unconfirmed registrations (a first-timer who never pressed the link) are deleted after this. */
export const PENDING_REGISTRATION_DAYS = 7

/** Reminders go out this long before the start. */
export const REMINDER_BEFORE_MS = 24 * 60 * 60 * 1000
