/**
 * Supporting a proposal through its private link, as a signed-in member. Supporters are members
 * (already confirmed addresses with a session), so one person counts once by their member id and
 * no new confirmation email is needed. The proposer does not count; a second support does not
 * count twice. The fifth distinct supporter moves the proposal to the editors' queue.
 *
 * Two supporters at the same moment: supports of one proposal run one at a time in this process,
 * and the write is conditional on the count it read (compare-and-set), so another CMS node's
 * write in between is retried rather than lost.
 */
import type { Payload } from 'payload'
import {
  PROPOSAL_STATES,
  SUPPORTERS_NEEDED,
} from '../../../content-models/collections/petitionProposals/constants'
import { PROPOSAL_SYSTEM_CHANGE } from '../../../content-models/collections/petitionProposals/hooks'
import type { PetitionProposal } from '../../../content-models/payload-types'
import { limitRate } from '../../abuse/rateLimit'
import type { AccountMember } from '../../members/accountMember'
import { refId, type RecordId } from '../../members/recordId'
import { hashToken } from '../../members/tokens'
import { supporterView } from './view'

/** What a support came to. */
export type SupportOutcome =
  | { status: 'not-found' }
  | { status: 'rate-limited'; retryAfterSeconds: number }
  | { status: 'own' | 'closed' | 'already' | 'supported'; proposal: ReturnType<typeof supporterView> }

/** The proposal a private link's token opens, or null (wrong, replaced, or gone: all the same). */
export const proposalByToken = async (payload: Payload, token: string): Promise<PetitionProposal | null> => {
  const { docs } = await payload.find({
    collection: 'petition-proposals',
    where: { supportTokenHash: { equals: hashToken(token) } },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  return (docs[0] as PetitionProposal | undefined) ?? null
}

const running = new Map<RecordId, Promise<unknown>>()

/** Runs `job` after every other support of the same proposal in this process. */
const oneAtATime = <T>(id: RecordId, job: () => Promise<T>): Promise<T> => {
  const before = running.get(id) ?? Promise.resolve()
  const mine = before.then(job, job)
  const settled = mine.catch(() => undefined)
  running.set(id, settled)
  void settled.then(() => {
    if (running.get(id) === settled) running.delete(id)
  })
  return mine
}

/** Adds the member as a supporter if they count; what happened. */
const addSupporter = async (payload: Payload, memberId: RecordId, id: RecordId): Promise<SupportOutcome> => {
  for (let attempt = 0; attempt < 5; attempt++) {
    const p = await payload.findByID({ collection: 'petition-proposals', id, depth: 0, overrideAccess: true })
    const view = supporterView(p)
    if (refId(p.proposer as RecordId) === memberId) return { status: 'own', proposal: view }
    const ids = (p.supporters ?? []).map((s) => refId(s as RecordId))
    if (ids.includes(memberId)) return { status: 'already', proposal: view }
    if (p.state !== PROPOSAL_STATES.COLLECTING) return { status: 'closed', proposal: view }
    const count = ids.length + 1
    const enough = count >= SUPPORTERS_NEEDED
    const { docs } = await payload.update({
      collection: 'petition-proposals',
      where: { and: [{ id: { equals: id } }, { supporterCount: { equals: p.supporterCount ?? 0 } }] },
      overrideAccess: true,
      context: { [PROPOSAL_SYSTEM_CHANGE]: true },
      depth: 0,
      data: {
        supporters: [...ids, memberId] as number[],
        supporterCount: count,
        ...(enough ? { state: PROPOSAL_STATES.IN_REVIEW, submittedAt: new Date().toISOString() } : {}),
      },
    })
    if (docs[0]) return { status: 'supported', proposal: supporterView(docs[0] as PetitionProposal) }
  }
  throw new Error(`Supporting proposal ${id} kept meeting other supporters' writes; try again.`)
}

/** A signed-in member supports the proposal a private link's token opens. */
export const support = async (
  payload: Payload,
  member: AccountMember,
  token: string,
): Promise<SupportOutcome> => {
  const p = await proposalByToken(payload, token)
  if (!p) return { status: 'not-found' }
  const verdict = await limitRate(payload, 'support', `member:${member.id}`)
  if (verdict.limited) return { status: 'rate-limited', retryAfterSeconds: verdict.retryAfterSeconds }
  return oneAtATime(p.id, () => addSupporter(payload, member.id, p.id))
}
