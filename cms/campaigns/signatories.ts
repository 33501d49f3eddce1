/**
 * An open letter's signatories as the public may see them: confirmed signers who chose to show
 * their name (and, if they gave one, their role, "Night-shift nurse, Leeds"); everyone else is
 * only counted. Read past the access rules on purpose, selecting nothing but name and role.
 */
import type { Payload, Where } from 'payload'
import { ROLE_MAX } from '../../content-models/collections/Petitions/kinds'
import type { SnapshotSignatory } from '../../content-models/snapshot'
import { RECORD_STATES } from '../members/records'

/** How many of the latest signatories an open letter's page lists (the download has them all). */
export const SIGNATORIES_SHOWN = 100

/** What is shown of one signatory, or null when nothing is left to show (an anonymised name). */
export const signatoryOf = (s: { name?: string | null; role?: string | null }): SnapshotSignatory | null => {
  const name = (s.name ?? '').replace(/\s+/g, ' ').trim().slice(0, 100)
  if (!name) return null
  const role = (s.role ?? '').replace(/\s+/g, ' ').trim().slice(0, ROLE_MAX)
  return { name, role: role || null }
}

const shownWhere = (petitionId: number | string): Where => ({
  and: [
    { petition: { equals: petitionId } },
    { state: { equals: RECORD_STATES.CONFIRMED } },
    { showName: { equals: true } },
    { anonymisedAt: { exists: false } },
  ],
})

/** The latest signatories who chose to be shown, newest first. */
export const latestSignatories = async (
  payload: Payload,
  petitionId: number | string,
  limit = SIGNATORIES_SHOWN,
): Promise<SnapshotSignatory[]> => {
  const { docs } = await payload.find({
    collection: 'signatures',
    overrideAccess: true,
    depth: 0,
    limit,
    sort: '-confirmedAt',
    select: { name: true, role: true },
    where: shownWhere(petitionId),
  })
  return docs.map(signatoryOf).filter((s): s is SnapshotSignatory => s !== null)
}

/**
 * Every signatory who chose to be shown, in the order they signed, and how many confirmed
 * signers are not named: for the letter that is handed in.
 */
export const allSignatories = async (
  payload: Payload,
  petitionId: number | string,
): Promise<{ named: SnapshotSignatory[]; unnamed: number }> => {
  const named: SnapshotSignatory[] = []
  for (let page = 1; ; page++) {
    const { docs, hasNextPage } = await payload.find({
      collection: 'signatures',
      overrideAccess: true,
      depth: 0,
      limit: 5000,
      page,
      sort: 'confirmedAt',
      select: { name: true, role: true },
      where: shownWhere(petitionId),
    })
    for (const d of docs) {
      const s = signatoryOf(d)
      if (s) named.push(s)
    }
    if (!hasNextPage) break
  }
  const { totalDocs } = await payload.count({
    collection: 'signatures',
    overrideAccess: true,
    where: { and: [{ petition: { equals: petitionId } }, { state: { equals: RECORD_STATES.CONFIRMED } }] },
  })
  return { named, unnamed: Math.max(0, totalDocs - named.length) }
}
