/**
 * A member who erases their account takes their petition proposals with them: every proposal
 * they made is deleted (its words may name their employer), and where one became a petition, the
 * "Started by <first name>" line they chose is taken off it (the petition itself stays: others
 * signed it). Their support of others' proposals goes with their record (its relationship rows).
 */
import type { Payload } from 'payload'
import type { Petition } from '../../../content-models/payload-types'
import type { RecordId } from '../../members/recordId'

const CREDIT = /^Started by .+, a member of Better Work\.$/

/** The petition's text without the proposer's "Started by" paragraph, or null when it has none. */
const withoutCredit = (why: Petition['why']): Petition['why'] | null => {
  const children = why?.root?.children ?? []
  const kept = children.filter(
    (c) =>
      !(
        c.type === 'paragraph' &&
        CREDIT.test(((c.children as { text?: string }[]) ?? []).map((t) => t.text ?? '').join(''))
      ),
  )
  return why && kept.length < children.length ? { ...why, root: { ...why.root, children: kept } } : null
}

/** Deletes the member's proposals and takes their name off petitions made from them; how many. */
export const eraseProposalsOf = async (payload: Payload, memberId: RecordId): Promise<number> => {
  const { docs } = await payload.find({
    collection: 'petition-proposals',
    where: { proposer: { equals: memberId } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: { petition: true, showCreatorName: true },
  })
  for (const p of docs) {
    if (!p.petition || !p.showCreatorName) continue
    const id = typeof p.petition === 'object' ? p.petition.id : p.petition
    const petition = await payload.findByID({
      collection: 'petitions',
      id,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    const why = petition && withoutCredit(petition.why)
    if (why)
      await payload.update({ collection: 'petitions', id, data: { why }, overrideAccess: true, depth: 0 })
  }
  await payload.delete({
    collection: 'petition-proposals',
    where: { proposer: { equals: memberId } },
    overrideAccess: true,
  })
  return docs.length
}
