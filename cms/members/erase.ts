/**
 * Erasing a member's account from My account: the member record goes, with their sign-in
 * sessions (they live on it); their training registrations go (active ones are cancelled first,
 * so waiting lists move up); their signatures are anonymised, as the retention job does after a
 * petition closes, so each petition's count stays right without anything that could identify them.
 * Unconfirmed signatures never counted, so they are deleted.
 */
import type { Payload } from 'payload'
import { eraseQuestionsOf } from '../advice/retention'
import { eraseProposalsOf } from '../campaigns/proposals/erase'
import { RECORD_STATES } from '../../content-models/constants'
import { eraseRegistrationsOf } from './accountTraining'
import type { AccountMember } from './accountMember'
import { queueNameRemoval, shownOnSite } from './records'

/** What erasure keeps, in plain words for the member (My account and the answer to an erasure). */
export const ERASURE_KEEPS = [
  'The number of signatures on each petition you signed. Your signature still counts, but without your name, email address, postcode or internet address.',
  'Our logs show only the number of your record, never your name or email address.',
] as const

/** A signature with nothing left that could identify its signer (the fields the retention job clears). */
export const ANONYMISED_SIGNATURE = {
  name: null,
  email: null,
  emailCanonical: null,
  postcode: null,
  ipHash: null,
  confirmTokenHash: null,
  showName: false,
  role: null,
  consentUpdates: false,
} as const

export type Erased = { signaturesAnonymised: number; signaturesDeleted: number; registrationsDeleted: number }

/** Anonymises the member's counted signatures and deletes unconfirmed ones. */
const eraseSignatures = async (payload: Payload, emailCanonical: string, now: Date) => {
  const mine = { emailCanonical: { equals: emailCanonical } }
  const { docs: shown } = await payload.find({
    collection: 'signatures',
    where: { and: [mine, { anonymisedAt: { exists: false } }, { showName: { equals: true } }] },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: { showName: true, state: true, anonymisedAt: true },
  })
  const deleted = await payload.delete({
    collection: 'signatures',
    where: { and: [mine, { state: { equals: RECORD_STATES.PENDING } }] },
    overrideAccess: true,
    depth: 0,
  })
  const anonymised = await payload.update({
    collection: 'signatures',
    where: mine,
    data: { ...ANONYMISED_SIGNATURE, anonymisedAt: now.toISOString() },
    overrideAccess: true,
    depth: 0,
  })
  const names = shown.filter(shownOnSite).length
  if (names > 0) await queueNameRemoval(payload, `${names} signer names erased with a member account`)
  return { signaturesAnonymised: anonymised.docs.length, signaturesDeleted: deleted.docs.length }
}

/** Erases the member: registrations, signatures (anonymised), then the record itself. */
export const eraseMember = async (
  payload: Payload,
  member: AccountMember,
  now = new Date(),
): Promise<Erased> => {
  const registrationsDeleted = await eraseRegistrationsOf(payload, member.id)
  // Their questions to advisers go too (cms/advice).
  await eraseQuestionsOf(payload, member.id)
  // And their petition proposals (cms/campaigns/proposals).
  await eraseProposalsOf(payload, member.id)
  const signatures = member.emailCanonical
    ? await eraseSignatures(payload, member.emailCanonical, now)
    : { signaturesAnonymised: 0, signaturesDeleted: 0 }
  await payload.delete({ collection: 'members', id: member.id, overrideAccess: true, depth: 0 })
  payload.logger.info({
    msg: `Member ${member.id} erased their account (${signatures.signaturesAnonymised} signatures anonymised, ${registrationsDeleted} registrations deleted)`,
  })
  return { ...signatures, registrationsDeleted }
}
