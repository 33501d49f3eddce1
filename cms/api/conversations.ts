/**
 * Network conversations for members, under /api/account/conversations/ (so the member's cookie
 * crosses from the site, as for My account): thin handlers over cms/conversations. The live
 * stream of a thread is served by the front server itself (cms/edge/liveRoute.ts). The answers'
 * shapes are in content-models/conversationsApi.ts.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { type AccountMember } from '../members/accountMember'
import { setFollowing } from '../conversations/follows'
import { deleteOwn, reply, report, startThread, type WriteResult } from '../conversations/post'
import { messageFor, networkConversations, threadFor, threadView } from '../conversations/read'
import { checkMe, meIn, type Refusal, saveMe, standingBySlug } from '../conversations/standing'
import { asMember, param } from './account'
import { jsonAnswer, readFields, toResponse } from './http'

const REFUSAL_STATUS: Record<Refusal['status'], number> = {
  'not-found': 404,
  'not-member': 403,
  'awaiting-approval': 403,
  muted: 403,
  guidelines: 403,
}

const refused = (refusal: Refusal) =>
  toResponse(jsonAnswer({ status: refusal.status, message: refusal.message }, REFUSAL_STATUS[refusal.status]))

/** The answer to a write: what was made (201 or 200), or why not. */
const written = <T extends object>(result: WriteResult<T>, status = 201): Response => {
  if (result.ok) {
    const { ok: _ok, ...made } = result
    return toResponse(jsonAnswer({ status: status === 202 ? 'reported' : 'posted', ...made }, status))
  }
  if (result.status === 'invalid')
    return toResponse(jsonAnswer({ status: 'invalid', errors: result.errors }, 422))
  if (result.status === 'slow-down')
    return toResponse(
      jsonAnswer({ status: 'slow-down', message: result.message }, 429, {
        'Retry-After': String(result.retryAfterSeconds),
      }),
    )
  return refused(result)
}

type Handler = (req: PayloadRequest, member: AccountMember) => Promise<Response>

/**
 * A handler that first finds what the route is about for this member (their standing in a
 * network, a thread, a message) and answers the refusal when there is one.
 */
const through =
  <Found extends { ok: true }>(
    find: (req: PayloadRequest, member: AccountMember) => Promise<Found | Refusal>,
  ) =>
  (run: (req: PayloadRequest, found: Found) => Promise<Response>): Handler =>
  async (req, member) => {
    const found = await find(req, member)
    return found.ok ? run(req, found) : refused(found)
  }

const inNetwork = through((req, member) => standingBySlug(req.payload, member, param(req, 'network')))
const inThread = through((req, member) => threadFor(req.payload, member, param(req, 'id')))
const onMessage = through((req, member) => messageFor(req.payload, member, param(req, 'id')))

const BASE = '/account/conversations'

const route = (path: string, method: Endpoint['method'], handler: Handler): Endpoint => ({
  path: `${BASE}${path}`,
  method,
  handler: asMember(handler),
})

export const conversationEndpoints: Endpoint[] = [
  // Fixed paths first, so "threads" and "messages" are never read as a network's slug.
  route(
    '/threads/:id',
    'get',
    inThread(async (req, { thread, standing }) =>
      toResponse(jsonAnswer(await threadView(req.payload, thread, standing))),
    ),
  ),
  route(
    '/threads/:id/messages',
    'post',
    inThread(async (req, { thread, standing }) =>
      written(await reply(req.payload, standing, thread, await readFields(req))),
    ),
  ),
  ...(['put', 'delete'] as const).map((method) =>
    route(
      '/threads/:id/follow',
      method,
      inThread(async (req, { thread, standing }) =>
        toResponse(
          jsonAnswer({
            status: 'ok',
            following: await setFollowing(req.payload, standing.member, thread, method === 'put'),
          }),
        ),
      ),
    ),
  ),
  route(
    '/messages/:id',
    'delete',
    onMessage(async (req, { message, standing }) => {
      const deleted = await deleteOwn(req.payload, standing.member, message)
      return deleted
        ? toResponse(jsonAnswer({ status: 'deleted' }))
        : refused({ ok: false, status: 'not-found', message: 'You can delete only your own messages.' })
    }),
  ),
  route(
    '/messages/:id/report',
    'post',
    onMessage(async (req, { message, standing }) =>
      written(await report(req.payload, standing, message, await readFields(req)), 202),
    ),
  ),
  route(
    '/:network',
    'get',
    inNetwork(async (req, standing) =>
      toResponse(jsonAnswer(await networkConversations(req.payload, standing))),
    ),
  ),
  route(
    '/:network/me',
    'put',
    inNetwork(async (req, standing) => {
      const checked = await checkMe(req.payload, standing, await readFields(req))
      if (!checked.ok) return toResponse(jsonAnswer({ status: 'invalid', errors: checked.errors }, 422))
      return toResponse(
        jsonAnswer({ status: 'ok', me: meIn(await saveMe(req.payload, standing, checked.value)) }),
      )
    }),
  ),
  route(
    '/:network/threads',
    'post',
    inNetwork(async (req, standing) =>
      written(await startThread(req.payload, standing, await readFields(req))),
    ),
  ),
]
