import type { CollectionBeforeChangeHook } from 'payload'

/**
 * When milestones were reached is written only by the count roll-up (cms/campaigns/milestones.ts,
 * through the database adapter, without hooks). An editor's save carries the value their form
 * loaded, which may be older than the roll-up's: keep the stored one, so a reached milestone is
 * never forgotten or re-dated by an edit.
 */
export const keepMilestonesReached: CollectionBeforeChangeHook = ({ data, originalDoc, operation }) => {
  if (operation === 'update') return { ...data, milestonesReached: originalDoc?.milestonesReached ?? null }
  return { ...data, milestonesReached: null }
}
