import type { CollectionConfig, Field } from 'payload'

const component = (name: string) => `/admin/components/FlaggedRecords/${name}#${name}`

/** The flags field with its plain-words cell. */
const withFlagsCell = (field: Field): Field =>
  'name' in field && field.name === 'flags' && field.type === 'text'
    ? {
        ...field,
        label: 'Flags',
        admin: { ...field.admin, components: { ...field.admin?.components, Cell: component('FlagsCell') } },
      }
    : field

/**
 * A signatures or members list as organisers need it: a Flags column with each reason in plain
 * words, a filter for flagged records, and Release / Discard for the rows ticked
 * (FlaggedActions.tsx, calling /api/organise/flagged/). Applied in cms/config.ts; adds no field.
 */
export const withFlaggedAdmin = (collection: CollectionConfig): CollectionConfig => {
  const columns = collection.admin?.defaultColumns ?? []
  return {
    ...collection,
    fields: collection.fields.map(withFlagsCell),
    admin: {
      ...collection.admin,
      defaultColumns: columns.includes('flags') ? columns : [...columns, 'flags'],
      components: {
        ...collection.admin?.components,
        beforeListTable: [
          ...(collection.admin?.components?.beforeListTable ?? []),
          component('FlaggedActions'),
        ],
      },
    },
  }
}
