/**
 * Preview of the real page, under /api/preview/ (cms/publish/preview.ts renders it):
 *   GET  /api/preview/<collection>/<id>[?version=<version id>]  staff signed in to the CMS: the
 *        latest draft (or that version), as readers will see it once published;
 *   POST /api/preview/<collection>/<id>/link  staff: a signed link to the latest version, for a
 *        reviewer without an account, that stops working after PREVIEW_LINK_DAYS;
 *   GET  /api/preview-link/<token>  anyone holding such a link: exactly that version.
 * Every answer is private, never cached and never indexed, and runs no script (the page is served
 * from the CMS's origin, where staff are signed in).
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { isPublicCollection, type PublicCollection } from '../../content-models/constants'
import { hasRole } from '../../content-models/access/roles'
import { PreviewError, renderPreview, type PreviewDoc } from '../publish'
import { siteUrl } from '../members/tokens'
import { htmlAnswer, jsonAnswer, toResponse, type Answer } from './http'
import { page } from './pages'
import { escapeHtml as e } from '../email/messages/render'
import { checkPreviewToken, previewToken, type PreviewClaims } from './previewTokens'

/** Staff who may read drafts (the same roles as content-models/access/publishedOrStaff.ts). */
const canPreview = (req: PayloadRequest) => hasRole(req.user, 'admin', 'editor', 'reviewer', 'organiser')

/** Ids are numbers (SQLite) or 24-hex strings (MongoDB); versions the same. */
const ID = /^[A-Za-z0-9_-]{1,64}$/

const BANNER_STYLE =
  'position:sticky;top:0;z-index:1000;margin:0;padding:.75rem 1rem;background:#ffbf47;color:#1b1b1b;font:600 1rem/1.4 system-ui,sans-serif;border-bottom:3px solid #1b1b1b'

/** The rendered page, pointed at the site's files, marked as a preview and kept out of search engines. */
const asPreview = (html: string, note: string): string =>
  html
    .replace(
      /<head([^>]*)>/i,
      `<head$1><base href="${e(siteUrl())}/"><meta name="robots" content="noindex, nofollow">`,
    )
    .replace(/<body([^>]*)>/i, `<body$1><p role="note" style="${BANNER_STYLE}">${e(note)}</p>`)

const previewAnswer = (html: string, note: string): Answer => {
  const site = new URL(siteUrl()).origin
  const base = htmlAnswer(asPreview(html, note))
  return {
    ...base,
    headers: {
      ...base.headers,
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex, nofollow, noarchive',
      'Content-Security-Policy': `default-src 'none'; script-src 'none'; style-src ${site} 'unsafe-inline'; img-src ${site} data:; font-src ${site}; base-uri ${site}; form-action 'none'; frame-ancestors 'self'`,
    },
  }
}

const plain = (title: string, words: string, status: number) =>
  toResponse(htmlAnswer(page(title, `<p>${e(words)}</p>`), status))

/** A kept version as the document it was (its parent's id), for rendering. */
const asDoc = (version: { parent: unknown; version: object }) =>
  ({ ...version.version, id: version.parent }) as PreviewDoc

/** The latest draft of a document, or one of its versions; null when there is no such thing. */
const findDraft = async (
  req: PayloadRequest,
  collection: PublicCollection,
  id: string,
  versionId: string | null,
): Promise<PreviewDoc | null> => {
  const { payload } = req
  if (versionId) {
    const version = await payload
      .findVersionByID({ collection, id: versionId, depth: 1, req, overrideAccess: false })
      .catch(() => null)
    return version && String(version.parent) === id ? asDoc(version) : null
  }
  const doc = await payload
    .findByID({ collection, id, draft: true, depth: 1, req, overrideAccess: false })
    .catch(() => null)
  return doc as PreviewDoc | null
}

/** Renders and answers, or says in words why it cannot. */
const render = async (req: PayloadRequest, collection: PublicCollection, doc: PreviewDoc, note: string) => {
  try {
    const { html } = await renderPreview(req.payload, collection, doc)
    return toResponse(previewAnswer(html, note))
  } catch (error) {
    if (error instanceof PreviewError) return plain('This cannot be previewed yet', error.message, 422)
    req.payload.logger.error({ err: error, collection, id: doc.id }, 'preview failed')
    return plain('The preview failed', 'The page could not be made. Try again in a minute.', 503)
  }
}

const NOTE = 'Preview: not published. Readers cannot see this version yet.'

const staffPreview: Endpoint = {
  path: '/preview/:collection/:id',
  method: 'get',
  handler: async (req) => {
    const { collection, id } = req.routeParams as { collection?: string; id?: string }
    if (!canPreview(req))
      return plain('Sign in to preview', 'Sign in to the CMS as staff, then press Preview again.', 401)
    const versionId = new URL(req.url ?? '', 'http://x').searchParams.get('version')
    if (!isPublicCollection(collection) || !id || !ID.test(id) || (versionId && !ID.test(versionId)))
      return plain('Nothing to preview', 'There is no such page to preview.', 404)
    const found = await findDraft(req, collection, id, versionId)
    if (!found) return plain('Nothing to preview', 'There is no such page to preview.', 404)
    return render(req, collection, found, NOTE)
  },
}

const makeLink: Endpoint = {
  path: '/preview/:collection/:id/link',
  method: 'post',
  handler: async (req) => {
    const { collection, id } = req.routeParams as { collection?: string; id?: string }
    if (!canPreview(req))
      return toResponse(jsonAnswer({ status: 'forbidden', message: 'Sign in to the CMS as staff.' }, 403))
    if (!isPublicCollection(collection) || !id || !ID.test(id))
      return toResponse(jsonAnswer({ status: 'not-found' }, 404))
    const { docs } = await req.payload.findVersions({
      collection,
      where: { parent: { equals: id } },
      sort: '-updatedAt',
      limit: 1,
      depth: 0,
      req,
      overrideAccess: false,
    })
    if (!docs[0])
      return toResponse(
        jsonAnswer({ status: 'not-found', message: 'Save it first: it has no versions yet.' }, 404),
      )
    const claims: PreviewClaims = { collection, id, version: String(docs[0].id) }
    const { token, expiresAt } = await previewToken(req.payload.secret, claims)
    const url = `${req.payload.config.serverURL}/api/preview-link/${token}`
    req.payload.logger.info(
      { collection, id, version: claims.version, user: req.user?.id },
      'preview link made',
    )
    return toResponse(jsonAnswer({ url, expiresAt }, 201))
  },
}

const sharedPreview: Endpoint = {
  path: '/preview-link/:token',
  method: 'get',
  handler: async (req) => {
    const { token } = req.routeParams as { token?: string }
    const claims = await checkPreviewToken(req.payload.secret, String(token ?? ''))
    if (!claims)
      return plain(
        'This preview link has expired',
        'Preview links stop working after a few days, or when they are not whole. Ask the editor for a new one.',
        410,
      )
    const version = await req.payload
      .findVersionByID({ collection: claims.collection, id: claims.version, depth: 1, overrideAccess: true })
      .catch(() => null)
    if (!version || String(version.parent) !== claims.id)
      return plain(
        'Nothing to preview',
        'This version is no longer kept. Ask the editor for a new link.',
        404,
      )
    return render(req, claims.collection, asDoc(version), `${NOTE} You were sent this link to check it.`)
  },
}

export const previewEndpoints: Endpoint[] = [staffPreview, makeLink, sharedPreview]
