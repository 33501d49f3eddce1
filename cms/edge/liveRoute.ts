/**
 * GET /api/account/conversations/threads/:id/live: a thread's messages as they happen, as
 * server-sent events through better-sse, answered by the front server itself (a stream is held
 * open for as long as the page is, so it is not passed on to Next). The member's session cookie is
 * checked as for every member endpoint; a member outside the thread's network gets the same 404
 * as for a thread that does not exist. The browser's EventSource reconnects by itself and sends
 * Last-Event-ID, so nothing is missed across a dropped connection.
 */
import { createSession } from 'better-sse'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Payload } from 'payload'
import { latestEventId } from '../conversations/feed'
import { closeAllViewers, watchThread } from '../conversations/live'
import { threadFor } from '../conversations/read'
import { callerOf } from '../members/accountSession'
import { authenticateMember } from '../members/sessionStrategy'
import { corsHeadersFor } from './fastRoutes'

/** How often a quiet stream sends a comment, so proxies and phones keep it open. */
const KEEP_ALIVE_MS = 15_000

/** How long the browser waits before reconnecting after a drop. */
const RETRY_MS = 2_000

const headersOf = (request: FastifyRequest): Headers => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  return headers
}

/** A feed position from the browser: an id, or nothing usable. */
const position = (value: unknown): string | null =>
  typeof value === 'string' && /^[0-9a-f]{1,24}$/i.test(value) ? value : null

type LiveParams = { Params: { id: string }; Querystring: { after?: string } }

export const registerLiveRoute = (app: FastifyInstance, payload: Payload) => {
  app.addHook('preClose', async () => closeAllViewers(payload))
  app.get<LiveParams>('/api/account/conversations/threads/:id/live', async (request, reply) => {
    const headers = headersOf(request)
    const cors = { ...corsHeadersFor(payload, headers.get('origin') ?? undefined) }
    const { user } = await authenticateMember({ headers, payload, isGraphQL: false, canSetHeaders: false })
    const caller = await callerOf(payload, user, headers)
    if (!caller.ok)
      return reply
        .code(caller.status === 'erased' ? 410 : 401)
        .headers(cors)
        .send({ status: caller.status, message: caller.message })
    const found = await threadFor(payload, caller.member, request.params.id)
    if (!found.ok)
      return reply
        .code(found.status === 'not-found' ? 404 : 403)
        .headers(cors)
        .send({ status: found.status, message: found.message })
    const after =
      position(headers.get('last-event-id')) ??
      position(request.query.after) ??
      (await latestEventId(payload))
    reply.hijack()
    const session = await createSession(request.raw, reply.raw, {
      headers: { ...cors, 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' },
      keepAlive: KEEP_ALIVE_MS,
      retry: RETRY_MS,
      trustClientEventId: false,
    })
    let stop: (() => void) | null = null
    let ended = false
    const end = () => {
      if (ended) return
      ended = true
      stop?.()
      if (!reply.raw.writableEnded) reply.raw.end()
    }
    session.on('disconnected', end)
    stop = await watchThread(
      payload,
      {
        memberId: String(caller.member.id),
        networkId: String(found.standing.network.id),
        threadId: String(found.thread.id),
        push: (event, data, id) => {
          if (session.isConnected) session.push(data, event, id)
        },
        close: end,
      },
      after,
    )
    if (ended) stop()
    payload.logger.debug({ msg: `Member ${caller.member.id} watches thread ${found.thread.id} live` })
  })
}
