import type { CollectionConfig } from 'payload'

/**
 * The site-builds list as editors need it: the live build, builds waiting, running or failed
 * with their timings and errors above the list (cms/admin/components/BuildStatus.tsx, with admins'
 * "Rebuild now" and "Roll back"), and columns that show what each build did.
 */
export const withBuildAdmin = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  admin: {
    ...collection.admin,
    defaultColumns: ['buildId', 'status', 'live', 'reason', 'durationMs', 'pages', 'startedAt'],
    components: {
      ...collection.admin?.components,
      beforeList: [
        ...(collection.admin?.components?.beforeList ?? []),
        '/admin/components/BuildStatus#BuildStatus',
      ],
    },
  },
})
