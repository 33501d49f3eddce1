/**
 * Telling proposers of the editors' decisions: a decision marks the proposal (notifyDueAt); this
 * sends the no-content email and clears the mark. The mark is cleared in its row before the email
 * goes, so a re-run or a second worker sends none twice; the email goes after the editor's save
 * is committed, never from inside it.
 */
import type { Payload } from 'payload'
import { DECISION_STATES } from '../../../content-models/collections/petitionProposals/constants'
import type { PetitionProposal } from '../../../content-models/payload-types'
import { readMember } from '../../members/accountMember'
import { memberFooterLinks } from '../../members/memberEmails'
import { refId, type RecordId } from '../../members/recordId'
import { siteUrl } from '../../members/tokens'
import { type Decision, proposalDecisionEmail } from './emails'

/** Sends every decision email that is due; how many were sent. */
export const sendProposalDecisions = async (payload: Payload): Promise<number> => {
  const { docs } = await payload.find({
    collection: 'petition-proposals',
    where: { notifyDueAt: { exists: true } },
    limit: 100,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    select: { notifyDueAt: true, proposer: true, state: true },
  })
  let sent = 0
  for (const p of docs as Pick<PetitionProposal, 'id' | 'notifyDueAt' | 'proposer' | 'state'>[]) {
    const claimed = await payload.update({
      collection: 'petition-proposals',
      where: { and: [{ id: { equals: p.id } }, { notifyDueAt: { equals: p.notifyDueAt } }] },
      data: { notifyDueAt: null },
      overrideAccess: true,
      context: { proposalSystemChange: true },
      depth: 0,
    })
    if (claimed.docs.length === 0 || !DECISION_STATES.includes(p.state)) continue
    const member = await readMember(payload, refId(p.proposer as RecordId))
    if (!member?.email || member.state !== 'confirmed') continue
    await payload.sendEmail({
      to: member.email,
      ...proposalDecisionEmail({
        firstName: member.firstName,
        decision: p.state as Decision,
        accountUrl: `${siteUrl()}/account/#proposals`,
        ...memberFooterLinks(payload, member.id, member.emailCanonical ?? ''),
      }),
    })
    payload.logger.info({ msg: `Told the proposer of petition proposal ${p.id} of the decision` })
    sent++
  }
  return sent
}
