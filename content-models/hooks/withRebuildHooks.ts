import type { CollectionConfig, GlobalConfig, Payload, PayloadRequest } from 'payload'
import { rebuildReason } from './rebuildDecision'

/**
 * How a hook asks for a site build. The CMS passes its job queue in (cms/config.ts), so this
 * vocabulary imports nothing of the back end.
 */
export type QueueRebuild = (
  payload: Payload,
  request: { trigger: 'publish'; reason: string; req: PayloadRequest },
) => Promise<unknown>

const draftKey = (slug: string) => `rebuild:savingDraft:${slug}`

/** Queues a build unless the request asked not to (the seed sets `context.skipRebuild`). */
const queueFor = async (queueRebuild: QueueRebuild, req: PayloadRequest, reason: string | null) => {
  if (!reason || req.context?.skipRebuild) return
  await queueRebuild(req.payload, { trigger: 'publish', reason, req })
}

/**
 * Adds the hooks that queue a site build when public content changes: publish, unpublish, delete,
 * or a change while published. Saving a draft (autosave included) queues nothing. Applied to
 * every public collection in content-models/index.ts, so the collection files stay as they are.
 */
export const withRebuildHooks = (
  collection: CollectionConfig,
  queueRebuild: QueueRebuild,
): CollectionConfig => {
  const hasDrafts = Boolean(
    collection.versions && typeof collection.versions === 'object' && collection.versions.drafts,
  )
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      // afterChange does not say whether a draft was saved; the operation's arguments do.
      beforeOperation: [
        ...(hooks.beforeOperation ?? []),
        ({ args, operation, req }) => {
          if (operation === 'create' || operation === 'update' || operation === 'updateByID') {
            const a = args as { draft?: boolean; data?: { _status?: string } }
            req.context[draftKey(collection.slug)] = Boolean(
              hasDrafts && a.draft && a.data?._status !== 'published',
            )
          }
          return args
        },
      ],
      afterChange: [
        ...(hooks.afterChange ?? []),
        async ({ doc, previousDoc, operation, req }) => {
          const savingDraft = req.context[draftKey(collection.slug)] === true
          await queueFor(
            queueRebuild,
            req,
            rebuildReason({
              collection: collection.slug,
              operation,
              savingDraft,
              hasDrafts,
              doc,
              previousDoc,
            }),
          )
          return doc
        },
      ],
      afterDelete: [
        ...(hooks.afterDelete ?? []),
        async ({ doc, req }) => {
          await queueFor(
            queueRebuild,
            req,
            rebuildReason({
              collection: collection.slug,
              operation: 'delete',
              savingDraft: false,
              hasDrafts,
              doc,
            }),
          )
        },
      ],
    },
  }
}

/**
 * The same for a global shown on the site (site settings): publishing (or unpublishing) a change
 * queues a build; saving a draft of it (autosave included) queues nothing.
 */
export const withGlobalRebuildHooks = (global: GlobalConfig, queueRebuild: QueueRebuild): GlobalConfig => {
  const hasDrafts = Boolean(global.versions && typeof global.versions === 'object' && global.versions.drafts)
  return {
    ...global,
    hooks: {
      ...global.hooks,
      beforeOperation: [
        ...(global.hooks?.beforeOperation ?? []),
        ({ args, operation, req }) => {
          if (operation === 'update') {
            const a = args as { draft?: boolean; data?: { _status?: string } }
            req.context[draftKey(global.slug)] = Boolean(
              hasDrafts && a.draft && a.data?._status !== 'published',
            )
          }
          return args
        },
      ],
      afterChange: [
        ...(global.hooks?.afterChange ?? []),
        async ({ doc, req }) => {
          if (req.context[draftKey(global.slug)] === true) return doc
          const status = (doc as { _status?: string })._status
          await queueFor(
            queueRebuild,
            req,
            `${global.slug} ${status === 'draft' ? 'unpublished' : 'changed'}`,
          )
          return doc
        },
      ],
    },
  }
}
