/**
 * The site is static, so a guide's "due another check" notice is drawn at build time. When a
 * published guide or letter has become overdue since the last successful build, this queues a
 * build (the daily review job runs it just after midnight UTC), so the notice never goes stale.
 */
import type { Payload } from 'payload'
import { startOfUtcDay } from '../../content-models/collections/guides/review'
import { REVIEWED_COLLECTIONS } from '../../content-models/fields/review'
import { queueRebuild } from '../jobs/rebuild/queueRebuild'

/** The documents that became overdue since the last successful build, as "guides/slug". */
export const newlyOverdue = async (payload: Payload, now: Date = new Date()): Promise<string[]> => {
  const { docs } = await payload.find({
    collection: 'site-builds',
    where: { status: { equals: 'succeeded' } },
    sort: '-createdAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const builtAt = docs[0]?.startedAt ?? docs[0]?.createdAt
  if (!builtAt) return []
  // Overdue now (due before today) but not when the last build ran (due on or after its day).
  const from = startOfUtcDay(new Date(builtAt)).toISOString()
  const to = startOfUtcDay(now).toISOString()
  const out: string[] = []
  for (const collection of REVIEWED_COLLECTIONS) {
    const found = await payload.find({
      collection,
      where: {
        and: [
          { _status: { equals: 'published' } },
          { reviewDue: { greater_than_equal: from } },
          { reviewDue: { less_than: to } },
        ],
      },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    out.push(...found.docs.map((d) => `${collection}/${d.slug}`))
  }
  return out
}

/** Queues a site build when a review became overdue since the last one; returns what did. */
export const queueRebuildIfNewlyOverdue = async (
  payload: Payload,
  now: Date = new Date(),
): Promise<string[]> => {
  const overdue = await newlyOverdue(payload, now)
  if (overdue.length > 0)
    await queueRebuild(payload, { trigger: 'daily', reason: `review overdue: ${overdue.join(', ')}` })
  return overdue
}
