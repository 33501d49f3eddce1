/**
 * Organisers' endpoints, under /api/organise/: CSV exports of people who consented, counts per
 * network, and decisions on flagged signatures and members (release or discard, in bulk). Only
 * organisers and admins, logged in to the CMS, get anything.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'
import { hasRole } from '../../content-models/access/roles'
import { discardFlagged, FLAGGED_COLLECTIONS, releaseFlagged } from '../abuse/release'
import { check } from '../abuse/validation'
import { countsPerNetwork, membersCsv, signersCsv } from '../members/export'
import { idTypeOf, parseRecordId, type RecordId } from '../members/recordId'
import { jsonAnswer, toResponse } from './http'

const forbidden = () =>
  toResponse(
    jsonAnswer(
      { status: 'forbidden', message: 'Log in to the CMS as an organiser or admin to see this.' },
      403,
    ),
  )
const isOrganiser = (req: PayloadRequest) => hasRole(req.user, 'admin', 'organiser')

const csv = (body: string, filename: string) =>
  new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  })

/** Ids in one release or discard: a page of the admin list at most, several times over. */
export const MAX_DECISION_IDS = 1000

const decisionSchema = z.object({
  collection: z.enum(FLAGGED_COLLECTIONS, { error: 'collection must be "signatures" or "members".' }),
  ids: z
    .array(z.union([z.number(), z.string()]), {
      error: 'ids must be a list of record ids, for example [12, 13].',
    })
    .min(1, { error: 'ids is empty: choose at least one flagged record.' })
    .max(MAX_DECISION_IDS, {
      error: `ids has more than ${MAX_DECISION_IDS} records: send them in smaller groups.`,
    }),
})

/** A release or discard: checks the body ({ collection, ids }), then calls the plain function. */
const decision =
  (decide: typeof releaseFlagged | typeof discardFlagged): Endpoint['handler'] =>
  async (req) => {
    if (!isOrganiser(req)) return forbidden()
    const body: unknown = await req.json?.().catch(() => undefined)
    const checked = check(decisionSchema, body ?? {})
    if (!checked.ok) return toResponse(jsonAnswer({ status: 'invalid', errors: checked.errors }, 422))
    const idType = idTypeOf(req.payload)
    const ids = checked.data.ids.map((id) => parseRecordId(id, idType))
    if (ids.some((id) => id === null)) {
      const kind = idType === 'number' ? 'whole numbers, for example 12' : '24-character MongoDB ids'
      return toResponse(
        jsonAnswer(
          { status: 'invalid', errors: { ids: `ids must be record ids of this database (${kind}).` } },
          422,
        ),
      )
    }
    const result = await decide(req.payload, checked.data.collection, ids as RecordId[])
    return toResponse(jsonAnswer({ status: 'done', collection: checked.data.collection, ...result }))
  }

export const organiseEndpoints: Endpoint[] = [
  { path: '/organise/flagged/release', method: 'post', handler: decision(releaseFlagged) },
  { path: '/organise/flagged/discard', method: 'post', handler: decision(discardFlagged) },
  {
    path: '/organise/members.csv',
    method: 'get',
    handler: async (req) => {
      if (!isOrganiser(req)) return forbidden()
      const network = new URL(req.url ?? '', 'http://localhost').searchParams.get('network') ?? undefined
      const body = await membersCsv(req.payload, network)
      return body === null
        ? toResponse(jsonAnswer({ status: 'not-found', message: `No network "${network}".` }, 404))
        : csv(body, `members${network ? `-${network}` : ''}.csv`)
    },
  },
  {
    path: '/organise/petitions/:slug/signers.csv',
    method: 'get',
    handler: async (req) => {
      if (!isOrganiser(req)) return forbidden()
      const slug = String(req.routeParams?.slug ?? '')
      const body = await signersCsv(req.payload, slug)
      return body === null
        ? toResponse(jsonAnswer({ status: 'not-found', message: `No petition "${slug}".` }, 404))
        : csv(body, `signers-${slug}.csv`)
    },
  },
  {
    path: '/organise/network-counts',
    method: 'get',
    handler: async (req) =>
      isOrganiser(req) ? toResponse(jsonAnswer(await countsPerNetwork(req.payload))) : forbidden(),
  },
]
