/**
 * Asking an adviser: a checked question stored open in the advisers' queue. Anonymously, the
 * asker gets a private reply link's token (32 random bytes; only its sha256 is stored, so the
 * database cannot open anyone's conversation); signed in, the question is tied to their member
 * record and listed in My account. The asker is told when to expect a reply.
 */
import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'
import { EXPECTED_REPLY_WORKING_DAYS } from '../../content-models/conversations'
import { formFlags, FLAGS, HONEYPOT_FIELD, STAMP_FIELD } from '../abuse/flags'
import { limitRate } from '../abuse/rateLimit'
import { check, type FieldErrors } from '../abuse/validation'
import type { SubmitContext } from '../campaigns/sign'
import { clientRateKey } from '../edge/clientAddress'
import type { AccountMember } from '../members/accountMember'
import { hashToken } from '../members/tokens'
import { askSchema, type AskInput } from './askSchema'
import { addWorkingDays } from './workingDays'
import { PUBLISHED } from '../../content-models/access/publishedOrStaff'

export type AskOutcome =
  | { status: 'invalid'; errors: FieldErrors }
  | { status: 'rate-limited'; retryAfterSeconds: number }
  | { status: 'asked'; token: string | null; expectedReplyBy: string }

/** A new private reply token and the hash to store. */
export const newReplyToken = (): { token: string; hash: string } => {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token) }
}

/** The first words of a question, for the advisers' queue. */
export const summaryOf = (text: string): string => {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length <= 80 ? line : `${line.slice(0, 79).replace(/\s+\S*$/, '')}…`
}

/** The id of a topic by its slug, or null. */
const topicId = async (payload: Payload, slug: string | undefined) => {
  if (!slug) return null
  const { docs } = await payload.find({
    collection: 'topics',
    where: { and: [{ slug: { equals: slug } }, PUBLISHED] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { slug: true },
  })
  return docs[0]?.id ?? null
}

/** Who is asking: a member (signed in), or nobody we know. */
export type Asker = { member: AccountMember | null }

const store = async (payload: Payload, input: AskInput, asker: Asker, now: Date) => {
  const reply = asker.member ? null : newReplyToken()
  const expectedReplyBy = addWorkingDays(now, EXPECTED_REPLY_WORKING_DAYS).toISOString()
  const email = asker.member ? (input.notify ? asker.member.email : null) : (input.email ?? null)
  await payload.create({
    collection: 'questions',
    data: {
      summary: summaryOf(input.whatHappened),
      whatHappened: input.whatHappened,
      nation: input.nation,
      employmentStatus: input.employmentStatus,
      topic: await topicId(payload, input.topic),
      fromGuide: input.fromGuide ?? null,
      state: 'open',
      expectedReplyBy,
      entries: [{ from: 'asker', body: input.whatHappened, at: now.toISOString() }],
      asker: asker.member?.id ?? null,
      notifyEmail: email,
      replyTokenHash: reply?.hash ?? null,
    },
    overrideAccess: true,
    depth: 0,
  })
  return { token: reply?.token ?? null, expectedReplyBy }
}

/**
 * Takes a question. Bad input stores nothing and names each field; over the per-address limit
 * stores nothing; a filled honeypot or a made-up or too-fast form stamp is answered like any other
 * question (with a token that opens nothing) and stored nowhere, so a script learns nothing.
 * @example await askQuestion(payload, { whatHappened: 'My holiday pay…', nation: 'scotland', employmentStatus: 'worker' }, { member: null }, { ip })
 */
export const askQuestion = async (
  payload: Payload,
  raw: unknown,
  asker: Asker,
  ctx: SubmitContext,
): Promise<AskOutcome> => {
  const checked = check(askSchema, raw)
  if (!checked.ok) return { status: 'invalid', errors: checked.errors }
  const now = new Date(ctx.now ?? Date.now())
  const limit = await limitRate(
    payload,
    'ask',
    asker.member ? `member:${asker.member.id}` : clientRateKey(ctx.ip),
  )
  if (limit.limited) return { status: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds }
  const input = checked.data
  const flags = formFlags(
    { honeypot: input[HONEYPOT_FIELD], stamp: input[STAMP_FIELD] },
    payload.secret,
    now.getTime(),
  )
  const bot = flags.some((f) => f === FLAGS.HONEYPOT || f === FLAGS.TOO_FAST || f === FLAGS.FORGED_STAMP)
  if (bot) {
    payload.logger.info({ msg: `A question was not stored (${flags.join(', ')})` })
    return {
      status: 'asked',
      token: asker.member ? null : newReplyToken().token,
      expectedReplyBy: addWorkingDays(now, EXPECTED_REPLY_WORKING_DAYS).toISOString(),
    }
  }
  return { status: 'asked', ...(await store(payload, input, asker, now)) }
}
