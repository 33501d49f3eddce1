import {
  baseSessionsField,
  Forbidden,
  type CollectionBeforeDeleteHook,
  type CollectionBeforeOperationHook,
  type CollectionConfig,
} from 'payload'
import { CONFIRMATION_STATES, SECTORS } from '../constants'
import { isOrganiser } from '../access/isOrganiser'
import { nobody } from '../access/nobody'
import { adminOnlyField } from '../access/fieldAccess'
import { confirmEmailFields } from '../fields/confirmEmailFields'

/** How long a member stays signed in on one device: the token and its session both end then. */
export const MEMBER_SESSION_SECONDS = 30 * 24 * 60 * 60

/** A member's registrations go with them (erasure, retention, an undone sign-up). */
const deleteRegistrations: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: 'registrations',
    where: { member: { equals: id } },
    overrideAccess: true,
    depth: 0,
    req,
  })
}

/** A session ends MEMBER_SESSION_SECONDS after sign-in: Payload's token refresh would slide it on for ever. */
const noRefresh: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'refresh') throw new Forbidden(req.t)
  return args
}

/**
 * People who joined the network. Interest in unions is special category data (UK GDPR Art. 9):
 * stored only with explicit consent, the consent wording's version kept; read by organisers and
 * admins only.
 */
export const Members: CollectionConfig = {
  slug: 'members',
  admin: {
    group: 'People',
    useAsTitle: 'firstName',
    defaultColumns: ['firstName', 'sector', 'state', 'createdAt'],
  },
  /**
   * Payload's auth, without a password: a member signs in by an emailed link (cms/members/signIn*),
   * which starts one of Payload's sessions and sets its cookie. disableLocalStrategy is an object,
   * not `true`, so Payload's logout still removes sessions (one, or all: "sign out everywhere");
   * either way there is no login, password or reset endpoint. The CMS verifies the cookie with its
   * own strategy (Payload's local-jwt refuses collections without the local strategy) and makes
   * the cookie Secure when CMS_URL is https.
   */
  auth: {
    disableLocalStrategy: {},
    useSessions: true,
    tokenExpiration: MEMBER_SESSION_SECONDS,
    cookies: { sameSite: 'Lax' },
  },
  access: { create: nobody, read: isOrganiser, update: isOrganiser, delete: isOrganiser },
  hooks: { beforeDelete: [deleteRegistrations], beforeOperation: [noRefresh] },
  fields: [
    { name: 'firstName', type: 'text', required: true },
    { name: 'email', type: 'email', required: true },
    { name: 'emailCanonical', type: 'text', unique: true, index: true },
    { name: 'postcode', type: 'text', admin: { description: 'Postcode or area, optional.' } },
    { name: 'sector', type: 'select', options: SECTORS.map((s) => ({ value: s.value, label: s.label })) },
    { name: 'networks', type: 'relationship', relationTo: 'networks', hasMany: true },
    {
      name: 'networksAwaitingApproval',
      type: 'relationship',
      relationTo: 'networks',
      hasMany: true,
      admin: { description: 'Networks they asked to join that need an organiser to approve them.' },
    },
    { name: 'consentEmail', type: 'checkbox', required: true, defaultValue: false },
    { name: 'consentUnionInterest', type: 'checkbox', required: true, defaultValue: false },
    {
      name: 'consentUnionInterestVersion',
      type: 'text',
      admin: {
        description:
          'Version of the union-interest consent wording they agreed to (empty: never asked or withdrawn).',
      },
    },
    {
      name: 'consentUnionInterestAt',
      type: 'date',
      admin: { readOnly: true, description: 'When they gave the union-interest consent.' },
    },
    {
      name: 'displayNames',
      type: 'array',
      // Admins only: an organiser who could read or query these would find the member (email,
      // name) behind a display name. A member who chooses to share is shown to the network's
      // organisers on their messages instead (cms/conversations/contact.ts).
      access: { read: adminOnlyField, create: adminOnlyField, update: adminOnlyField },
      admin: {
        description: 'The name they go by in each network; never their real name unless they choose it.',
      },
      fields: [
        // Not required: a deleted network leaves it empty rather than refusing the delete.
        { name: 'network', type: 'relationship', relationTo: 'networks' },
        { name: 'name', type: 'text', required: true, maxLength: 40 },
        {
          name: 'guidelinesAcceptedAt',
          type: 'date',
          admin: { description: 'When they agreed to the community guidelines before a first post.' },
        },
        {
          name: 'mutedUntil',
          type: 'date',
          admin: { description: 'Muted by a moderator: no posting until then.' },
        },
        {
          name: 'showNameToOrganisers',
          type: 'checkbox',
          defaultValue: false,
          admin: {
            description: 'They chose to let organisers of this network see their first name and email.',
          },
        },
      ],
    },
    {
      name: 'consentVersion',
      type: 'text',
      required: true,
      admin: { description: 'Version of the consent wording shown.' },
    },
    {
      name: 'state',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'pending',
      options: CONFIRMATION_STATES.map((s) => ({ value: s, label: s })),
    },
    { name: 'confirmTokenHash', type: 'text', index: true, admin: { hidden: true } },
    {
      name: 'confirmationsSent',
      type: 'number',
      defaultValue: 0,
      admin: { description: 'Confirmation emails sent: a repeat sign-up resends a few times at most.' },
    },
    { name: 'confirmedAt', type: 'date' },
    {
      name: 'pendingSince',
      type: 'date',
      index: true,
      admin: {
        readOnly: true,
        description:
          'When the latest confirmation link was asked for (joining, or joining again). Unconfirmed after 7 days, the record is deleted.',
      },
    },
    {
      name: 'pendingChanges',
      type: 'json',
      admin: {
        hidden: true,
        description: 'Choices of someone joining again, applied only when they confirm the new link.',
      },
    },
    {
      name: 'unsubscribedAt',
      type: 'date',
      index: true,
      admin: {
        readOnly: true,
        description: 'When they unsubscribed: deleted UNSUBSCRIBED_RETENTION_DAYS later.',
      },
    },
    {
      name: 'lastActiveAt',
      type: 'date',
      index: true,
      admin: {
        readOnly: true,
        description:
          'Their latest confirmation or "keep me": asked after MEMBER_RETENTION_MONTHS without one.',
      },
    },
    {
      name: 'retentionAskedAt',
      type: 'date',
      index: true,
      admin: {
        readOnly: true,
        description: 'When we asked if they want to stay: deleted 30 days later unless they said yes.',
      },
    },
    ...confirmEmailFields(),
    { name: 'flags', type: 'text', hasMany: true },
    /** sha256 of the latest sign-in link's token: single use, cleared when used. Never in an API answer. */
    { name: 'signInTokenHash', type: 'text', index: true, hidden: true },
    /** When that sign-in link stops working (15 minutes after it was sent). */
    { name: 'signInTokenExpiresAt', type: 'date', hidden: true },
    // Payload's own list of signed-in devices (its auth adds it only with the local strategy);
    // read by the server alone, never through an API.
    { ...baseSessionsField, access: { read: () => false, update: () => false } },
  ],
}
