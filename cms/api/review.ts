/**
 * The review buttons' endpoints, for staff logged in to the CMS:
 *   GET  /api/review/:collection/:id              where the latest version stands
 *   POST /api/review/:collection/:id/request      "Request review" ({ comment? })
 *   POST /api/review/:collection/:id/approve      "Approve this version" ({ comment?, fingerprint? })
 *   POST /api/review/:collection/:id/send-back    "Send back" ({ comment }, required)
 * Thin: each parses its input and calls cms/review/actions.ts; refusals are Payload's APIErrors.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { REVIEWED_COLLECTIONS, type ReviewedCollection } from '../../content-models/fields/review'
import { REVIEW_ACTIONS, type ReviewActionName } from '../review/applyAction'
import { reviewStatus, runReviewAction } from '../review/actions'
import { guard, jsonAnswer, readFields, toResponse } from './http'

const answer = (body: unknown, status = 200) => toResponse(jsonAnswer(body, status))

type Target = { collection: ReviewedCollection; id: number; user: NonNullable<PayloadRequest['user']> }

/** The document the path names, or the answer to send instead (401, 404). */
const targetOf = (req: PayloadRequest): Target | Response => {
  const collection = String(req.routeParams?.collection ?? '')
  const id = Number(req.routeParams?.id)
  if (!req.user || req.user.collection !== 'users')
    return answer({ errors: [{ message: 'Log in to the CMS as a member of staff.' }] }, 401)
  if (!(REVIEWED_COLLECTIONS as readonly string[]).includes(collection) || !Number.isInteger(id))
    return answer(
      {
        errors: [
          {
            message: `Only guides and templates are reviewed; no ${collection}/${String(req.routeParams?.id)}.`,
          },
        ],
      },
      404,
    )
  return { collection: collection as ReviewedCollection, id, user: req.user }
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v.slice(0, 2000) : null)

export const reviewEndpoints: Endpoint[] = [
  {
    path: '/review/:collection/:id',
    method: 'get',
    handler: async (req) => {
      const target = targetOf(req)
      if (target instanceof Response) return target
      return answer(await reviewStatus(req.payload, target.collection, target.id, target.user))
    },
  },
  {
    path: '/review/:collection/:id/:action',
    method: 'post',
    handler: (req) =>
      guard(req, async () => {
        const target = targetOf(req)
        if (target instanceof Response) return target
        const name = String(req.routeParams?.action ?? '') as ReviewActionName
        if (!REVIEW_ACTIONS.includes(name))
          return answer(
            { errors: [{ message: `No review action "${name}": use ${REVIEW_ACTIONS.join(', ')}.` }] },
            404,
          )
        const fields = await readFields(req)
        const review = await runReviewAction(req.payload, {
          ...target,
          name,
          comment: text(fields.comment),
          expectedFingerprint: text(fields.fingerprint),
        })
        return answer({ review })
      }),
  },
]
