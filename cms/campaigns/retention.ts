/**
 * Retention: unconfirmed sign-ups and signatures are deleted 7 days after their latest link was
 * sent (`pendingSince`); signatures are anonymised (name, email, postcode and IP hash removed;
 * nation and region kept, so the counts stay right) a set time after their petition closes.
 * Members' own retention (unsubscribed, inactive) is in cms/members/retention.ts.
 */
import type { Payload, Where } from 'payload'
import { PETITION_STATES } from '../../content-models/constants'
import { queueNameRemoval, RECORD_STATES } from '../members/records'
import { missing } from '../members/retention'
import { ANONYMISED_SIGNATURE } from '../members/erase'

/** Unconfirmed records older than this are deleted. */
export const UNCONFIRMED_DAYS = 7

/** Months after a petition closes before its signatures are anonymised: ANONYMISE_AFTER_MONTHS, default 6. */
export const anonymiseAfterMonths = (env: NodeJS.ProcessEnv = process.env): number => {
  const v = Number(env.ANONYMISE_AFTER_MONTHS || 6)
  if (!Number.isFinite(v) || v < 0)
    throw new Error(
      `ANONYMISE_AFTER_MONTHS="${env.ANONYMISE_AFTER_MONTHS}" is not a number of months. Use a whole number like 6.`,
    )
  return v
}

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000)
const monthsAgo = (now: Date, months: number) => {
  const d = new Date(now)
  d.setUTCMonth(d.getUTCMonth() - months)
  return d
}

/**
 * Deletes signatures and members still unconfirmed 7 days after their latest link was sent
 * (`pendingSince`; a record written before that field existed counts from `createdAt`), so a
 * re-join's fresh link is not deleted with the old one's clock.
 */
export const deleteUnconfirmed = async (
  payload: Payload,
  now = new Date(),
): Promise<{ signatures: number; members: number }> => {
  const cutoff = daysAgo(now, UNCONFIRMED_DAYS).toISOString()
  const where: Where = {
    and: [
      { state: { equals: RECORD_STATES.PENDING } },
      {
        or: [
          { pendingSince: { less_than: cutoff } },
          { and: [missing('pendingSince'), { createdAt: { less_than: cutoff } }] },
        ],
      },
    ],
  }
  const signatures = await payload.delete({ collection: 'signatures', where, overrideAccess: true, depth: 0 })
  const members = await payload.delete({ collection: 'members', where, overrideAccess: true, depth: 0 })
  return { signatures: signatures.docs.length, members: members.docs.length }
}

/**
 * Anonymises the signatures of petitions closed (or delivered) more than the set months ago.
 * A petition's closing date is its `closesAt`, or when it was last changed if that is empty.
 * When a name shown on a petition page is among them, a site build without it is queued, which
 * then deletes the older kept builds and snapshots (queueNameRemoval).
 */
export const anonymiseClosedPetitions = async (
  payload: Payload,
  now = new Date(),
  months = anonymiseAfterMonths(),
): Promise<number> => {
  const cutoff = monthsAgo(now, months).toISOString()
  const { docs: petitions } = await payload.find({
    collection: 'petitions',
    where: {
      and: [
        { state: { in: [PETITION_STATES.CLOSED, PETITION_STATES.DELIVERED] } },
        {
          or: [
            { closesAt: { less_than: cutoff } },
            { and: [{ closesAt: { exists: false } }, { updatedAt: { less_than: cutoff } }] },
          ],
        },
      ],
    },
    depth: 0,
    pagination: false,
    limit: 0,
    overrideAccess: true,
    select: { state: true },
  })
  let total = 0
  let shownNames = 0
  for (const p of petitions) {
    const shown = await payload.count({
      collection: 'signatures',
      where: {
        and: [
          { petition: { equals: p.id } },
          { anonymisedAt: { exists: false } },
          { showName: { equals: true } },
          { state: { equals: RECORD_STATES.CONFIRMED } },
        ],
      },
      overrideAccess: true,
    })
    shownNames += shown.totalDocs
    const result = await payload.update({
      collection: 'signatures',
      where: { and: [{ petition: { equals: p.id } }, { anonymisedAt: { exists: false } }] },
      data: {
        ...ANONYMISED_SIGNATURE,
        anonymisedAt: now.toISOString(),
      },
      overrideAccess: true,
      depth: 0,
    })
    total += result.docs.length
  }
  if (shownNames > 0) await queueNameRemoval(payload, `${shownNames} signer names anonymised`)
  return total
}
