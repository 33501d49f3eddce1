/**
 * Petitions started by members, under /api/account/proposals (the member's session cookie; the
 * staff REST API never opens to members): propose, list and read one's own, resubmit after the
 * editors asked for changes, a new supporters' link; and, at the private link, read the proposal
 * and support it (the token in the body, never in an address: the site keeps it after '#'). Each
 * is thin: it reads the request and calls a plain function in cms/campaigns/proposals/.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { check } from '../abuse/validation'
import {
  newLink,
  ownProposal,
  propose,
  type ProposeOutcome,
  myProposals,
  resubmit,
} from '../campaigns/proposals/propose'
import { supportTokenSchema } from '../campaigns/proposals/schema'
import { proposalByToken, support } from '../campaigns/proposals/support'
import { proposerView, supporterView } from '../campaigns/proposals/view'
import type { AccountMember } from '../members/accountMember'
import { idTypeOf, parseRecordId } from '../members/recordId'
import { asMember, param } from './account'
import { jsonAnswer, rateLimitedAnswer, readFields, toResponse } from './http'

const NOT_FOUND = {
  status: 'not-found',
  message: 'We cannot find this proposal. Check the link you were sent.',
}
const notFound = () => toResponse(jsonAnswer(NOT_FOUND, 404))

/** The proposal id in the address, or null. */
const idParam = (req: PayloadRequest) => parseRecordId(param(req, 'id'), idTypeOf(req.payload))

/** A member's write as an answer: 201 made, 200 changed, 422 naming fields, 429, 404 or 409. */
const answer = (outcome: ProposeOutcome, created = false) => {
  switch (outcome.status) {
    case 'invalid':
      return toResponse(jsonAnswer({ status: 'invalid', errors: outcome.errors }, 422))
    case 'rate-limited':
      return toResponse(rateLimitedAnswer(true, outcome.retryAfterSeconds, '/petitions/propose/'))
    case 'not-found':
      return notFound()
    case 'not-changeable':
      return toResponse(jsonAnswer(outcome, 409))
    default:
      return toResponse(jsonAnswer(outcome, created ? 201 : 200))
  }
}

const SUPPORT_MESSAGES = {
  own: 'This is your own proposal: it needs 5 other members to support it. Share the link with co-workers.',
  already: 'You already support this proposal. Thank you.',
  closed: 'This proposal has all the supporters it needs and is with our editors. Thank you.',
  supported: 'Thank you: you support this proposal.',
}

/** The token in the body, and the proposal it opens (or a 422/404 answer). */
const byToken = async (req: PayloadRequest): Promise<{ response: Response } | { token: string }> => {
  const body = check(supportTokenSchema, await readFields(req))
  if (!body.ok) return { response: toResponse(jsonAnswer({ status: 'invalid', errors: body.errors }, 422)) }
  return { token: body.data.token }
}

const ownRead = async (req: PayloadRequest, member: AccountMember) => {
  const id = idParam(req)
  const p = id === null ? null : await ownProposal(req.payload, member.id, id)
  return p
    ? toResponse(jsonAnswer({ status: 'ok', proposal: await proposerView(req.payload, p) }))
    : notFound()
}

/** Every proposals endpoint. */
export const proposalEndpoints: Endpoint[] = [
  {
    path: '/account/proposals',
    method: 'get',
    handler: asMember(async (req, member) =>
      toResponse(jsonAnswer({ status: 'ok', proposals: await myProposals(req.payload, member.id) })),
    ),
  },
  {
    path: '/account/proposals',
    method: 'post',
    handler: asMember(async (req, member) =>
      answer(await propose(req.payload, member, await readFields(req)), true),
    ),
  },
  {
    path: '/account/proposals/support/read',
    method: 'post',
    handler: asMember(async (req) => {
      const found = await byToken(req)
      if ('response' in found) return found.response
      const p = await proposalByToken(req.payload, found.token)
      return p ? toResponse(jsonAnswer({ status: 'ok', proposal: supporterView(p) })) : notFound()
    }),
  },
  {
    path: '/account/proposals/support',
    method: 'post',
    handler: asMember(async (req, member) => {
      const found = await byToken(req)
      if ('response' in found) return found.response
      const outcome = await support(req.payload, member, found.token)
      if (outcome.status === 'not-found') return notFound()
      if (outcome.status === 'rate-limited')
        return toResponse(rateLimitedAnswer(true, outcome.retryAfterSeconds, '/petitions/propose/support/'))
      return toResponse(
        jsonAnswer(
          { status: outcome.status, message: SUPPORT_MESSAGES[outcome.status], proposal: outcome.proposal },
          outcome.status === 'supported' ? 201 : 200,
        ),
      )
    }),
  },
  { path: '/account/proposals/:id', method: 'get', handler: asMember(ownRead) },
  {
    path: '/account/proposals/:id',
    method: 'patch',
    handler: asMember(async (req, member) => {
      const id = idParam(req)
      return id === null ? notFound() : answer(await resubmit(req.payload, member, id, await readFields(req)))
    }),
  },
  {
    path: '/account/proposals/:id/link',
    method: 'post',
    handler: asMember(async (req, member) => {
      const id = idParam(req)
      return id === null ? notFound() : answer(await newLink(req.payload, member, id))
    }),
  },
]
