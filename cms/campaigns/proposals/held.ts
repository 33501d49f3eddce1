/**
 * A member's petition proposals as "everything we hold about you" would list them: what they
 * wrote, where each is and the editors' decision. The supporters' link's hash and the list of
 * supporters (other people) are left out. For cms/members/accountData.ts to include.
 */
import type { Payload } from 'payload'
import type { RecordId } from '../../members/recordId'

/** The member's proposals, oldest first, without the link's hash or other members. */
export const proposalRecordsOf = async (payload: Payload, memberId: RecordId) => {
  const { docs } = await payload.find({
    collection: 'petition-proposals',
    where: { proposer: { equals: memberId } },
    depth: 0,
    limit: 0,
    pagination: false,
    sort: 'createdAt',
    overrideAccess: true,
  })
  return docs.map((p) => ({
    id: p.id,
    kind: p.kind ?? 'petition',
    title: p.title,
    ask: p.ask,
    addressedTo: p.addressedTo,
    why: p.why,
    showCreatorName: p.showCreatorName ?? false,
    state: p.state,
    supporterCount: p.supporterCount ?? 0,
    rejectionReason: p.rejectionReason ?? null,
    decisionNote: p.decisionNote ?? null,
    decidedAt: p.decidedAt ?? null,
    petition: p.petition ?? null,
    createdAt: p.createdAt,
  }))
}
