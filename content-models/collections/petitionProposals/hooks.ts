/**
 * An editor's decision on a petition proposal, checked and carried out in one save: only a
 * proposal in review can be decided; rejecting needs a reason from the list, asking for changes a
 * note. The decision records who and when, and marks the proposer to be told (an email with no
 * text of the proposal, sent by the CMS's proposals job). Approving creates the petition, open,
 * in the same transaction; its own hooks queue the site build, as publishing a petition does.
 */
import { type CollectionBeforeChangeHook, type PayloadRequest, ValidationError } from 'payload'
import { PETITION_STATES } from '../../constants'
import { isStaffUser } from '../../access/roles'
import type { Petition, PetitionProposal } from '../../payload-types'
import { slugify } from '../../validators/slug'
import { PROPOSAL_STATES, type ProposalState } from './constants'
import { CAMPAIGN_KINDS, campaignKind } from '../Petitions/kinds'

/** Set in `req.context` by the member endpoints (create, supporters, resubmit): not an editor's decision. */
export const PROPOSAL_SYSTEM_CHANGE = 'proposalSystemChange'

/** Plain text as Lexical paragraphs (one per blank-line-separated block). */
export const plainToLexical = (text: string): NonNullable<Petition['why']> => ({
  root: {
    type: 'root',
    format: '' as const,
    indent: 0,
    version: 1,
    direction: 'ltr' as const,
    children: text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => ({
        type: 'paragraph',
        format: '' as const,
        indent: 0,
        version: 1,
        direction: 'ltr' as const,
        textFormat: 0,
        children: [{ type: 'text', text: p, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
      })),
  },
})

/** A summary for lists: the ask, cut to 300 characters at a word. */
const summaryOf = (ask: string) => {
  const flat = ask.replace(/\s+/g, ' ').trim()
  return flat.length <= 300 ? flat : `${flat.slice(0, 299).replace(/\s+\S*$/, '')}…`
}

/** A free slug for the new petition: the title's, or with the proposal's id when taken. */
const freeSlug = async (req: PayloadRequest, title: string, id: number | string) => {
  const base = slugify(title).slice(0, 100).replace(/-+$/, '') || 'petition'
  const taken = await req.payload.count({
    collection: 'petitions',
    where: { slug: { equals: base } },
    overrideAccess: true,
    req,
  })
  return taken.totalDocs === 0 ? base : `${base}-${id}`
}

/** Creates the open petition an approved proposal becomes; its id. */
const createPetition = async (req: PayloadRequest, p: PetitionProposal) => {
  const proposerId = typeof p.proposer === 'object' ? p.proposer?.id : p.proposer
  const proposer =
    p.showCreatorName && proposerId
      ? await req.payload.findByID({
          collection: 'members',
          id: proposerId,
          depth: 0,
          overrideAccess: true,
          req,
        })
      : null
  // Petitions have no creator field: a proposer who chose to be named is in the petition's text.
  const credit = proposer?.firstName ? `\n\nStarted by ${proposer.firstName}, a member of Better Work.` : ''
  const petition = await req.payload.create({
    collection: 'petitions',
    overrideAccess: true,
    req,
    data: {
      title: p.title,
      slug: await freeSlug(req, p.title, p.id),
      summary: summaryOf(p.ask),
      addressedTo: p.addressedTo,
      whatWeWant: p.ask,
      why: plainToLexical(`${p.why}${credit}`),
      kind: campaignKind(p.kind),
      // An open letter's letter: to whom, why, and what they ask, in the member's own words.
      ...(campaignKind(p.kind) === CAMPAIGN_KINDS.OPEN_LETTER
        ? { letter: plainToLexical(`To ${p.addressedTo},\n\n${p.why}\n\n${p.ask}`) }
        : {}),
      // The petitions' own default; an editor can change it on the petition.
      goal: 1000,
      state: PETITION_STATES.OPEN,
      // Approval puts it live: published, not a draft (drafts are the default with versions on).
      _status: 'published',
    },
  })
  return petition.id
}

const fail = (path: string, message: string): never => {
  throw new ValidationError({ collection: 'petition-proposals', errors: [{ path, message }] })
}

/** Checks and carries out an editor's decision (see the file's comment). */
export const decideProposal: CollectionBeforeChangeHook<PetitionProposal> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (req.context?.[PROPOSAL_SYSTEM_CHANGE] || operation !== 'update' || !originalDoc) return data
  const from = originalDoc.state as ProposalState
  const to = (data.state ?? from) as ProposalState
  if (to === from) return data
  if (from !== PROPOSAL_STATES.IN_REVIEW || to === PROPOSAL_STATES.IN_REVIEW || to === 'collecting')
    fail(
      'state',
      from === 'in-review'
        ? 'Choose Approved, Rejected or Changes requested.'
        : 'Only a proposal in review can be decided. It is in the queue once 5 members support it, or when its proposer resubmits it.',
    )
  const merged = { ...originalDoc, ...data } as PetitionProposal
  if (to === PROPOSAL_STATES.REJECTED && !merged.rejectionReason)
    fail('rejectionReason', 'Choose the reason it is rejected: the proposer sees it in My account.')
  if (to === PROPOSAL_STATES.CHANGES_REQUESTED && !merged.decisionNote?.trim())
    fail('decisionNote', 'Say what should change: the proposer sees this note in My account.')
  const now = new Date().toISOString()
  const decided: Partial<PetitionProposal> = {
    // Ids are numbers with SQLite and strings with MongoDB: kept as the database gave them.
    editor: isStaffUser(req.user) ? (req.user.id as number) : null,
    decidedAt: now,
    notifyDueAt: now,
  }
  if (to === PROPOSAL_STATES.APPROVED) decided.petition = (await createPetition(req, merged)) as number
  return { ...data, ...decided }
}
