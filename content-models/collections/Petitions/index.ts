import type { CollectionConfig } from 'payload'
import { PETITION_STATES } from '../../constants'
import { isEditorOrOrganiser } from '../../access/isEditorOrOrganiser'
import { publicPetitionsOrStaff } from '../../access/publicPetitionsOrStaff'
import { slugField } from '../../fields/slug'
import { summaryField } from '../../fields/summary'
import { keepPetitionsWithSignatures } from './hooks/keepPetitionsWithSignatures'
import { keepMilestonesReached } from './hooks/keepMilestonesReached'

/**
 * Petitions. Counts are written by the roll-up job, never by hand. A petition with signatures
 * cannot be deleted, only closed (hooks/keepPetitionsWithSignatures.ts).
 */
export const Petitions: CollectionConfig = {
  slug: 'petitions',
  admin: {
    useAsTitle: 'title',
    group: 'Campaigns',
    defaultColumns: ['title', 'state', 'signatureCount', 'closesAt'],
  },
  access: {
    create: isEditorOrOrganiser,
    read: publicPetitionsOrStaff,
    update: isEditorOrOrganiser,
    delete: isEditorOrOrganiser,
  },
  hooks: { beforeChange: [keepMilestonesReached], beforeDelete: [keepPetitionsWithSignatures] },
  fields: [
    { name: 'title', type: 'text', required: true },
    slugField(),
    summaryField(),
    {
      name: 'addressedTo',
      type: 'text',
      required: true,
      admin: { description: 'Who the petition asks, for example "The directors of Quickdrop Ltd".' },
    },
    { name: 'whatWeWant', type: 'textarea', required: true },
    { name: 'why', type: 'richText' },
    { name: 'goal', type: 'number', required: true, min: 1, defaultValue: 1000 },
    {
      name: 'milestones',
      type: 'array',
      admin: {
        description:
          'Points on the way, and what happens at each: for example 100 "The organiser responds", 1,000 "We hand it in". The page shows progress to the next one.',
      },
      fields: [
        /** The number of confirmed signatures that reaches this milestone. */
        { name: 'count', type: 'number', required: true, min: 1 },
        /** What happens when it is reached, in a few plain words. */
        { name: 'whatHappens', type: 'text', required: true, maxLength: 140 },
      ],
    },
    {
      name: 'milestonesReached',
      type: 'json',
      admin: {
        readOnly: true,
        description:
          'When each milestone was reached (its count and the time), written by the count roll-up.',
      },
    },
    { name: 'opensAt', type: 'date' },
    { name: 'closesAt', type: 'date' },
    {
      name: 'state',
      type: 'select',
      required: true,
      index: true,
      defaultValue: PETITION_STATES.DRAFT,
      options: Object.values(PETITION_STATES).map((s) => ({
        value: s,
        label: s[0].toUpperCase() + s.slice(1),
      })),
      admin: { position: 'sidebar', description: 'Only open petitions take signatures.' },
    },
    {
      name: 'showSignerNames',
      type: 'checkbox',
      defaultValue: false,
      admin: { description: 'Allow signers who ask for it to show their first name and area.' },
    },
    {
      name: 'updates',
      type: 'array',
      fields: [
        { name: 'date', type: 'date', required: true },
        { name: 'text', type: 'textarea', required: true },
      ],
    },
    {
      name: 'signatureCount',
      type: 'number',
      defaultValue: 0,
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: 'Confirmed signatures, rolled up every few seconds.',
      },
    },
    { name: 'countsByNation', type: 'json', admin: { readOnly: true } },
    { name: 'countsByRegion', type: 'json', admin: { readOnly: true } },
  ],
}
