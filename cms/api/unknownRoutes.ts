/**
 * Unknown or unsupported API routes answer 404 with a JSON error, never 500. Payload gives every
 * collection and global its REST routes, /versions included even where there are no versions
 * (there they fail with a TypeError: 500), and passes any id to the database, where "abc" (or
 * "versions", once that route is gone) fails in SQL against SQLite's numeric ids (500). Applied to
 * the built config, so it holds wherever Payload answers: Next's route and the front server.
 */
import {
  isValidID,
  type CollectionSlug,
  type Endpoint,
  type PayloadHandler,
  type PayloadRequest,
  type SanitizedConfig,
} from 'payload'

/** Payload's own error shape, with a 404. */
const notFound = (message: string) => Response.json({ errors: [{ message }] }, { status: 404 })

/**
 * Whether `id` from a path could be a record's id in this database: digits for numeric ids (SQLite),
 * a 24-hex ObjectId for MongoDB's own ids, any non-empty text for custom text ids.
 * @example couldBeId('12', 'number') // true; couldBeId('versions', 'number') // false
 */
export const couldBeId = (id: string, type: 'number' | 'text' | 'ObjectID'): boolean =>
  type === 'number' ? /^\d{1,15}$/.test(id) : type === 'ObjectID' ? isValidID(id, 'ObjectID') : id.length > 0

/** The id type of a collection's records: its custom id type, else the database's own. */
const idTypeOf = (req: PayloadRequest, slug: string): 'number' | 'text' | 'ObjectID' =>
  req.payload.collections[slug as CollectionSlug]?.customIDType ??
  (req.payload.db.defaultIDType === 'number' ? 'number' : 'ObjectID')

/** A handler that answers 404 when the path's id cannot exist, before the database sees it. */
const checkingId =
  (handler: PayloadHandler, slug: string): PayloadHandler =>
  (req) => {
    const id = req.routeParams?.id
    if (typeof id === 'string' && !couldBeId(id, idTypeOf(req, slug))) {
      return notFound(
        `No ${slug} record has the id "${id}", and no API route ${req.method} /api/${slug}/${id} exists. Check the address.`,
      )
    }
    return handler(req)
  }

const isVersionRoute = (e: Endpoint) => e.path === '/versions' || e.path.startsWith('/versions/')

/** The built config with version routes only where there are versions, and impossible ids answered 404. */
export const withUnknownRoutesNotFound = (config: SanitizedConfig): SanitizedConfig => {
  for (const collection of config.collections) {
    if (!collection.endpoints) continue
    collection.endpoints = collection.endpoints
      .filter((e) => collection.versions || !isVersionRoute(e))
      .map((e) => (e.path.includes(':id') ? { ...e, handler: checkingId(e.handler, collection.slug) } : e))
  }
  for (const global of config.globals) {
    if (global.endpoints && !global.versions)
      global.endpoints = global.endpoints.filter((e) => !isVersionRoute(e))
  }
  return config
}
