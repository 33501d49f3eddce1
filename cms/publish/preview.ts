/**
 * The preview of a draft: its page exactly as readers would see it once published, rendered by the
 * same render bundle from a copy of the live build's snapshot with the draft's entry put in (mapped
 * by the export's own code). Nothing is written where readers can reach it: the page is rendered
 * into a temporary folder, read, and the folder removed.
 */
import { existsSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import type { Config } from '../../content-models/payload-types'
import type { PublicCollection } from '../../content-models/constants'
import { campaignPath } from '../../content-models/collections/Petitions/kinds'
import { liveBuildDir, sitePaths } from './buildSite'
import { entriesOf, exportSnapshot } from './exportSnapshot'
import { ROUTE_DIRS } from './incremental'
import { runAstroBuild } from './renderBundle'

type Entry = { id: number | string; slug: string }

/** A document of a public collection as Payload returns it (depth 1), draft or not. */
export type PreviewDoc = Config['collections'][PublicCollection]

/**
 * The page a document of a collection is shown on, from the site's root.
 * @example pagePath('guides', { slug: 'holiday-pay' }) // "/guides/holiday-pay/"
 */
export const pagePath = (collection: PublicCollection, doc: { slug?: string | null; kind?: unknown }) =>
  collection === 'petitions'
    ? campaignPath(doc.kind, String(doc.slug))
    : `/${ROUTE_DIRS[collection]}/${String(doc.slug)}/`

/** The snapshot the live build was made from, copied to `to`; or a fresh export when there is none yet. */
const baseSnapshot = async (payload: Payload, to: string): Promise<void> => {
  const paths = sitePaths()
  const live = await liveBuildDir(paths.live)
  const kept = live ? path.join(paths.snapshots, path.basename(live)) : null
  if (kept && existsSync(path.join(kept, 'meta.json'))) await cp(kept, to, { recursive: true })
  else await exportSnapshot(payload, to)
}

/** Puts the draft's entry into the snapshot's file for its collection, in place of the published one. */
const putEntry = async (dir: string, collection: PublicCollection, entry: Entry): Promise<void> => {
  const file = path.join(dir, `${collection}.json`)
  const entries = JSON.parse(await readFile(file, 'utf8').catch(() => '[]')) as Entry[]
  const at = entries.findIndex((e) => String(e.id) === String(entry.id))
  if (at === -1) entries.push(entry)
  else entries[at] = entry
  await writeFile(file, JSON.stringify(entries))
}

/** A slug the site can put in an address (a draft may not have one yet). */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Why a draft cannot be previewed, in words for the editor. */
export class PreviewError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PreviewError'
  }
}

/**
 * Renders the page of `doc` (a draft or any version, depth 1) as it would be published and
 * returns its HTML and address. One preview renders at a time per process: a render is a child
 * process of a few seconds, and several editors pressing Preview must not starve the CMS.
 */
export const renderPreview = (
  payload: Payload,
  collection: PublicCollection,
  doc: PreviewDoc,
): Promise<{ html: string; path: string }> => {
  const run = queue.then(() => renderNow(payload, collection, doc))
  queue = run.catch(() => undefined)
  return run
}
let queue: Promise<unknown> = Promise.resolve()

const renderNow = async (payload: Payload, collection: PublicCollection, doc: PreviewDoc) => {
  const slug = (doc as { slug?: string | null }).slug
  if (!slug || !SLUG.test(slug))
    throw new PreviewError('Give it a slug (lower-case words joined by hyphens) and save, then preview it.')
  const [entry] = await entriesOf(payload, collection, [doc] as Config['collections'][typeof collection][])
  const page = pagePath(collection, doc as { slug: string; kind?: unknown })
  const work = await mkdtemp(path.join(tmpdir(), 'organise-preview-'))
  try {
    const snapshot = path.join(work, 'snapshot')
    const out = path.join(work, 'out')
    await baseSnapshot(payload, snapshot)
    await putEntry(snapshot, collection, entry as Entry)
    await runAstroBuild(snapshot, out, {}, { renderOnly: { slugs: {}, folders: {}, paths: [page] } })
    const html = await readFile(path.join(out, page, 'index.html'), 'utf8').catch(() => {
      throw new PreviewError(`The site has no page at ${page} for this ${collection} entry.`)
    })
    return { html, path: page }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
