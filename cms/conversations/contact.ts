/**
 * Organisers see what members see (display names), unless a member chooses to let the organisers
 * of a network see their first name and email: then, and only for moderators, a message carries
 * them in its virtual `sharedContact` field.
 */
import type { CollectionAfterReadHook, CollectionConfig } from 'payload'
import { hasRole } from '../../content-models/access/roles'
import type { Message } from '../../content-models/payload-types'
import { idTypeOf, parseRecordId } from '../members/recordId'
import { entryFor } from './standing'
import { anyRefId } from './views'

const addSharedContact: CollectionAfterReadHook<Message> = async ({ doc, req }) => {
  if (!hasRole(req.user, 'admin', 'organiser')) return doc
  // Read access already limited this record to moderators of its network.
  // `author` itself is for admins only, so it is not in `doc` for an organiser: read it from the
  // database directly (no hooks, no access rules).
  const stored = await req.payload.db.findOne<Message>({
    collection: 'messages',
    where: { id: { equals: doc.id } },
    req,
  })
  const authorId = parseRecordId(anyRefId(stored?.author), idTypeOf(req.payload))
  const networkId = anyRefId(doc.network)
  if (authorId === null || !networkId) return doc
  const author = await req.payload.findByID({
    collection: 'members',
    id: authorId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  const entry = author ? entryFor(author, networkId) : undefined
  return entry?.showNameToOrganisers && author
    ? { ...doc, sharedContact: `${author.firstName} <${author.email}>` }
    : doc
}

/** The messages collection with the shared contact filled in (cms/config.ts). */
export const withSharedContact = (messages: CollectionConfig): CollectionConfig => ({
  ...messages,
  hooks: { ...messages.hooks, afterRead: [...(messages.hooks?.afterRead ?? []), addSharedContact] },
})
