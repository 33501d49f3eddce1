/**
 * Ask an adviser. Under /api/public/questions (no cookie; run straight by the front server): ask
 * (JSON, or a plain form answered with a 303 to the private link on the site), read and follow up
 * with the private link's token in the body (never in an address: the site keeps it in the
 * link's fragment), and the email's two links (GET shows a button, POST acts). Under
 * /api/account/questions (the member's cookie): ask, list, read and follow up on one's own. Each is
 * thin: it reads the request and calls a plain function in cms/advice/.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { EXPECTED_REPLY_WORKING_DAYS } from '../../content-models/conversations'
import { askQuestion, type AskOutcome } from '../advice/ask'
import { followUpSchema, tokenSchema } from '../advice/askSchema'
import { addFollowUp, memberQuestion, memberQuestions, questionByToken, viewOf } from '../advice/conversation'
import { actOnQuestionLink } from '../advice/links'
import { isQuestionLinkPurpose } from '../advice/notify'
import { conversationPage, noQuestionPage, questionLinkDonePage, questionLinkPage } from '../advice/pages'
import { replyByWords } from '../advice/workingDays'
import { limitRate } from '../abuse/rateLimit'
import { check } from '../abuse/validation'
import { clientRateKey } from '../edge/clientAddress'
import { callerOf } from '../members/accountSession'
import type { AccountMember } from '../members/accountMember'
import { idTypeOf, parseRecordId } from '../members/recordId'
import { siteUrl } from '../members/tokens'
import {
  clientIp,
  guard,
  htmlAnswer,
  invalidAnswer,
  isJson,
  jsonAnswer,
  rateLimitedAnswer,
  readFields,
  seeOtherAnswer,
  toResponse,
} from './http'

const param = (req: PayloadRequest, name: string) => String(req.routeParams?.[name] ?? '')
const selfUrl = (req: PayloadRequest) => new URL(req.url ?? '', 'http://localhost').pathname
const askPage = () => `${siteUrl()}/ask/`
/** The private link: the token after '#', so it never reaches a server log or a Referer. */
export const replyLink = (token: string) => `${siteUrl()}/ask/reply/#${token}`

/** The same 404 for a wrong token and a question that is gone. */
const NOT_FOUND = { status: 'not-found', message: 'We cannot find this question. Check the private link.' }
const notFound = (req: PayloadRequest) =>
  toResponse(isJson(req) ? jsonAnswer(NOT_FOUND, 404) : htmlAnswer(noQuestionPage(), 404))

const CLOSED = {
  status: 'closed',
  message: 'This question is closed. To ask something new, ask a new question.',
}

/** The answer to a question asked: JSON with the private link, or (a plain form) a 303 to it. */
const askedAnswer = (req: PayloadRequest, outcome: AskOutcome) => {
  const asJson = isJson(req)
  if (outcome.status === 'invalid') return toResponse(invalidAnswer(asJson, outcome.errors, askPage()))
  if (outcome.status === 'rate-limited')
    return toResponse(rateLimitedAnswer(asJson, outcome.retryAfterSeconds, askPage()))
  const replyUrl = outcome.token ? replyLink(outcome.token) : `${siteUrl()}/account/#questions`
  if (!asJson) return toResponse(seeOtherAnswer(replyUrl))
  return toResponse(
    jsonAnswer(
      {
        status: 'asked',
        token: outcome.token,
        replyUrl,
        expectedReplyBy: outcome.expectedReplyBy,
        message: `Your question is sent. Advisers usually reply within ${EXPECTED_REPLY_WORKING_DAYS} working days: by ${replyByWords(outcome.expectedReplyBy)}.`,
      },
      201,
    ),
  )
}

/** A follow-up counts against the same limit as a question: per connection, or per member. */
const followUpLimited = async (req: PayloadRequest, member?: AccountMember) => {
  const verdict = await limitRate(
    req.payload,
    'ask',
    member ? `member:${member.id}` : clientRateKey(clientIp(req)),
  )
  return verdict.limited
    ? toResponse(rateLimitedAnswer(isJson(req), verdict.retryAfterSeconds, `${siteUrl()}/ask/reply/`))
    : null
}

/** The question a request's body token opens, or null. */
const byBodyToken = async (req: PayloadRequest, fields: Record<string, unknown>) => {
  const parsed = check(tokenSchema, fields)
  return parsed.ok
    ? { token: parsed.data.token, q: await questionByToken(req.payload, parsed.data.token) }
    : null
}

