/**
 * Sending the training emails. Each one carries the member's unsubscribe and erase links; those
 * that offer to cancel carry a new single-use cancel link (only its hash is stored, so the newest
 * email's link is the one that works; My account always does). Logs name ids only.
 */
import type { Payload } from 'payload'
import type { Member } from '../../content-models/payload-types'
import type { FooterLinks } from '../email/messages/render'
import {
  movedUpEmail,
  placedEmail,
  registrationConfirmEmail,
  reminderEmail,
  sessionCancelledEmail,
  type SessionFacts,
} from '../email/messages/trainingEmails'
import type { RecordId } from '../members/recordId'
import { cmsUrl, linkToken, links, newConfirmToken, siteUrl } from '../members/tokens'
import { sessionCalendar } from './calendar'
import { whenWords, whereWords, type SessionForTraining } from './session'

/** Who a training email goes to. */
export type Recipient = Pick<Member, 'id' | 'firstName' | 'email' | 'emailCanonical'>

/** Training links on the CMS: confirm a first-timer's place, cancel a place or spot. */
export const trainingLinks = () => {
  const base = `${cmsUrl().replace(/\/$/, '')}/api/public/training`
  return {
    confirm: (registration: RecordId, token: string) => `${base}/confirm/${registration}/${token}`,
    cancel: (token: string) => `${base}/cancel/${token}`,
  }
}

/** My account on the site, where members see and cancel their sessions. */
export const accountUrl = () => `${siteUrl()}/account/`

const footer = (payload: Payload, m: Recipient): FooterLinks => {
  const canonical = m.emailCanonical ?? ''
  const l = links(cmsUrl())
  return {
    unsubscribe: l.unsubscribe(
      'member',
      m.id,
      linkToken(payload.secret, 'unsubscribe', 'member', m.id, canonical),
    ),
    erase: l.erase('member', m.id, linkToken(payload.secret, 'erase', 'member', m.id, canonical)),
  }
}

const factsOf = (m: Recipient, s: SessionForTraining): SessionFacts => ({
  firstName: m.firstName,
  title: s.title,
  when: whenWords(s),
  where: whereWords(s),
})

/** A new cancel link for a registration: stores its hash, returns the links for the email. */
const newCancelLinks = async (payload: Payload, registration: RecordId) => {
  const { token, hash } = newConfirmToken()
  await payload.update({
    collection: 'registrations',
    id: registration,
    data: { cancelTokenHash: hash },
    overrideAccess: true,
    depth: 0,
  })
  return { cancelUrl: trainingLinks().cancel(token), accountUrl: accountUrl() }
}

/** Asks a first-timer to confirm their place (a signed link: see confirmToken in byEmail.ts). */
export const sendRegistrationConfirm = (
  payload: Payload,
  m: Recipient,
  s: SessionForTraining,
  registration: RecordId,
  token: string,
) =>
  payload.sendEmail({
    to: m.email,
    ...registrationConfirmEmail({
      ...factsOf(m, s),
      confirmUrl: trainingLinks().confirm(registration, token),
      ...footer(payload, m),
    }),
  })

/** Tells a person they have a place, or their number on the waiting list. */
export const sendPlaced = async (
  payload: Payload,
  m: Recipient,
  s: SessionForTraining,
  registration: RecordId,
  waitingNumber: number | null,
) =>
  payload.sendEmail({
    to: m.email,
    ...placedEmail({
      ...factsOf(m, s),
      ...(await newCancelLinks(payload, registration)),
      ...footer(payload, m),
      waitingNumber,
    }),
  })

/** Tells a person who moved up from the waiting list that they have a place. */
export const sendMovedUp = async (
  payload: Payload,
  m: Recipient,
  s: SessionForTraining,
  registration: RecordId,
) =>
  payload.sendEmail({
    to: m.email,
    ...movedUpEmail({
      ...factsOf(m, s),
      ...(await newCancelLinks(payload, registration)),
      ...footer(payload, m),
    }),
  })

/** The day-before reminder, with the .ics attached and, online, the joining link. */
export const sendReminder = async (
  payload: Payload,
  m: Recipient,
  s: SessionForTraining,
  registration: RecordId,
  joiningLink: string | null | undefined,
) =>
  payload.sendEmail({
    to: m.email,
    ...reminderEmail({
      ...factsOf(m, s),
      ...(await newCancelLinks(payload, registration)),
      ...footer(payload, m),
      online: s.format !== 'in-person',
      joiningLink,
    }),
    attachments: [sessionCalendar(s, joiningLink)],
  })

/** Tells a person registered or waiting that the session is cancelled. */
export const sendSessionCancelled = (payload: Payload, m: Recipient, s: SessionForTraining) =>
  payload.sendEmail({
    to: m.email,
    ...sessionCancelledEmail({ ...factsOf(m, s), reason: s.cancelReason, ...footer(payload, m) }),
  })
