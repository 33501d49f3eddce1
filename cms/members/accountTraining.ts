/**
 * My account's view of training. The rules (capacity, the waiting list moving up, emails) are the
 * training room's (cms/training): listing and forgetting a member's registrations come from there;
 * this file adds only what "download my data" needs, the stored rows themselves.
 */
import type { Payload } from 'payload'
import type { Registration } from '../../content-models/payload-types'
import { forgetRegistrationsOf } from '../training/cancel'
import { listRegistrationsFor, type MemberRegistration } from '../training/forMember'
import type { RecordId } from './recordId'

/** One registration as My account shows it (the training room's shape). */
export type AccountRegistration = MemberRegistration

/** The member's training registrations, soonest session first. */
export const registrationsOf = (payload: Payload, memberId: RecordId): Promise<AccountRegistration[]> =>
  listRegistrationsFor(payload, memberId)

/** Every stored registration row of the member, for "download my data". */
export const registrationRecordsOf = async (payload: Payload, memberId: RecordId): Promise<Registration[]> =>
  (
    await payload.find({
      collection: 'registrations',
      where: { member: { equals: memberId } },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
    })
  ).docs

/** Part of erasure: deletes the member's registrations, giving any place they held to the next person waiting. */
export const eraseRegistrationsOf = async (payload: Payload, memberId: RecordId): Promise<number> =>
  (await forgetRegistrationsOf(payload, memberId)).deleted
