/**
 * The build steps after rendering that make the site work offline and look right when shared:
 * share images (while the pages render), then, once the build is checked and compressed, the
 * library manifest and the service worker, compressed in turn. Called by makeBuild.
 */
import { LIBRARY_MANIFEST_URL } from '../../../content-models/offline'
import { precompress } from '../precompress'
import { docxMakerFingerprint } from './docxMaker'
import { writeLibraryManifest } from './libraryManifest'
import { SERVICE_WORKER_FILES, serviceWorkerTemplate, writeServiceWorker } from './serviceWorker'

export { keepPreviousAssets } from './keptAssets'
export { SHARE_RECORD, writeShareImages } from './shareImages'

/** Files this step writes afresh in every build: an incremental build does not carry them over. */
export const OFFLINE_FILES = [...SERVICE_WORKER_FILES, LIBRARY_MANIFEST_URL.slice(1)]

/** What the offline step made: the library's size and how many files it lists, and old assets kept. */
export type OfflineReport = {
  libraryFiles: number
  libraryBytes: number
  librarySent: number
  keptAssets: number
  /** Files whose library entry was taken from the live build's record (libraryRecord.ts). */
  libraryReused: number
}

/**
 * Writes the library manifest and the service worker (from the template in the render bundle
 * `bundleDir`) into the checked build `dir` (after precompress, so the manifest knows each file's
 * compressed size) and compresses both. The library reuses what the `live` build found of the files
 * carried over from it.
 */
export const writeOfflineFiles = async (
  dir: string,
  bundleDir: string,
  live?: string | null,
  /** The build's files, when known (checkBuild lists them). */
  files?: string[],
): Promise<Omit<OfflineReport, 'keptAssets'>> => {
  const library = await writeLibraryManifest(dir, {
    docxMaker: await docxMakerFingerprint(),
    previous: live,
    files,
  })
  const worker = await writeServiceWorker(dir, serviceWorkerTemplate(bundleDir))
  await precompress(dir, [LIBRARY_MANIFEST_URL.slice(1), ...worker.files])
  return {
    libraryFiles: library.files.length,
    libraryBytes: library.bytes,
    librarySent: library.sent,
    libraryReused: library.reused,
  }
}
