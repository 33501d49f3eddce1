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

const inNetwork =
  (
    run: (
      req: PayloadRequest,
      standing: Extract<Awaited<ReturnType<typeof standingBySlug>>, { ok: true }>,
    ) => Promise<Response>,
  ): Handler =>
  async (req, member) => {
    const standing = await standingBySlug(req.payload, member, param(req, 'network'))
    return standing.ok ? run(req, standing) : refused(standing)
  }

const inThread =
  (
    run: (
      req: PayloadRequest,
      found: Extract<Awaited<ReturnType<typeof threadFor>>, { ok: true }>,
    ) => Promise<Response>,
  ): Handler =>
  async (req, member) => {
    const found = await threadFor(req.payload, member, param(req, 'id'))
    return found.ok ? run(req, found) : refused(found)
  }

const onMessage =
  (
    run: (
      req: PayloadRequest,
      found: Extract<Awaited<ReturnType<typeof messageFor>>, { ok: true }>,
    ) => Promise<Response>,
  ): Handler =>
  async (req, member) => {
    const found = await messageFor(req.payload, member, param(req, 'id'))
    return found.ok ? run(req, found) : refused(found)
  }

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
