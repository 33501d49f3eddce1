/**
 * Signing in and out, thin: each endpoint reads the request and calls cms/members/signIn.ts or
 * session.ts. Asking for a link is public (/api/public/sign-in, also a fast route on the front
 * server); the link's page, signing out and "who is signed in" are member endpoints under
 * /api/account/, which Payload answers with the member's session (req.user) already worked out.
 */
import type { Endpoint, Payload, PayloadRequest } from 'payload'
import { isMemberUser } from '../../content-models/access/roles'
import { endMemberSession, expiredSessionCookie, startMemberSession } from '../members/session'
import { checkSignInLink, requestSignIn, useSignInLink } from '../members/signIn'
import { siteUrl } from '../members/tokens'
import {
  type Answer,
  BodyError,
  bodyErrorAnswer,
  clientIp,
  fieldsOf,
  htmlAnswer,
  invalidAnswer,
  isJson,
  isJsonType,
  jsonAnswer,
  rateLimitedAnswer,
  seeOtherAnswer,
  toResponse,
} from './http'
import { SIGN_IN_SENT, signInButtonPage, signInSentPage, signInSpentPage } from './signInPages'

/** Where a member lands once signed in or out: My account on the site. */
export const accountPage = () => `${siteUrl()}/account/`

/** The one JSON answer to every accepted request for a link (made once). */
const SENT_ANSWER = jsonAnswer({ status: 'sent', message: SIGN_IN_SENT }, 202)

/** A sign-in request, read from a web Request or straight from Node's request. */
export type SignInRequest = { contentType: string | null | undefined; body: string; ip: string }

/**
 * Answers a request for a sign-in link: the same answer under Next, Payload's router and the fast
 * route. Bad input gets 422 naming the field; every accepted address gets the same 202.
 */
export const signInAnswer = async (
  payload: Payload,
  { contentType, body, ip }: SignInRequest,
): Promise<Answer> => {
  const asJson = isJsonType(contentType)
  let fields: Record<string, unknown>
  try {
    fields = fieldsOf(contentType, body)
  } catch (error) {
    if (error instanceof BodyError) return bodyErrorAnswer(asJson, error)
    throw error
  }
  const outcome = await requestSignIn(payload, fields, { ip })
  if (outcome.status === 'invalid') return invalidAnswer(asJson, outcome.errors, accountPage())
  if (outcome.status === 'rate-limited')
    return rateLimitedAnswer(asJson, outcome.retryAfterSeconds, accountPage())
  return asJson ? { ...SENT_ANSWER, headers: { ...SENT_ANSWER.headers } } : htmlAnswer(signInSentPage(), 202)
}

const param = (req: PayloadRequest, name: string) => String(req.routeParams?.[name] ?? '')
const selfPath = (req: PayloadRequest) => new URL(req.url ?? '', 'http://localhost').pathname

const withCookie = (answer: Answer, cookie: string): Response => {
  const response = toResponse(answer)
  response.headers.append('Set-Cookie', cookie)
  return response
}

/** Signs out (this device, or everywhere) and removes the cookie; JSON for the island, a redirect for a form. */
const signOut =
  (everywhere: boolean): Endpoint['handler'] =>
  async (req) => {
    await endMemberSession(req, everywhere)
    const answer = isJson(req) ? jsonAnswer({ status: 'signed-out' }) : seeOtherAnswer(accountPage())
    return withCookie(answer, expiredSessionCookie(req.payload))
  }

/** The sign-in endpoints. */
export const signInEndpoints: Endpoint[] = [
  {
    path: '/public/sign-in',
    method: 'post',
    handler: async (req) =>
      toResponse(
        await signInAnswer(req.payload, {
          contentType: req.headers.get('content-type'),
          body: req.text ? await req.text() : '',
          ip: clientIp(req),
        }),
      ),
  },
  {
    path: '/account/sign-in/:id/:token',
    method: 'get',
    // A page with a button only: mail scanners open links, and must not use them up.
    handler: async (req) => {
      const state = await checkSignInLink(req.payload, param(req, 'id'), param(req, 'token'))
      return toResponse(
        state.status === 'valid'
          ? htmlAnswer(signInButtonPage(selfPath(req)))
          : htmlAnswer(signInSpentPage(), 410),
      )
    },
  },
  {
    path: '/account/sign-in/:id/:token',
    method: 'post',
    handler: async (req) => {
      const state = await useSignInLink(req.payload, param(req, 'id'), param(req, 'token'))
      if (state.status !== 'valid') return toResponse(htmlAnswer(signInSpentPage(), 410))
      req.payload.logger.info({ msg: 'Member signed in', member: state.memberId })
      return withCookie(seeOtherAnswer(accountPage()), await startMemberSession(req, state.memberId))
    },
  },
  { path: '/account/sign-out', method: 'post', handler: signOut(false) },
  { path: '/account/sign-out-everywhere', method: 'post', handler: signOut(true) },
  {
    path: '/account/session',
    method: 'get',
    // Who is signed in on this device, for the account pages' island; 401 when nobody is.
    handler: async (req) =>
      toResponse(
        isMemberUser(req.user)
          ? jsonAnswer({ signedIn: true, member: { id: req.user.id } })
          : jsonAnswer({ signedIn: false }, 401),
      ),
  },
]
