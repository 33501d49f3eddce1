/**
 * Training endpoints. Under /api/public/training/ (no cookie needed; run straight by the front
 * server): register by email, the confirm and cancel links (GET shows a button, POST acts), and a
 * session's places left. Under /api/account/training/ (Payload reads the member's cookie; CORS with
 * credentials for the site): where I stand, register, my registrations, cancel one. Under
 * /api/organise/: a session's attendance sheet, for organisers and admins. Each is thin: it reads
 * the request and calls a plain function in cms/training/.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { hasRole } from '../../content-models/access/roles'
import { idTypeOf, parseRecordId, type RecordId } from '../members/recordId'
import { attendanceCsv } from '../training/attendance'
import { confirmRegistration, registerByEmail } from '../training/byEmail'
import { cancelByToken, cancelRegistration } from '../training/cancel'
import { listRegistrationsFor } from '../training/forMember'
import { memberStanding, registerMember, type RegisterOutcome } from '../training/register'
import { placesTaken, recipientOf } from '../training/registrations'
import { capacityOf, closedBecause, sessionBySlug } from '../training/session'
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
import { siteUrl } from '../members/tokens'
import {
  cancelPlacePage,
  cancelResultPage,
  checkEmailPage,
  CLOSED,
  confirmPlacePage,
  noSessionPage,
  registrationResultPage,
} from './trainingPages'

const param = (req: PayloadRequest, name: string) => String(req.routeParams?.[name] ?? '')
const selfUrl = (req: PayloadRequest) => new URL(req.url ?? '', 'http://localhost').pathname
const sessionPage = (slug: string) => `${siteUrl()}/training/${slug}/`

/** The status code of a registration outcome. */
const statusOf = (o: { status: string }) =>
  ({ 'not-found': 404, 'unknown-link': 404, closed: 409, cancelled: 409, 'signed-out': 401 })[o.status] ?? 200

/** The one answer to a registration: JSON (with the words to show) or a page. */
const registrationAnswer = (
  req: PayloadRequest,
  outcome: Parameters<typeof registrationResultPage>[0],
  slug?: string,
) => {
  if (!isJson(req)) return toResponse(htmlAnswer(registrationResultPage(outcome, slug), statusOf(outcome)))
  const message =
    outcome.status === 'waiting'
      ? `The session is full. You are number ${outcome.number} on the waiting list. We will email you if you get a place.`
      : outcome.status === 'registered'
        ? outcome.already
          ? 'You already have a place at this session.'
          : 'You have a place. We have sent you an email with the details.'
        : outcome.status === 'closed'
          ? CLOSED[outcome.reason]
          : undefined
  return toResponse(jsonAnswer({ ...outcome, message }, statusOf(outcome)))
}

/** The places of a session, for the page: how many there are, how many are left, how many wait. */
const placesOf = async (req: PayloadRequest, slug: string) => {
  const s = await sessionBySlug(req.payload, slug)
  if (!s) return null
  const capacity = capacityOf(s)
  const { registered, waiting } = await placesTaken(req.payload, s.id)
  return {
    session: s,
    places: {
      capacity,
      left: capacity === null ? null : Math.max(0, capacity - registered),
      waiting,
      closed: closedBecause(s),
    },
  }
}

/** The signed-in member's id, or null (no cookie, someone else's kind of session, or erased). */
const memberOf = async (req: PayloadRequest): Promise<RecordId | null> => {
  const user = req.user as { id?: unknown; collection?: string } | null | undefined
  if (!user || user.collection !== 'members') return null
  const id = parseRecordId(user.id, idTypeOf(req.payload))
  return id !== null && (await recipientOf(req.payload, id)) ? id : null
}

const signedOut = () =>
  toResponse(
    jsonAnswer(
      { status: 'signed-out', message: 'Sign in to do this, or register with your email address.' },
      401,
    ),
  )

