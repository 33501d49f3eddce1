import type { CollectionConfig } from 'payload'
import { ROLES } from '../constants'
import { isAdmin } from '../access/isAdmin'
import { isAdminOrSelf } from '../access/isAdminOrSelf'
import { isSignedInStaff } from '../access/isSignedInStaff'
import { adminOnlyField } from '../access/fieldAccess'

/** Whether the admin login cookie is sent over HTTPS only: when the CMS's public address (CMS_URL) is https. */
export const secureLoginCookie = (cmsUrl: string | undefined = process.env.CMS_URL): boolean =>
  /^https:\/\//i.test(cmsUrl?.trim() ?? '')

/**
 * Wrong passwords in a row before an account is locked, and for how long. High enough that a
 * stranger guessing cannot cheaply lock an admin out (the front server also throttles logins per
 * client address), low enough to stop guessing one account's password.
 */
export const LOGIN_LOCK = { maxLoginAttempts: 10, lockTime: 10 * 60 * 1000 } as const

/** Staff accounts. Readers, signers and members never have accounts. */
export const Users: CollectionConfig = {
  slug: 'users',
  auth: {
    ...LOGIN_LOCK,
    // Lax, not Strict: a link to the admin (from an email, say) arrives logged in; other sites' POSTs
    // still carry no cookie. `secure` is set from CMS_URL when the config is built (withLoginCookie).
    cookies: { sameSite: 'Lax' },
  },
  admin: { useAsTitle: 'email', group: 'System', defaultColumns: ['name', 'email', 'roles'] },
  access: {
    create: isAdmin,
    read: isAdminOrSelf,
    update: isAdminOrSelf,
    delete: isAdmin,
    admin: isSignedInStaff,
  },
  fields: [
    { name: 'name', type: 'text', admin: { description: 'Shown as the reviewer on guides.' } },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['editor'],
      options: ROLES.map((r) => ({ value: r, label: r[0].toUpperCase() + r.slice(1) })),
      saveToJWT: true,
      access: { create: adminOnlyField, update: adminOnlyField },
      admin: {
        description:
          'Admin: everything. Editor: writes content. Reviewer: checks and marks content reviewed. Organiser: petitions, networks and members, and moderates the networks they organise. Adviser: answers questions from workers.',
      },
    },
  ],
}

/**
 * The users collection with its login cookie Secure when CMS_URL is https. Applied each time the
 * config is built (cms/config.ts), since CMS_URL may be set after this module is imported and
 * Payload writes its defaults into the collection object it is given.
 */
export const withLoginCookie = (
  users: CollectionConfig,
  cmsUrl: string | undefined = process.env.CMS_URL,
): CollectionConfig => {
  const auth = typeof users.auth === 'object' ? users.auth : {}
  return { ...users, auth: { ...auth, cookies: { ...auth.cookies, secure: secureLoginCookie(cmsUrl) } } }
}
