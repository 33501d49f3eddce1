/**
 * My account's endpoints, under /api/account/: ordinary Payload endpoints (Payload reads the
 * session cookie and sets req.user), each for the signed-in member's own record only and each
 * calling a plain function in cms/members/account*.ts. Nobody else gets past `asMember`: no
 * session is 401, an erased account 410 (and its cookie is cleared). CORS with credentials for the
 * site's origin comes from the Payload config. Also a network's public member count (a number only).
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { generateExpiredPayloadCookie } from 'payload/shared'
import { checkConsent, setUnionInterest } from '../members/accountConsent'
import { heldData } from '../members/accountData'
import { heldDataPage } from '../members/accountDataPage'
import { type AccountMember, idOf, networksById } from '../members/accountMember'
import { changeNetwork, networkMemberCount } from '../members/accountNetworks'
import { checkProfile, saveProfile } from '../members/accountProfile'
import { type Caller, callerOf } from '../members/accountSession'
import { accountView } from '../members/accountView'
import { ERASURE_KEEPS, eraseMember } from '../members/erase'
import { siteUrl } from '../members/tokens'
import { escapeHtml as e } from '../email/messages/render'
import { type Answer, guard, htmlAnswer, jsonAnswer, readFields, toResponse } from './http'
import { page } from './pages'

export const param = (req: PayloadRequest, name: string) => String(req.routeParams?.[name] ?? '')

/** The Set-Cookie that ends a member's session cookie in the browser. */
const expiredCookie = (req: PayloadRequest): string =>
  generateExpiredPayloadCookie({
    collectionAuthConfig: req.payload.collections.members.config.auth,
    config: req.payload.config,
    cookiePrefix: req.payload.config.cookiePrefix,
  })

/** True when a browser navigated here (a link or a plain form), so it wants a page, not JSON. */
const wantsPage = (req: PayloadRequest) =>
  (req.headers.get('accept') ?? '').includes('text/html') &&
  !(req.headers.get('content-type') ?? '').includes('application/json')

/** The answer to a request without a member: 401 signed out, or 410 for an erased account. */
const noMemberAnswer = (req: PayloadRequest, caller: Extract<Caller, { ok: false }>): Response => {
  const status = caller.status === 'erased' ? 410 : 401
  const answer: Answer = wantsPage(req)
    ? htmlAnswer(
        page(
          caller.status === 'erased' ? 'Account erased' : 'You are not signed in',
          `<p>${e(caller.message)}</p><p><a href="${e(siteUrl())}/account/">Go to My account</a></p>`,
        ),
        status,
      )
    : jsonAnswer({ status: caller.status, message: caller.message }, status)
  const response = toResponse(answer)
  if (caller.status === 'erased') response.headers.append('Set-Cookie', expiredCookie(req))
  return response
}

/** An endpoint handler for the signed-in member only. */
export const asMember =
  (run: (req: PayloadRequest, member: AccountMember) => Promise<Response>) =>
  (req: PayloadRequest): Promise<Response> =>
    guard(req, async () => {
      const caller = await callerOf(req.payload, req.user, req.headers)
      return caller.ok ? run(req, caller.member) : noMemberAnswer(req, caller)
    })

/** 422 naming each bad field; nothing was stored. */
const invalid = (errors: Record<string, string>) => toResponse(jsonAnswer({ status: 'invalid', errors }, 422))

const me = async (req: PayloadRequest, member: AccountMember) =>
  toResponse(
    jsonAnswer({ status: 'ok', ...(await accountView(req.payload, member)), erasureKeeps: ERASURE_KEEPS }),
  )

const endpoints: Endpoint[] = [
  { path: '/account/me', method: 'get', handler: asMember(me) },
  {
    path: '/account/me',
    method: 'patch',
    handler: asMember(async (req, member) => {
      const checked = await checkProfile(req.payload, member, await readFields(req))
      if (!checked.ok) return invalid(checked.errors)
      await saveProfile(req.payload, member, checked.data)
      return me(req, { ...member, ...checked.data })
    }),
  },
  {
    // Which networks the member is in, and nothing else: what a network's page needs. Every network
    // page asks, so someone not signed in gets 200 { status: 'signed-out', networks: null } (it
    // tells nothing about anyone) rather than an error in every visitor's browser console.
    path: '/account/networks',
    method: 'get',
    handler: (req) =>
      guard(req, async () => {
        const caller = await callerOf(req.payload, req.user, req.headers)
        if (!caller.ok) {
          const response = toResponse(jsonAnswer({ status: caller.status, networks: null }))
          if (caller.status === 'erased') response.headers.append('Set-Cookie', expiredCookie(req))
          return response
        }
        const ids = (caller.member.networks ?? []).map(idOf)
        const byId = await networksById(req.payload, ids)
        return toResponse(
          jsonAnswer({ status: 'ok', networks: ids.flatMap((id) => byId.get(id)?.slug ?? []) }),
        )
      }),
  },
  ...(['post', 'delete'] as const).map((method): Endpoint => ({
    path: '/account/networks/:slug',
    method,
    handler: asMember(async (req, member) => {
      const change = await changeNetwork(req.payload, member, param(req, 'slug'), method === 'post')
      if (change.status === 'not-found')
        return toResponse(
          jsonAnswer({ status: 'not-found', message: 'There is no network at this address.' }, 404),
        )
      return toResponse(jsonAnswer(change))
    }),
  })),
  {
    path: '/account/consent',
    method: 'put',
    handler: asMember(async (req, member) => {
      const checked = checkConsent(await readFields(req))
      if (!checked.ok) return invalid(checked.errors)
      await setUnionInterest(req.payload, member, checked.give)
      return toResponse(jsonAnswer({ status: checked.give ? 'given' : 'withdrawn' }))
    }),
  },
  {
    path: '/account/export',
    method: 'get',
    handler: asMember(async (req, member) => {
      const data = await heldData(req.payload, member)
      const format = new URL(req.url ?? '', 'http://localhost').searchParams.get('format')
      if (format !== 'json') return toResponse(htmlAnswer(heldDataPage(data, '?format=json')))
      return toResponse(
        jsonAnswer(data, 200, { 'Content-Disposition': 'attachment; filename="my-better-work-data.json"' }),
      )
    }),
  },
  {
    path: '/account/erase',
    method: 'post',
    handler: asMember(async (req, member) => {
      const fields = await readFields(req)
      if (fields.confirm !== true && fields.confirm !== 'erase')
        return invalid({
          confirm: 'Send confirm: true to say you want your account erased. It cannot be undone.',
        })
      await eraseMember(req.payload, member)
      const response = toResponse(
        jsonAnswer({
          status: 'erased',
          message: 'Your account is erased. You are signed out everywhere.',
          kept: ERASURE_KEEPS,
        }),
      )
      response.headers.append('Set-Cookie', expiredCookie(req))
      return response
    }),
  },
  {
    // Public: a network's page shows how many people are in it, never who.
    path: '/public/networks/:slug/count',
    method: 'get',
    handler: async (req) => {
      const count = await networkMemberCount(req.payload, param(req, 'slug'))
      if (count === null)
        return toResponse(
          jsonAnswer({ status: 'not-found', message: 'There is no network at this address.' }, 404),
        )
      return toResponse(jsonAnswer({ count }, 200, { 'Cache-Control': 'public, max-age=60', Vary: 'Origin' }))
    },
  },
]

/** Every My account endpoint, and the public network count. */
export const accountEndpoints: Endpoint[] = endpoints
