/**
 * The share images of a build: one per guide, letter and petition (share/<collection>/<slug>.png)
 * and the site's own (share/site.png). An image is drawn only when what it shows changed: the
 * build keeps what each image was drawn from (.share-images.json), and an image whose title,
 * label and site name are as in the previous build is linked from it instead. So a full build
 * after a change of site sources draws none again, and a publish draws only retitled entries.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { copyFile, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { SHARE_IMAGE_FOLDERS, shareImagePath, shareWords } from '../../../content-models/offline'
import { forEachEntry } from '../../../content-models/snapshotEntries'
import { renderShareImage, SHARE_IMAGE_DESIGN, type ShareImageText } from './shareImage'

/** The file in a build recording what each share image was drawn from (a key per image). */
export const SHARE_RECORD = '.share-images.json'

/** Images drawn at once: sharp works on libvips's own threads, so a few overlap the file writes. */
const CONCURRENCY = 4

type Wanted = { file: string; text: ShareImageText }

const readJson = async <T>(file: string, fallback: T): Promise<T> => {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T
  } catch {
    return fallback
  }
}

/** What a snapshot asks for: every image, with the text it shows. */
export const wantedShareImages = async (snapshotDir: string): Promise<Wanted[]> => {
  const settings = await readJson<{ siteName?: string | null; tagline?: string | null }>(
    path.join(snapshotDir, 'site-settings.json'),
    {},
  )
  const siteName = settings.siteName || 'Better Work'
  const tagline = settings.tagline || 'Better work is possible'
  const wanted: Wanted[] = [{ file: shareImagePath().slice(1), text: { title: tagline, siteName } }]
  for (const collection of Object.keys(SHARE_IMAGE_FOLDERS) as (keyof typeof SHARE_IMAGE_FOLDERS)[]) {
    const file = path.join(snapshotDir, `${collection}.json`)
    if (!existsSync(file)) continue
    // An entry at a time: only its title, slug and kind are kept, never the whole collection.
    forEachEntry(file, ({ slug, title, kind }) => {
      if (typeof slug === 'string' && slug && typeof title === 'string' && title)
        wanted.push({
          file: shareImagePath(collection, slug).slice(1),
          text: {
            title,
            label: shareWords(collection, kind).label,
            siteName,
          },
        })
    })
  }
  return wanted
}

/** What an image is drawn from, as a short key: equal keys, equal images. */
const keyOf = (text: ShareImageText) =>
  createHash('sha256')
    .update(
      JSON.stringify([SHARE_IMAGE_DESIGN, text.title, text.label ?? '', text.siteName, text.tagline ?? '']),
    )
    .digest('hex')
    .slice(0, 16)

/**
 * Writes the share images of the snapshot in `snapshotDir` into the build folder `dir`, linking
 * unchanged ones from the `previous` build (the live one), and records their keys.
 * @returns how many images were drawn and how many reused
 */
export const writeShareImages = async (
  dir: string,
  snapshotDir: string,
  previous: string | null,
): Promise<{ drawn: number; reused: number }> => {
  const wanted = await wantedShareImages(snapshotDir)
  const before = previous ? await readJson<Record<string, string>>(path.join(previous, SHARE_RECORD), {}) : {}
  const record: Record<string, string> = {}
  let drawn = 0
  let reused = 0
  await Promise.all(
    Object.keys(SHARE_IMAGE_FOLDERS).map((c) => mkdir(path.join(dir, 'share', c), { recursive: true })),
  )
  const queue = [...wanted]
  const worker = async () => {
    for (let w = queue.shift(); w; w = queue.shift()) {
      const key = keyOf(w.text)
      record[w.file] = key
      const target = path.join(dir, w.file)
      const old = previous ? path.join(previous, w.file) : null
      // A file already here may be a hard link into the live build: never written through.
      await rm(target, { force: true })
      if (old && before[w.file] === key && existsSync(old)) {
        // Builds are never changed once made, so a hard link is a safe copy.
        await link(old, target).catch(() => copyFile(old, target))
        reused++
      } else {
        await writeFile(target, await renderShareImage(w.text))
        drawn++
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  await writeFile(path.join(dir, SHARE_RECORD), JSON.stringify(record))
  return { drawn, reused }
}
