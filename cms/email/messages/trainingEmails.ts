/**
 * The training emails as HTML and plain text, from the wording in trainingWording.ts: confirm a
 * first-timer's place, a place or a spot on the waiting list, moved up, the reminder, cancelled.
 */
import { compose, type Block, type EmailMessage, type FooterLinks } from './render'
import {
  MOVED_UP,
  REGISTERED,
  REGISTRATION_CONFIRM,
  REMINDER,
  SESSION_CANCELLED,
  TRAINING,
  WAITING,
} from './trainingWording'

/** What every training email says about the session and the person. */
export type SessionFacts = { firstName: string; title: string; when: string; where: string }

/** A link to cancel (a place or a spot), and My account. */
export type CancelLinks = { cancelUrl: string; accountUrl: string }

const p = (text: string): Block => ({ kind: 'p', text })

const facts = (a: SessionFacts): Block[] => [p(TRAINING.when(a.when)), p(TRAINING.where(a.where))]

const cancelBlocks = (a: CancelLinks, waiting = false): Block[] => [
  p(waiting ? TRAINING.waitingCancelAction : TRAINING.cancelAction),
  {
    kind: 'button',
    text: waiting ? TRAINING.waitingCancelButton : TRAINING.cancelButton,
    href: a.cancelUrl,
  },
  p(TRAINING.account(a.accountUrl)),
]

/** Asks a first-timer to confirm their address before they get a place. */
export const registrationConfirmEmail = (
  a: SessionFacts & { confirmUrl: string } & FooterLinks,
): EmailMessage =>
  compose(
    REGISTRATION_CONFIRM.subject(a.title),
    [
      p(TRAINING.greeting(a.firstName)),
      p(REGISTRATION_CONFIRM.lead(a.title)),
      ...facts(a),
      p(REGISTRATION_CONFIRM.action),
      { kind: 'button', text: REGISTRATION_CONFIRM.button, href: a.confirmUrl },
      p(REGISTRATION_CONFIRM.later),
    ],
    a,
  )

/** Says where a registration ended up: a place, or this number on the waiting list. */
export const placedEmail = (
  a: SessionFacts & CancelLinks & FooterLinks & { waitingNumber: number | null },
): EmailMessage =>
  a.waitingNumber === null
    ? compose(
        REGISTERED.subject(a.title),
        [
          p(TRAINING.greeting(a.firstName)),
          p(REGISTERED.lead(a.title)),
          ...facts(a),
          p(REGISTERED.reminder),
          ...cancelBlocks(a),
        ],
        a,
        { notYou: false },
      )
    : compose(
        WAITING.subject(a.title),
        [
          p(TRAINING.greeting(a.firstName)),
          p(WAITING.lead(a.title)),
          p(WAITING.position(a.waitingNumber)),
          p(WAITING.promise),
          ...facts(a),
          ...cancelBlocks(a, true),
        ],
        a,
        { notYou: false },
      )

/** Tells someone on the waiting list they now have a place. */
export const movedUpEmail = (a: SessionFacts & CancelLinks & FooterLinks): EmailMessage =>
  compose(
    MOVED_UP.subject(a.title),
    [
      p(TRAINING.greeting(a.firstName)),
      p(MOVED_UP.lead(a.title)),
      ...facts(a),
      p(MOVED_UP.reminder),
      ...cancelBlocks(a),
    ],
    a,
    { notYou: false },
  )

/** The day-before reminder; the joining link only for a session that runs online. */
export const reminderEmail = (
  a: SessionFacts & CancelLinks & FooterLinks & { online: boolean; joiningLink?: string | null },
): EmailMessage =>
  compose(
    REMINDER.subject(a.title),
    [
      p(TRAINING.greeting(a.firstName)),
      p(REMINDER.lead(a.title)),
      ...facts(a),
      ...(a.online && a.joiningLink
        ? [p(REMINDER.joining), { kind: 'button' as const, text: REMINDER.joinButton, href: a.joiningLink }]
        : a.online
          ? [p(REMINDER.joiningLater)]
          : []),
      p(REMINDER.calendar),
      ...cancelBlocks(a),
    ],
    a,
    { notYou: false },
  )

/** Tells everyone registered or waiting that the session will not go ahead. */
export const sessionCancelledEmail = (
  a: SessionFacts & FooterLinks & { reason?: string | null },
): EmailMessage =>
  compose(
    SESSION_CANCELLED.subject(a.title),
    [
      p(TRAINING.greeting(a.firstName)),
      p(SESSION_CANCELLED.lead(a.title)),
      ...facts(a),
      ...(a.reason ? [p(SESSION_CANCELLED.reason(a.reason))] : []),
      p(SESSION_CANCELLED.next),
    ],
    a,
    { notYou: false },
  )
