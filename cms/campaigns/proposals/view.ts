/**
 * How a proposal is shown: to its proposer (everything they wrote, the count, the decision and
 * its reason), and to a supporter at the private link (the words and the count only: never who
 * proposed it or who else supported it).
 */
import type { Payload } from 'payload'
import {
  REJECTION_REASONS,
  SUPPORTERS_NEEDED,
} from '../../../content-models/collections/petitionProposals/constants'
import type { PetitionProposal } from '../../../content-models/payload-types'
import type { RecordId } from '../../members/recordId'
import { siteUrl } from '../../members/tokens'
import { campaignKind, campaignPath } from '../../../content-models/collections/Petitions/kinds'

/** The private supporters' link: the token after '#', so it never reaches a server log or a Referer. */
export const supportLink = (token: string) => `${siteUrl()}/petitions/propose/support/#${token}`

/** What a supporter sees at the private link. */
export const supporterView = (p: PetitionProposal) => ({
  kind: campaignKind(p.kind),
  title: p.title,
  ask: p.ask,
  addressedTo: p.addressedTo,
  why: p.why,
  state: p.state,
  supporterCount: p.supporterCount ?? 0,
  supportersNeeded: SUPPORTERS_NEEDED,
})

/** The petition's (or open letter's) public address once approved, or null. */
const petitionUrl = async (payload: Payload, ref: PetitionProposal['petition']) => {
  if (!ref) return null
  const id: RecordId = typeof ref === 'object' ? ref.id : ref
  const doc = await payload.findByID({
    collection: 'petitions',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  return doc ? campaignPath(doc.kind, doc.slug) : null
}

/** What the proposer sees of their own proposal. */
export const proposerView = async (payload: Payload, p: PetitionProposal) => ({
  ...supporterView(p),
  id: p.id,
  showCreatorName: Boolean(p.showCreatorName),
  createdAt: p.createdAt,
  decidedAt: p.decidedAt ?? null,
  rejectionReason: p.rejectionReason
    ? (REJECTION_REASONS.find((r) => r.value === p.rejectionReason)?.label ?? null)
    : null,
  decisionNote: p.state === 'in-review' || p.state === 'collecting' ? null : (p.decisionNote ?? null),
  petitionUrl: await petitionUrl(payload, p.petition),
})
export type ProposerView = Awaited<ReturnType<typeof proposerView>>
