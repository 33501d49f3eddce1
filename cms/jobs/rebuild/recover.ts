import type { Payload, PayloadRequest } from 'payload'
import { REBUILD_DAILY_TASK, REBUILD_TASK, staleMs } from './settings'

/**
 * Marks builds left "running" by a process that died (older than REBUILD_STALE_MS) as failed, and
 * lets Payload pick their jobs up again, so a killed CMS never blocks the queue.
 */
export const recoverInterruptedBuilds = async (
  payload: Payload,
  exceptId?: number | string,
  req?: Partial<PayloadRequest>,
): Promise<number> => {
  const before = new Date(Date.now() - staleMs()).toISOString()
  const { docs } = await payload.find({
    collection: 'site-builds',
    where: { and: [{ status: { equals: 'running' } }, { startedAt: { less_than_equal: before } }] },
    limit: 20,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const stale = docs.filter((d) => d.id !== exceptId)
  for (const d of stale) {
    await payload.update({
      collection: 'site-builds',
      id: d.id,
      data: {
        status: 'failed',
        finishedAt: new Date().toISOString(),
        error: 'The build was interrupted (its process stopped). The site was left as it was.',
      },
      overrideAccess: true,
      depth: 0,
      req,
    })
  }
  if (stale.length) {
    await payload.db.updateMany({
      collection: 'payload-jobs',
      where: {
        and: [
          { processing: { equals: true } },
          { updatedAt: { less_than_equal: before } },
          { taskSlug: { in: [REBUILD_TASK, REBUILD_DAILY_TASK] } },
        ],
      },
      data: { processing: false },
      req,
    })
  }
  return stale.length
}
