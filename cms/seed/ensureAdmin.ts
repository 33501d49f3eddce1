import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'

export type EnsureAdminResult =
  { created: false } | { created: true; email: string; password: string; generated: boolean }

/**
 * Creates the first admin when there are no users: from ADMIN_EMAIL / ADMIN_PASSWORD if given,
 * otherwise with a generated password that the caller prints once. Does nothing if any user exists.
 */
export const ensureAdmin = async (
  payload: Payload,
  { email, password }: { email?: string; password?: string } = {},
): Promise<EnsureAdminResult> => {
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) return { created: false }
  const adminEmail = (email || 'admin@example.org').trim().toLowerCase()
  const generated = !password
  const adminPassword = password || randomBytes(12).toString('base64url')
  if (adminPassword.length < 12) {
    throw new Error(
      'ADMIN_PASSWORD is too short: use at least 12 characters, or leave it empty to have one generated.',
    )
  }
  await payload.create({
    collection: 'users',
    data: { email: adminEmail, password: adminPassword, name: 'Administrator', roles: ['admin'] },
    overrideAccess: true,
  })
  return { created: true, email: adminEmail, password: adminPassword, generated }
}
