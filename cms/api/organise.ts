/**
 * Organisers' endpoints, under /api/organise/: counts per network, and decisions on flagged
 * signatures and members (release or discard, in bulk), for organisers and admins logged in to the
 * CMS. Addresses leave only through the admins' export, which needs a reason and is logged
 * (export-log); organisers reach supporters through updates instead (supporter-updates).
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'
import { hasRole } from '../../content-models/access/roles'
import { discardFlagged, FLAGGED_COLLECTIONS, releaseFlagged } from '../abuse/release'
import { check } from '../abuse/validation'
import { countsPerNetwork, loggedExport } from '../members/export'
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

/** The admins' export: what, of which network or petition, and why (kept in the export log). */
const exportSchema = z
  .object({
    kind: z.enum(['members', 'signers'], { error: 'kind must be "members" or "signers".' }),
    scope: z
      .string({ error: 'scope must be a network slug (members) or a petition slug (signers).' })
      .trim()
      .max(200)
      .optional()
      .transform((v) => v || undefined),
    reason: z
      .string({ error: 'reason is required: say why these addresses must leave the platform.' })
      .trim()
      .min(10, {
        error:
          'reason is too short: say why these addresses must leave the platform (10 characters or more).',
      })
      .max(1000, { error: 'reason is too long: 1,000 characters at most.' }),
  })
  .refine((v) => v.kind !== 'signers' || Boolean(v.scope), {
    path: ['scope'],
    error: 'scope is required for signers: the petition slug.',
  })

/** Admins only: the addresses asked for, as CSV, once the export is logged. */
const adminExport: Endpoint['handler'] = async (req) => {
  if (!hasRole(req.user, 'admin') || !req.user)
    return toResponse(
      jsonAnswer({ status: 'forbidden', message: 'Only an admin can export addresses, with a reason.' }, 403),
    )
  const body: unknown = await req.json?.().catch(() => undefined)
  const checked = check(exportSchema, body ?? {})
  if (!checked.ok) return toResponse(jsonAnswer({ status: 'invalid', errors: checked.errors }, 422))
  const made = await loggedExport(req.payload, req.user, checked.data)
  if (!made)
    return toResponse(
      jsonAnswer(
        {
          status: 'not-found',
          message: `No ${checked.data.kind === 'members' ? 'network' : 'petition'} "${checked.data.scope}".`,
        },
        404,
      ),
    )
  return csv(made.csv, made.filename)
}

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
  { path: '/organise/export', method: 'post', handler: adminExport },
  {
    path: '/organise/network-counts',
    method: 'get',
    handler: async (req) =>
      isOrganiser(req) ? toResponse(jsonAnswer(await countsPerNetwork(req.payload))) : forbidden(),
  },
]
