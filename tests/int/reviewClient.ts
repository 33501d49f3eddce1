/**
 * The review gate's tests' client: Payload's own REST router (as Next's route calls it) with a
 * staff member's JWT, and the staff users of each role, logged in.
 */
import { handleEndpoints, type Payload } from 'payload'
import type { ReviewedCollection } from '../../content-models/fields/review'
import type { User } from '../../content-models/payload-types'
import { make } from '../helpers/factories'
import type { Harness } from '../helpers/harness'

export type Answer = { status: number; body: Record<string, unknown> }

/** A staff member as the Local API's `user` option takes them, with a REST token. */
export type Staff = User & { collection: 'users'; token: string }

/** Creates a user with these roles and logs them in. */
export const staff = async (
  payload: Payload,
  roles: ('admin' | 'editor' | 'reviewer' | 'organiser')[],
): Promise<Staff> => {
  const user = await make.user(payload, roles)
  const { token } = await payload.login({
    collection: 'users',
    data: { email: user.email, password: 'a-long-test-password' },
  })
  return { ...user, collection: 'users', token: token ?? '' }
}

/** One request through Payload's router; `as` null is an anonymous reader. */
export const rest = async (
  t: Harness,
  as: Staff | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer> => {
  const headers: Record<string, string> = as ? { Authorization: `JWT ${as.token}` } : {}
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await handleEndpoints({
    config: t.payload.config,
    request: new Request(`http://localhost:3000${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    payloadInstanceCacheKey: t.dir,
  })
  const text = await response.text()
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
}

/** The first error message of an answer. */
export const messageOf = (a: Answer): string =>
  String((a.body.errors as { message?: string }[] | undefined)?.[0]?.message ?? '')

/** The review actions' endpoints: POST /api/review/:collection/:id/:action and GET its status. */
export const reviewAction = (
  t: Harness,
  as: Staff,
  collection: ReviewedCollection,
  id: number,
  action: string,
  body: Record<string, unknown> = {},
) => rest(t, as, 'POST', `/api/review/${collection}/${id}/${action}`, body)

export const reviewStatusOf = async (t: Harness, as: Staff, collection: ReviewedCollection, id: number) =>
  (await rest(t, as, 'GET', `/api/review/${collection}/${id}`)).body

/** What an anonymous reader gets: the published version. */
export const publicDoc = async (t: Harness, collection: ReviewedCollection, id: number) =>
  (await rest(t, null, 'GET', `/api/${collection}/${id}?depth=0`)).body

/**
 * Schedules a publish exactly as Payload's admin does: a schedulePublish job on the default queue
 * with the document's id as a string (payload#10481) and the scheduling user.
 */
export const schedulePublish = (
  payload: Payload,
  collection: 'guides' | 'templates' | 'petitions',
  id: number,
  user: Staff,
  waitUntil: Date,
) =>
  payload.jobs.queue({
    task: 'schedulePublish',
    input: {
      type: 'publish',
      // eslint-disable-next-line no-restricted-syntax -- the admin sends a string; the task turns it back into a number
      doc: { relationTo: collection, value: String(id) as unknown as number },
      user: { relationTo: 'users', value: user.id },
    },
    waitUntil,
  })
