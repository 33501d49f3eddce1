/**
 * Publishes and unpublishes waiting in Payload's jobs queue (versions.drafts.schedulePublish), of
 * every collection (a guide's new rates and a training session's opening alike), for the review
 * dashboard: which document, publish or unpublish, when, and who scheduled it.
 */
import type { Payload } from 'payload'

export type ScheduledItem = {
  collection: string
  id: string
  type: 'publish' | 'unpublish'
  at: string | null
  scheduledBy: string | null
}

type ScheduleInput = {
  type?: 'publish' | 'unpublish'
  doc?: { relationTo: string; value: string | number }
  user?: { relationTo: string; value: string | number } | string | number | null
}

/** Every scheduled publish or unpublish not yet run, soonest first. */
export const listScheduled = async (payload: Payload): Promise<ScheduledItem[]> => {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
      ],
    },
    sort: 'waitUntil',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs.flatMap((job) => {
    const input = (job.input ?? {}) as ScheduleInput
    if (!input.doc) return []
    const user = input.user && typeof input.user === 'object' ? input.user.value : input.user
    return [
      {
        collection: input.doc.relationTo,
        id: String(input.doc.value),
        type: input.type === 'unpublish' ? 'unpublish' : 'publish',
        at: job.waitUntil ?? null,
        scheduledBy: user == null ? null : String(user),
      },
    ]
  })
}