const publicEndpoints: Endpoint[] = [
  {
    path: '/public/training/:slug/register',
    method: 'post',
    handler: (req) =>
      guard(req, async () => {
        const slug = param(req, 'slug')
        const outcome = await registerByEmail(req.payload, slug, await readFields(req), { ip: clientIp(req) })
        const asJson = isJson(req)
        if (outcome.status === 'invalid')
          return toResponse(invalidAnswer(asJson, outcome.errors, `${sessionPage(slug)}#take-part`))
        if (outcome.status === 'rate-limited')
          return toResponse(
            rateLimitedAnswer(asJson, outcome.retryAfterSeconds, `${sessionPage(slug)}#take-part`),
          )
        if (outcome.status === 'not-found')
          return asJson
            ? toResponse(jsonAnswer({ status: 'not-found' }, 404))
            : toResponse(htmlAnswer(noSessionPage(), 404))
        if (outcome.status === 'closed') return registrationAnswer(req, outcome, slug)
        return asJson
          ? toResponse(
              jsonAnswer(
                {
                  status: 'sent',
                  message: 'Check your email: we have sent you a link to confirm your place.',
                },
                202,
              ),
            )
          : toResponse(htmlAnswer(checkEmailPage(slug)))
      }),
  },
  {
    path: '/public/training/:slug/places',
    method: 'get',
    handler: async (req) => {
      const found = await placesOf(req, param(req, 'slug'))
      return found
        ? toResponse(jsonAnswer(found.places, 200, { 'Cache-Control': 'public, max-age=10' }))
        : toResponse(jsonAnswer({ status: 'not-found' }, 404))
    },
  },
  {
    path: '/public/training/confirm/:id/:token',
    method: 'get',
    handler: async (req) => toResponse(htmlAnswer(confirmPlacePage(selfUrl(req)))),
  },
  {
    path: '/public/training/confirm/:id/:token',
    method: 'post',
    handler: async (req) =>
      registrationAnswer(req, await confirmRegistration(req.payload, param(req, 'id'), param(req, 'token'))),
  },
  {
    path: '/public/training/cancel/:token',
    method: 'get',
    handler: async (req) => toResponse(htmlAnswer(cancelPlacePage(selfUrl(req)))),
  },
  {
    path: '/public/training/cancel/:token',
    method: 'post',
    handler: async (req) => {
      const outcome = await cancelByToken(req.payload, param(req, 'token'))
      const status = outcome.status === 'unknown' ? 404 : 200
      return isJson(req)
        ? toResponse(jsonAnswer(outcome, status))
        : toResponse(htmlAnswer(cancelResultPage(outcome), status))
    },
  },
]

const accountEndpoints: Endpoint[] = [
  {
    path: '/account/training',
    method: 'get',
    handler: async (req) => {
      const member = await memberOf(req)
      if (member === null) return signedOut()
      return toResponse(
        jsonAnswer({ status: 'ok', registrations: await listRegistrationsFor(req.payload, member) }),
      )
    },
  },
  {
    path: '/account/training/:slug',
    method: 'get',
    handler: async (req) => {
      const found = await placesOf(req, param(req, 'slug'))
      if (!found) return toResponse(jsonAnswer({ status: 'not-found' }, 404))
      const member = await memberOf(req)
      const standing = member === null ? null : await memberStanding(req.payload, member, found.session.id)
      return toResponse(jsonAnswer({ signedIn: member !== null, standing, places: found.places }))
    },
  },
  {
    path: '/account/training/:slug/register',
    method: 'post',
    handler: async (req) => {
      const member = await memberOf(req)
      const slug = param(req, 'slug')
      const outcome: RegisterOutcome =
        member === null ? { status: 'signed-out' } : await registerMember(req.payload, member, slug)
      return registrationAnswer(req, outcome, slug)
    },
  },
  {
    path: '/account/training/registrations/:id/cancel',
    method: 'post',
    handler: async (req) => {
      const member = await memberOf(req)
      if (member === null) return signedOut()
      const id = parseRecordId(param(req, 'id'), idTypeOf(req.payload))
      const outcome =
        id === null ? ({ status: 'unknown' } as const) : await cancelRegistration(req.payload, member, id)
      const status = outcome.status === 'unknown' ? 404 : 200
      if (isJson(req)) return toResponse(jsonAnswer(outcome, status))
      return status === 200
        ? toResponse(seeOtherAnswer(`${siteUrl()}/account/`))
        : toResponse(htmlAnswer(cancelResultPage(outcome), 404))
    },
  },
]

const organiseEndpoints: Endpoint[] = [
  {
    path: '/organise/training/:id/attendance.csv',
    method: 'get',
    handler: async (req) => {
      if (!hasRole(req.user, 'admin', 'organiser'))
        return toResponse(
          jsonAnswer(
            { status: 'forbidden', message: 'Log in to the CMS as an organiser or admin to see this.' },
            403,
          ),
        )
      const id = parseRecordId(param(req, 'id'), idTypeOf(req.payload))
      const body = id === null ? null : await attendanceCsv(req.payload, id)
      if (body === null)
        return toResponse(jsonAnswer({ status: 'not-found', message: 'No such training session.' }, 404))
      return new Response(body, {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="attendance-${String(id)}.csv"`,
          'Cache-Control': 'no-store',
        },
      })
    },
  },
]

/** Every training endpoint. */
export const trainingEndpoints: Endpoint[] = [...publicEndpoints, ...accountEndpoints, ...organiseEndpoints]