const publicEndpoints: Endpoint[] = [
  {
    path: '/public/questions',
    method: 'post',
    handler: (req) =>
      guard(req, async () =>
        askedAnswer(
          req,
          await askQuestion(req.payload, await readFields(req), { member: null }, { ip: clientIp(req) }),
        ),
      ),
  },
  {
    path: '/public/questions/read',
    method: 'post',
    handler: (req) =>
      guard(req, async () => {
        const found = await byBodyToken(req, await readFields(req))
        if (!found?.q) return notFound(req)
        const view = viewOf(found.q)
        return toResponse(
          isJson(req)
            ? jsonAnswer({ status: 'ok', question: view })
            : htmlAnswer(
                conversationPage(view, found.token, `${selfUrl(req).replace(/read$/, 'follow-up')}`),
              ),
        )
      }),
  },
  {
    path: '/public/questions/follow-up',
    method: 'post',
    handler: (req) =>
      guard(req, async () => {
        const fields = await readFields(req)
        const found = await byBodyToken(req, fields)
        if (!found?.q) return notFound(req)
        const body = check(followUpSchema, fields)
        if (!body.ok) return toResponse(invalidAnswer(isJson(req), body.errors, `${siteUrl()}/ask/reply/`))
        const limited = await followUpLimited(req)
        if (limited) return limited
        const outcome = await addFollowUp(req.payload, found.q, body.data.body)
        if (outcome.status === 'closed')
          return toResponse(isJson(req) ? jsonAnswer(CLOSED, 409) : htmlAnswer(noQuestionPage(), 409))
        return toResponse(
          isJson(req)
            ? jsonAnswer({ status: 'ok', question: outcome.question })
            : htmlAnswer(conversationPage(outcome.question, found.token, selfUrl(req), true)),
        )
      }),
  },
  {
    path: '/public/questions/:purpose/:id/:token',
    method: 'get',
    handler: async (req) => {
      const purpose = param(req, 'purpose')
      return isQuestionLinkPurpose(purpose)
        ? toResponse(htmlAnswer(questionLinkPage(purpose, selfUrl(req))))
        : notFound(req)
    },
  },
  {
    path: '/public/questions/:purpose/:id/:token',
    method: 'post',
    handler: async (req) => {
      const purpose = param(req, 'purpose')
      if (!isQuestionLinkPurpose(purpose)) return notFound(req)
      const outcome = await actOnQuestionLink(req.payload, purpose, param(req, 'id'), param(req, 'token'))
      return outcome === 'done' ? toResponse(htmlAnswer(questionLinkDonePage(purpose))) : notFound(req)
    },
  },
]

/** An endpoint handler for the signed-in member only (401 signed out, 410 erased). */
const asMember =
  (run: (req: PayloadRequest, member: AccountMember) => Promise<Response>) =>
  (req: PayloadRequest): Promise<Response> =>
    guard(req, async () => {
      const caller = await callerOf(req.payload, req.user, req.headers)
      if (!caller.ok)
        return toResponse(
          jsonAnswer(
            { status: caller.status, message: caller.message },
            caller.status === 'erased' ? 410 : 401,
          ),
        )
      return run(req, caller.member)
    })

/** The member's own question named in the address, or null. */
const ownQuestion = (req: PayloadRequest, member: AccountMember) => {
  const id = parseRecordId(param(req, 'id'), idTypeOf(req.payload))
  return id === null ? Promise.resolve(null) : memberQuestion(req.payload, member.id, id)
}

const accountEndpoints: Endpoint[] = [
  {
    path: '/account/questions',
    method: 'get',
    handler: asMember(async (req, member) =>
      toResponse(jsonAnswer({ status: 'ok', questions: await memberQuestions(req.payload, member.id) })),
    ),
  },
  {
    path: '/account/questions',
    method: 'post',
    handler: asMember(async (req, member) =>
      askedAnswer(
        req,
        await askQuestion(req.payload, await readFields(req), { member }, { ip: clientIp(req) }),
      ),
    ),
  },
  {
    path: '/account/questions/:id',
    method: 'get',
    handler: asMember(async (req, member) => {
      const q = await ownQuestion(req, member)
      return q ? toResponse(jsonAnswer({ status: 'ok', question: viewOf(q) })) : notFound(req)
    }),
  },
  {
    path: '/account/questions/:id/follow-up',
    method: 'post',
    handler: asMember(async (req, member) => {
      const q = await ownQuestion(req, member)
      if (!q) return notFound(req)
      const body = check(followUpSchema, await readFields(req))
      if (!body.ok) return toResponse(invalidAnswer(true, body.errors, `${siteUrl()}/account/`))
      const limited = await followUpLimited(req, member)
      if (limited) return limited
      const outcome = await addFollowUp(req.payload, q, body.data.body)
      return outcome.status === 'closed'
        ? toResponse(jsonAnswer(CLOSED, 409))
        : toResponse(jsonAnswer({ status: 'ok', question: outcome.question }))
    }),
  },
]

/** Every endpoint of Ask an adviser. */
export const adviceEndpoints: Endpoint[] = [...publicEndpoints, ...accountEndpoints]
