import type { CollectionConfig } from 'payload'
import { PETITION_STATES } from '../../constants'
import { isEditorOrOrganiser } from '../../access/isEditorOrOrganiser'
import { publicPetitionsOrStaff } from '../../access/publicPetitionsOrStaff'
import { slugField } from '../../fields/slug'
import { summaryField } from '../../fields/summary'
import { keepPetitionsWithSignatures } from './hooks/keepPetitionsWithSignatures'
import { keepMilestonesReached } from './hooks/keepMilestonesReached'
import { requireLetter } from './hooks/requireLetter'
import { CAMPAIGN_KINDS, KIND_WORDS } from './kinds'

/**
 * Petitions and open letters (`kind`: the same signatures, counts, milestones and updates; an
 * open letter also has its letter, and signatories may show their name and role). Counts are written by the roll-up job, never by hand. A petition with signatures
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
  hooks: {
    beforeValidate: [requireLetter],
    beforeChange: [keepMilestonesReached],
    beforeDelete: [keepPetitionsWithSignatures],
  },
  fields: [
    {
      name: 'kind',
      type: 'select',
      defaultValue: CAMPAIGN_KINDS.PETITION,
      options: Object.values(CAMPAIGN_KINDS).map((k) => ({ value: k, label: KIND_WORDS[k].label })),
      admin: {
        position: 'sidebar',
        description:
          'A petition is a demand with a count. An open letter is a letter to someone, signed by people who may show their name and role; it can be downloaded with its signatories (PDF or Word) to hand in.',
      },
    },
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
    {
      name: 'letter',
      type: 'richText',
      admin: {
        condition: (data) => data?.kind === CAMPAIGN_KINDS.OPEN_LETTER,
        description:
          'The letter as it is handed in, from "Dear …" to the last line. The signatories are listed after it.',
      },
    },
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
    {
      name: 'tellSupportersAtMilestones',
      type: 'checkbox',
      defaultValue: true,
      admin: {
        description:
          'When a milestone is reached, email the supporters who asked for updates: the number reached and what happens now (sent like an update, with one-click unsubscribe).',
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
