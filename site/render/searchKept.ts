/**
 * The search index's files an incremental build need not render at all. Each file's generation in
 * the manifest is the build in which its bytes last changed, and a file keeps the live build's
 * generation only when its text is exactly the live build's copy (site/src/lib/search/generations.ts),
 * so a file whose generation in the new manifest is the one the live manifest gives it has the
 * live build's bytes: it is carried over like any file not rendered, without being rendered,
 * read and compared (at 10,000 guides that was most of the search index's step: 6,909 files for
 * a one-guide edit that changes 8).
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { searchFileGenerations, type SearchManifest } from '../../content-models/search/files'

/** The search index's address prefix and the manifest's file, as pages.ts's fileOf names it. */
const SEARCH_DIR = 'search-index'
export const SEARCH_MANIFEST_FILE = `${SEARCH_DIR}/manifest.json`

type Generations = { of: Map<string, string>; newest: string | undefined }

/**
 * Each file's generation in the manifest of the build in `dir`, and its newest generation (the
 * build's own id when any file has it); none when it cannot be read.
 */
const generationsIn = async (dir: string): Promise<Generations | undefined> => {
  try {
    const text = await readFile(path.join(dir, SEARCH_MANIFEST_FILE), 'utf8')
    const manifest = JSON.parse(text) as SearchManifest
    if (!Array.isArray(manifest.generations) || !manifest.fileGenerations) return undefined
    return { of: searchFileGenerations(manifest), newest: manifest.generations.at(-1) }
  } catch {
    return undefined
  }
}

/**
 * The search files (as fileOf names them) whose bytes are the live build's, by their generations:
 * the new manifest is the one written in `outDir` or, when it came out the same, the live one in
 * `previousBuild`. None when either manifest cannot be read (every file is then rendered).
 */
export const unchangedSearchFiles = async (outDir: string, previousBuild: string): Promise<Set<string>> => {
  const was = await generationsIn(previousBuild)
  const now = (await generationsIn(outDir)) ?? was
  const same = new Set<string>()
  if (!was || !now) return same
  // A file given the new build's own id is rendered even if the live manifest has that id for it
  // (ids are 48-bit hashes: the bytes decide then, as for any changed file).
  for (const [file, generation] of now.of)
    if (was.of.get(file) === generation && generation !== now.newest) same.add(`${SEARCH_DIR}/${file}`)
  return same
}
