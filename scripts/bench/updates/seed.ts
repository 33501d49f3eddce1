/**
 * Many signers of one petition at once, for the updates benchmark and tests: written 500 to a
 * statement by the signing path's own upsert (cms/db/rows.ts), as confirmed signers who opted in
 * to updates unless `traits` says otherwise. Addresses are `<prefix><n>@example.org`.
 */
import type { Payload } from 'payload'
import { sqlRows, type NewSignature } from '../../../cms/db/rows'

let stamp = Date.now()

export const seedSigners = async (
  payload: Payload,
  petition: number,
  count: number,
  prefix: string,
  traits: Partial<NewSignature> = {},
): Promise<string[]> => {
  const rows = sqlRows(payload)
  if (!rows) throw new Error('seedSigners writes through SQLite: run it with a file: DATABASE_URI.')
  const emails: string[] = []
  for (let from = 0; from < count; from += 500) {
    const batch: NewSignature[] = []
    for (let i = from; i < Math.min(count, from + 500); i++) {
      const email = `${prefix}${i}@example.org`
      emails.push(email)
      batch.push({
        petition,
        name: 'Sam',
        email,
        emailCanonical: email,
        region: 'Wales',
        nation: 'wales',
        state: 'confirmed',
        consentUpdates: true,
        confirmEmailState: 'sent',
        ...traits,
      })
    }
    // Each batch needs a createdAt of its own (the upsert tells its new rows by it).
    await rows.upsertSignatures(batch, new Date(++stamp).toISOString(), 5)
  }
  return emails
}
