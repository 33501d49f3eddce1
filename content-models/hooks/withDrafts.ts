import type { CollectionConfig, GlobalConfig } from 'payload'
import { isStaff } from '../access/isStaff'

/** Versions kept per document (and for a global): enough history to compare and restore. */
export const MAX_VERSIONS = 50

/**
 * Autosave intervals (ms) where editing is long: a petition's or letter's text, a session's
 * details. Guides and templates set theirs in their own files (kept as they are).
 */
export const AUTOSAVE_INTERVALS: Readonly<Record<string, number>> = {
  templates: 2000,
  petitions: 2000,
  'training-sessions': 2000,
}

type Drafts = Exclude<NonNullable<NonNullable<CollectionConfig['versions']>>, boolean>['drafts']

/** The drafts options a collection already sets, as an object (or none). */
const draftsOf = (versions: CollectionConfig['versions'] | GlobalConfig['versions']) => {
  const drafts: Drafts = typeof versions === 'object' ? versions.drafts : undefined
  return typeof drafts === 'object' ? drafts : {}
}

/**
 * Gives a public collection drafts, versions (with Payload's compare view) and scheduled
 * publish/unpublish, merged with what it already sets: saving in the admin never publishes, and
 * an autosave interval the collection chose is kept. Its versions (drafts included) are read by
 * staff only. Applied in content-models/index.ts.
 */
export const withDrafts = (collection: CollectionConfig): CollectionConfig => {
  const own = typeof collection.versions === 'object' ? collection.versions : {}
  const drafts = draftsOf(collection.versions)
  const interval = AUTOSAVE_INTERVALS[collection.slug]
  return {
    ...collection,
    // Versions hold drafts: staff only. Payload's default lets anyone signed in read them.
    access: { ...collection.access, readVersions: collection.access?.readVersions ?? isStaff },
    versions: {
      ...own,
      maxPerDoc: own.maxPerDoc ?? MAX_VERSIONS,
      drafts: {
        ...(drafts.autosave === undefined && interval ? { autosave: { interval } } : {}),
        ...drafts,
        schedulePublish: drafts.schedulePublish ?? true,
      },
    },
  }
}

/** The same for a global (site settings): drafts, versions and scheduling. */
export const withGlobalDrafts = (global: GlobalConfig): GlobalConfig => {
  const own = typeof global.versions === 'object' ? global.versions : {}
  const drafts = draftsOf(global.versions)
  return {
    ...global,
    access: { ...global.access, readVersions: global.access?.readVersions ?? isStaff },
    versions: {
      ...own,
      max: own.max ?? MAX_VERSIONS,
      drafts: { ...drafts, schedulePublish: drafts.schedulePublish ?? true },
    },
  }
}
