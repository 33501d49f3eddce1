import type { CollectionConfig } from 'payload'
import { ROLES } from '../constants'
import { isAdmin } from '../access/isAdmin'
import { isAdminOrSelf } from '../access/isAdminOrSelf'
import { adminOnlyField } from '../access/fieldAccess'

/** Staff accounts. Readers, signers and members never have accounts. */
export const Users: CollectionConfig = {
  slug: 'users',
  auth: {
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    cookies: { sameSite: 'Strict' },
  },
  admin: { useAsTitle: 'email', group: 'System', defaultColumns: ['name', 'email', 'roles'] },
  access: {
    create: isAdmin,
    read: isAdminOrSelf,
    update: isAdminOrSelf,
    delete: isAdmin,
    admin: ({ req }) => Boolean(req.user),
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
          'Admin: everything. Editor: writes content. Reviewer: checks and marks content reviewed. Organiser: petitions, networks and members.',
      },
    },
  ],
}
