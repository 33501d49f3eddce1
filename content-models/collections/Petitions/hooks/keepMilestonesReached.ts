import type { CollectionBeforeChangeHook } from 'payload'

/** Fields only the count roll-up writes (cms/campaigns/counts.ts, milestones.ts), never a form. */
const ROLLED_UP = ['milestonesReached', 'signatureCount', 'countsByNation', 'countsByRegion'] as const

/**
 * When milestones were reached, and the counts, are written only by the count roll-up, through the
 * database adapter, into the published record (not into versions). An editor's save carries the
 * values their form loaded, and with drafts `originalDoc` is the latest version, older than the
 * roll-up's: keep what the record holds, so a reached milestone is never forgotten or re-dated
 * (and its email never sent twice) and a count never goes back.
 */
export const keepMilestonesReached: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || originalDoc?.id === undefined)
    return { ...data, milestonesReached: null, signatureCount: 0, countsByNation: null, countsByRegion: null }
  const stored = (await req.payload.db.findOne({
    collection: 'petitions',
    where: { id: { equals: originalDoc.id } },
    select: Object.fromEntries(ROLLED_UP.map((f) => [f, true])),
    req,
  })) as Record<(typeof ROLLED_UP)[number], unknown> | null
  return Object.fromEntries([
    ...Object.entries(data),
    ...ROLLED_UP.map((f) => [f, stored ? (stored[f] ?? null) : (originalDoc[f] ?? null)]),
  ])
}
