/**
 * The public endpoints, under /api/public/: the only writes anonymous people can make. Each one
 * reads the body, calls a plain function, and answers a plain form with a redirect or an HTML page,
 * or the islands with JSON. CORS (the site's origin only) comes from the Payload config.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { issueFormStamp } from '../abuse/formStamp'
import { joinNetwork } from '../members/join'
import { confirmRecord, eraseRecord, unsubscribeRecord } from '../members/records'
import { isRecordKind, siteUrl } from '../members/tokens'
import { WORK_EMAIL_WARNING } from '../../content-models/validators/workEmail'
import { type CampaignKind, campaignPath, KIND_WORDS } from '../../content-models/collections/Petitions/kinds'
import type { Payload } from 'payload'
import {
  COUNT_CACHE_CONTROL,
  type CountBody,
  etagMatches,
  publicCountBody,
  ROLL_UP_SECONDS,
} from '../campaigns/counts'
import { signPetition } from '../campaigns/sign'
import { countedPetition } from '../campaigns/countNow'
import {
  type Answer,
  BodyError,
  bodyErrorAnswer,
  clientIp,
  fieldsOf,
  guard,
  htmlAnswer,
  invalidAnswer,
  isJson,
  isJsonType,
  jsonAnswer,
  rateLimitedAnswer,
  readFields,
  seeOtherAnswer,
  toResponse,
} from './http'
import {
  confirmPage,
  confirmResultPage,
  type CountedFor,
  erasedPage,
  erasePage,
  page,
  unknownLinkPage,
  unsubscribedPage,
  unsubscribePage,
} from './pages'

const param = (req: PayloadRequest, name: string) => String(req.routeParams?.[name] ?? '')

/** Where a plain form goes after a post. */
export const SITE_PAGES = {
  petitionSent: () => `${siteUrl()}/petitions/check-your-email/`,
  /** A campaign's page (a petition's by default: the site sends an open letter's old address on). */
  petition: (slug: string, kind?: CampaignKind) => `${siteUrl()}${campaignPath(kind, slug)}`,
  joinSent: (workEmail: boolean) => `${siteUrl()}/join/check-your-email/${workEmail ? 'work-address/' : ''}`,
  join: () => `${siteUrl()}/join/`,
}

/**
 * The one answer to a sign-up or signature that was taken, whatever the address's history (new,
 * pending, confirmed, at its cap of emails, flagged): nobody can learn from it who has joined or
 * signed. A person who does not get an email can sign again; the cap on emails to one address is silent.
 */
const SENT =
  'Check your email: we have sent you a link to confirm. If it has not come in a few minutes, look in your spam folder.'

/** The JSON answer to a signature taken (made once: the busiest answer there is). */
const SENT_ANSWER = jsonAnswer({ status: 'sent', message: SENT }, 202)

/** What a sign request carries, read from a web Request or straight from Node's request. */
export type SignRequest = { contentType: string | null | undefined; body: string; ip: string }

/**
 * Answers a sign request: the same answer under Next, Payload's router, and the fast route in
 * serve.ts. A bad field gets 422 naming it (JSON, or a page for a plain form); nothing is stored.
 */
export const signAnswer = async (
  payload: Payload,
  slug: string,
  { contentType, body, ip }: SignRequest,
): Promise<Answer> => {
  const asJson = isJsonType(contentType)
  let fields: Record<string, unknown>
  try {
    fields = fieldsOf(contentType, body)
  } catch (error) {
    if (error instanceof BodyError) return bodyErrorAnswer(asJson, error)
    throw error
  }
  const outcome = await signPetition(payload, slug, fields, { ip })
  switch (outcome.status) {
    case 'invalid':
      return invalidAnswer(asJson, outcome.errors, `${SITE_PAGES.petition(slug)}#sign`)
    case 'petition-not-found':
      return asJson
        ? jsonAnswer({ status: 'not-found', message: 'There is no open petition at this address.' }, 404)
        : htmlAnswer(page('Petition not found', '<p>There is no petition at this address.</p>'), 404)
    case 'petition-closed':
      return asJson
        ? jsonAnswer(
            { status: 'closed', message: 'This petition has closed and no longer takes signatures.' },
            409,
          )
        : htmlAnswer(
            page(
              'This petition has closed',
              `<p>It no longer takes signatures.</p><p><a href="${SITE_PAGES.petition(slug)}">Back to the petition</a></p>`,
            ),
            409,
          )
    case 'rate-limited':
      return rateLimitedAnswer(asJson, outcome.retryAfterSeconds, `${SITE_PAGES.petition(slug)}#sign`)
    case 'too-many-emails':
    case 'sent':
      return asJson
        ? { ...SENT_ANSWER, headers: { ...SENT_ANSWER.headers } }
        : seeOtherAnswer(SITE_PAGES.petitionSent())
  }
}

const sign: Endpoint = {
  path: '/public/petitions/:slug/sign',
  method: 'post',
  handler: async (req) =>
    toResponse(
      await signAnswer(req.payload, param(req, 'slug'), {
        contentType: req.headers.get('content-type'),
        body: req.text ? await req.text() : '',
        ip: clientIp(req),
      }),
    ),
}

/**
 * Answers a count request from the body kept in memory (see cachedCountBody): 304 when the
 * client already has it (If-None-Match), else the JSON, cached for about one roll-up.
 */
