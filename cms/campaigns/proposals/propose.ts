/**
 * A member's own proposals: propose (a private supporters' link comes back once: only its hash is
 * stored), list, read, resubmit after the editors asked for changes, and a new link (the old one
 * stops working). Input is checked before anything is counted or stored; every write is counted
 * against the member's `propose` rate limit.
 */
import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'
import { PROPOSAL_STATES } from '../../../content-models/collections/petitionProposals/constants'
import { PROPOSAL_SYSTEM_CHANGE } from '../../../content-models/collections/petitionProposals/hooks'
import type { PetitionProposal } from '../../../content-models/payload-types'
import { limitRate } from '../../abuse/rateLimit'
import { check, type FieldErrors } from '../../abuse/validation'
import type { AccountMember } from '../../members/accountMember'
import type { RecordId } from '../../members/recordId'
import { hashToken } from '../../members/tokens'
import { proposalSchema } from './schema'
import { proposerView, type ProposerView, supportLink } from './view'

/** What a member's write came to. */
export type ProposeOutcome =
  | { status: 'invalid'; errors: FieldErrors }
  | { status: 'rate-limited'; retryAfterSeconds: number }
  | { status: 'not-found' }
  | { status: 'not-changeable'; message: string }
  | { status: 'ok'; proposal: ProposerView; supportUrl?: string }

/** A new private supporters' token (32 random bytes) and the hash to store. */
export const newSupportToken = () => {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token) }
}

const system = { [PROPOSAL_SYSTEM_CHANGE]: true }

const limited = async (payload: Payload, member: AccountMember) => {
  const verdict = await limitRate(payload, 'propose', `member:${member.id}`)
  return verdict.limited
    ? ({ status: 'rate-limited', retryAfterSeconds: verdict.retryAfterSeconds } as const)
    : null
}

/** A signed-in member proposes a petition. */
export const propose = async (
  payload: Payload,
  member: AccountMember,
  fields: unknown,
): Promise<ProposeOutcome> => {
  const input = check(proposalSchema, fields)
  if (!input.ok) return { status: 'invalid', errors: input.errors }
  const slow = await limited(payload, member)
  if (slow) return slow
  const link = newSupportToken()
  const doc = await payload.create({
    collection: 'petition-proposals',
    overrideAccess: true,
    context: system,
    depth: 0,
    data: {
      ...input.data,
      showCreatorName: Boolean(input.data.showCreatorName),
      proposer: member.id as number,
      state: PROPOSAL_STATES.COLLECTING,
      supporterCount: 0,
      supporters: [],
      supportTokenHash: link.hash,
    },
  })
  return { status: 'ok', proposal: await proposerView(payload, doc), supportUrl: supportLink(link.token) }
}

/** The member's own proposal, or null (someone else's and a missing one answer alike). */
export const ownProposal = async (payload: Payload, memberId: RecordId, id: RecordId) => {
  const { docs } = await payload.find({
    collection: 'petition-proposals',
    where: { and: [{ id: { equals: id } }, { proposer: { equals: memberId } }] },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  return (docs[0] as PetitionProposal | undefined) ?? null
}

/** Every proposal of the member, newest first. */
export const myProposals = async (payload: Payload, memberId: RecordId): Promise<ProposerView[]> => {
  const { docs } = await payload.find({
    collection: 'petition-proposals',
    where: { proposer: { equals: memberId } },
    depth: 0,
    limit: 100,
    sort: '-createdAt',
    overrideAccess: true,
  })
  return Promise.all(docs.map((d) => proposerView(payload, d)))
}

/** Resubmits a proposal the editors asked to change: new words, back in the queue. */
export const resubmit = async (
  payload: Payload,
  member: AccountMember,
  id: RecordId,
  fields: unknown,
): Promise<ProposeOutcome> => {
  const own = await ownProposal(payload, member.id, id)
  if (!own) return { status: 'not-found' }
  if (own.state !== PROPOSAL_STATES.CHANGES_REQUESTED)
    return {
      status: 'not-changeable',
      message: 'You can change a proposal only when the editors ask for changes.',
    }
  const input = check(proposalSchema, fields)
  if (!input.ok) return { status: 'invalid', errors: input.errors }
  const slow = await limited(payload, member)
  if (slow) return slow
  const doc = await payload.update({
    collection: 'petition-proposals',
    id,
    overrideAccess: true,
    context: system,
    depth: 0,
    // Its supporters stay: they backed the idea, and the editors see the new words before anyone else.
    data: {
      ...input.data,
      showCreatorName: Boolean(input.data.showCreatorName),
      state: PROPOSAL_STATES.IN_REVIEW,
      submittedAt: new Date().toISOString(),
      decidedAt: null,
      notifyDueAt: null,
    },
  })
  return { status: 'ok', proposal: await proposerView(payload, doc) }
}

/** A new private link for a proposal still collecting supporters; the old link stops working. */
export const newLink = async (
  payload: Payload,
  member: AccountMember,
  id: RecordId,
): Promise<ProposeOutcome> => {
  const own = await ownProposal(payload, member.id, id)
  if (!own) return { status: 'not-found' }
  if (own.state !== PROPOSAL_STATES.COLLECTING)
    return { status: 'not-changeable', message: 'This proposal has its supporters: it needs no link now.' }
  const slow = await limited(payload, member)
  if (slow) return slow
  const link = newSupportToken()
  const doc = await payload.update({
    collection: 'petition-proposals',
    id,
    overrideAccess: true,
    context: system,
    depth: 0,
    data: { supportTokenHash: link.hash },
  })
  return { status: 'ok', proposal: await proposerView(payload, doc), supportUrl: supportLink(link.token) }
}
