/**
 * The asker's side of a question: the conversation as the asker sees it (never who the adviser
 * is, every reply with the notice), found by the private link's token or as a member's own, and a
 * follow-up added to it. A token that matches nothing and a question that is gone answer alike.
 */
import type { Payload } from 'payload'
import { NATIONS } from '../../content-models/constants'
import type { Question } from '../../content-models/payload-types'
import type { RecordId } from '../members/recordId'
import { hashToken, siteUrl } from '../members/tokens'
import { adviceNotice } from './notice'
import { replyByWords } from './workingDays'

/** A guide or letter sent with a reply, as a link to the site. */
export type AttachmentView = { kind: 'guide' | 'letter'; title: string; url: string }

/** One message of the conversation. */
export type EntryView = {
  from: 'asker' | 'adviser'
  body: string
  at: string | null
  attachments: AttachmentView[]
}

/** What the asker sees. */
export type ConversationView = {
  id: RecordId
  state: Question['state']
  summary: string
  nation: string
  topic: string | null
  askedAt: string
  expectedReplyBy: string | null
  expectedReplyWords: string | null
  entries: EntryView[]
  /** General information, not legal advice; where to go for a case (by nation). */
  notice: string
  canFollowUp: boolean
}

type Attachment = NonNullable<NonNullable<Question['entries']>[number]['attachments']>[number]

const attachmentOf = (a: Attachment): AttachmentView[] => {
  if (typeof a.value !== 'object' || !a.value) return []
  const { title, slug } = a.value
  return a.relationTo === 'guides'
    ? [{ kind: 'guide', title, url: `${siteUrl()}/guides/${slug}/` }]
    : [{ kind: 'letter', title, url: `${siteUrl()}/templates/${slug}/` }]
}

/** A question (read at depth 1) as the asker sees it. */
export const viewOf = (q: Question): ConversationView => ({
  id: q.id,
  state: q.state,
  summary: q.summary ?? '',
  nation: NATIONS.find((n) => n.value === q.nation)?.label ?? q.nation,
  topic: typeof q.topic === 'object' && q.topic ? q.topic.title : null,
  askedAt: q.createdAt,
  expectedReplyBy: q.expectedReplyBy ?? null,
  expectedReplyWords: q.expectedReplyBy ? replyByWords(q.expectedReplyBy) : null,
  entries: (q.entries ?? []).map((e) => ({
    from: e.from,
    body: e.body,
    at: e.at ?? null,
    attachments: (e.attachments ?? []).flatMap(attachmentOf),
  })),
  notice: adviceNotice(q.nation),
  canFollowUp: q.state !== 'closed',
})

const findOne = async (payload: Payload, where: Parameters<Payload['find']>[0]['where']) => {
  const { docs } = await payload.find({
    collection: 'questions',
    where: { and: [where ?? {}, { anonymisedAt: { exists: false } }] },
    limit: 1,
    depth: 1,
    overrideAccess: true,
  })
  return (docs[0] as Question | undefined) ?? null
}

/** The question a private link's token opens, or null (wrong, old, or gone: all the same). */
export const questionByToken = (payload: Payload, token: string): Promise<Question | null> =>
  token ? findOne(payload, { replyTokenHash: { equals: hashToken(token) } }) : Promise.resolve(null)

/** The member's own question by id, or null. */
export const memberQuestion = (payload: Payload, member: RecordId, id: RecordId): Promise<Question | null> =>
  findOne(payload, { and: [{ id: { equals: id } }, { asker: { equals: member } }] })

/** The member's questions, newest first. */
export const memberQuestions = async (payload: Payload, member: RecordId): Promise<ConversationView[]> => {
  const { docs } = await payload.find({
    collection: 'questions',
    where: { and: [{ asker: { equals: member } }, { anonymisedAt: { exists: false } }] },
    sort: '-createdAt',
    limit: 100,
    depth: 1,
    overrideAccess: true,
  })
  return (docs as Question[]).map(viewOf)
}

export type FollowUpOutcome = { status: 'added'; question: ConversationView } | { status: 'closed' }

/**
 * Adds the asker's follow-up. An answered question goes back to its adviser (claimed); a closed
 * one takes no more (ask a new question).
 */
export const addFollowUp = async (
  payload: Payload,
  q: Question,
  body: string,
  now = new Date(),
): Promise<FollowUpOutcome> => {
  if (q.state === 'closed') return { status: 'closed' }
  const entries = (q.entries ?? []).map((e) => ({
    ...e,
    adviser: typeof e.adviser === 'object' && e.adviser ? e.adviser.id : e.adviser,
    attachments: (e.attachments ?? []).map((a) => ({
      relationTo: a.relationTo,
      value: typeof a.value === 'object' ? a.value.id : a.value,
    })) as Attachment[],
  }))
  const updated = await payload.update({
    collection: 'questions',
    id: q.id,
    data: {
      entries: [...entries, { from: 'asker', body, at: now.toISOString() }],
      state: q.state === 'answered' ? 'claimed' : q.state,
    },
    overrideAccess: true,
    depth: 1,
  })
  return { status: 'added', question: viewOf(updated as Question) }
}