export const countAnswerFrom = ({ found, body, etag }: CountBody, ifNoneMatch?: string | null): Answer => {
  if (!found)
    return {
      status: 404,
      headers: {
        'Content-Type': 'application/json',
        'Cache-Control': `public, max-age=${ROLL_UP_SECONDS}`,
        Vary: 'Origin',
      },
      body,
    }
  if (etagMatches(ifNoneMatch, etag))
    return {
      status: 304,
      headers: { 'Cache-Control': COUNT_CACHE_CONTROL, ETag: etag, Vary: 'Origin' },
      body: null,
    }
  return {
    status: 200,
    headers: {
      'Content-Type': 'application/json',
      'Cache-Control': COUNT_CACHE_CONTROL,
      ETag: etag,
      Vary: 'Origin',
    },
    body,
  }
}

/** Answers a count request, reading the count from the database the first time a slug is asked for. */
export const countAnswer = async (
  payload: Payload,
  slug: string,
  ifNoneMatch?: string | null,
): Promise<Answer> => countAnswerFrom(await publicCountBody(payload, slug), ifNoneMatch)

const count: Endpoint = {
  path: '/public/petitions/:slug/count',
  method: 'get',
  handler: async (req) =>
    toResponse(await countAnswer(req.payload, param(req, 'slug'), req.headers.get('if-none-match'))),
}

/** The same count as a file name a CDN or a reader recognises (as e-petitions serves it). */
const countJson: Endpoint = { ...count, path: '/public/petitions/:slug/count.json' }

const formStamp: Endpoint = {
  path: '/public/form-stamp',
  method: 'get',
  handler: async (req) => toResponse(jsonAnswer({ startedAt: issueFormStamp(req.payload.secret) })),
}

const join: Endpoint = {
  path: '/public/join',
  method: 'post',
  handler: (req) =>
    guard(req, async () => {
      const outcome = await joinNetwork(req.payload, await readFields(req), { ip: clientIp(req) })
      const asJson = isJson(req)
      if (outcome.status === 'invalid')
        return toResponse(invalidAnswer(isJson(req), outcome.errors, SITE_PAGES.join()))
      if (outcome.status === 'rate-limited')
        return toResponse(rateLimitedAnswer(asJson, outcome.retryAfterSeconds, SITE_PAGES.join()))
      // The same answer for a new, pending, confirmed or capped address (see SENT).
      const warning = outcome.workEmail ? WORK_EMAIL_WARNING : undefined
      return asJson
        ? toResponse(jsonAnswer({ status: 'sent', message: SENT, warning }, 202))
        : toResponse(seeOtherAnswer(SITE_PAGES.joinSent(outcome.workEmail)))
    }),
}

const selfUrl = (req: PayloadRequest) => new URL(req.url ?? '', 'http://localhost').pathname

const confirmGet: Endpoint = {
  path: '/public/confirm/:kind/:token',
  method: 'get',
  // Shows a button only: mail scanners open links, and must not confirm anything.
  handler: async (req) => {
    const kind = param(req, 'kind')
    return isRecordKind(kind)
      ? toResponse(htmlAnswer(confirmPage(kind, selfUrl(req))))
      : toResponse(htmlAnswer(unknownLinkPage(), 404))
  },
}

const confirmPost: Endpoint = {
  path: '/public/confirm/:kind/:token',
  method: 'post',
  handler: async (req) => {
    const kind = param(req, 'kind')
    if (!isRecordKind(kind)) return toResponse(htmlAnswer(unknownLinkPage(), 404))
    const outcome = await confirmRecord(req.payload, kind, param(req, 'token'))
    const petition =
      kind === 'signature' && (outcome === 'confirmed' || outcome === 'already-confirmed')
        ? await countedPetition(req.payload, param(req, 'token'), outcome === 'confirmed')
        : null
    const countedFor: CountedFor | null = petition && {
      title: petition.title,
      noun: KIND_WORDS[petition.kind].noun,
      url: SITE_PAGES.petition(petition.slug, petition.kind),
    }
    if (isJson(req))
      return toResponse(
        jsonAnswer(
          { status: outcome, ...(countedFor && { petition: countedFor.url }) },
          outcome === 'unknown-link' ? 404 : 200,
        ),
      )
    return toResponse(
      htmlAnswer(
        confirmResultPage(kind, outcome, countedFor),
        outcome === 'unknown-link' ? 404 : outcome === 'petition-closed' ? 409 : 200,
      ),
    )
  },
}

const linkEndpoints = (purpose: 'unsubscribe' | 'erase'): Endpoint[] => [
  {
    path: `/public/${purpose}/:kind/:id/:token`,
    method: 'get',
    handler: async (req) => {
      const kind = param(req, 'kind')
      if (!isRecordKind(kind)) return toResponse(htmlAnswer(unknownLinkPage(), 404))
      return toResponse(
        htmlAnswer(purpose === 'unsubscribe' ? unsubscribePage(selfUrl(req)) : erasePage(selfUrl(req))),
      )
    },
  },
  {
    path: `/public/${purpose}/:kind/:id/:token`,
    method: 'post',
    handler: async (req) => {
      const kind = param(req, 'kind')
      if (!isRecordKind(kind)) return toResponse(htmlAnswer(unknownLinkPage(), 404))
      const run = purpose === 'unsubscribe' ? unsubscribeRecord : eraseRecord
      const outcome = await run(req.payload, kind, param(req, 'id'), param(req, 'token'))
      if (outcome === 'unknown-link') return toResponse(htmlAnswer(unknownLinkPage(), 404))
      return toResponse(htmlAnswer(purpose === 'unsubscribe' ? unsubscribedPage() : erasedPage()))
    },
  },
]

/** Every public endpoint. */
export const publicEndpoints: Endpoint[] = [
  sign,
  count,
  countJson,
  formStamp,
  join,
  confirmGet,
  confirmPost,
  ...linkEndpoints('unsubscribe'),
  ...linkEndpoints('erase'),
]
