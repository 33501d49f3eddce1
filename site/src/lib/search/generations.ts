/**
 * Each search file's generation: the id of the build in which its bytes last changed, which the
 * browser puts in the file's address (content-models/search/files.ts, FileGenerations). A file
 * whose bytes are the live build's copy keeps the live build's generation for it, so its address
 * stays the same from build to build and readers' caches keep answering for it; a changed or new
 * file gets this build's id.
 *
 * This build's id is a hash of every file's path and bytes, so a generation names one set of
 * contents: a file with generation g holds exactly the bytes it held in the build whose files
 * hashed to g (it changed then, or was carried over unchanged since). One address therefore never
 * has two contents, even when a later edit puts a file back as it was; and a full build given the
 * same live build gives every file the same generation as an incremental one.
 *
 * The manifest lists the generations in use, oldest first. Past MAX_GENERATIONS, the oldest are
 * folded into this build's: their files get this build's id (the bytes are this build's, so the
 * address is right), and readers fetch them again once.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { numbersToText } from '../../../../content-models/search/numberText'
import {
  MAX_GENERATIONS,
  searchFileGenerations,
  searchIndexPaths,
  type FileGenerations,
  type ManifestTerms,
  type SearchManifest,
} from './files'

/** Characters of a generation id (base64url: 48 bits). */
export const GENERATION_LENGTH = 8

/** The kinds of files, in the order this build's id covers them. */
const KINDS = ['terms', 'titles', 'summaries', 'lengths', 'nations'] as const

/** Every file but the manifest by kind, each kind in the manifest's order (FileGenerations): path and JSON text. */
export type FilesByKind = Record<keyof FileGenerations, [path: string, text: string][]>

/** The live build's search index, as a new build compares its files with it. */
export type LiveSearchFiles = {
  /** Its manifest (one made before files had generations gives none to keep). */
  manifest: ManifestTerms & Partial<Pick<SearchManifest, 'generations' | 'fileGenerations'>>
  /** A file's text by its path under search-index/; undefined when the live build has none. */
  read: (path: string) => string | undefined
}

/** This build's generation id: a hash of every file's path and bytes. */
const buildIdOf = (files: FilesByKind): string => {
  const hash = createHash('sha256')
  for (const kind of KINDS) for (const [p, text] of files[kind]) hash.update(`${p}\n${text}\n`)
  return hash.digest('base64url').slice(0, GENERATION_LENGTH)
}

/**
 * The live build's generation of each file; none for a manifest without generations, or one whose
 * terms or generations cannot be read (every file then gets this build's id: always right, only
 * every reader fetches every file again once), so a damaged live index never stops a build.
 */
const liveGenerationsOf = (live: LiveSearchFiles | undefined): Map<string, string> => {
  const { generations, fileGenerations } = live?.manifest ?? {}
  if (!live || !generations || !fileGenerations) return new Map()
  try {
    return searchFileGenerations({ ...live.manifest, generations, fileGenerations })
  } catch (cause) {
    console.warn(
      `The live search manifest could not be read (${(cause as Error).message}): every search file gets this build's address.`,
    )
    return new Map()
  }
}

/**
 * Each file's generation, as the manifest stores them: a file whose text is the live build's copy
 * keeps that copy's generation, any other gets this build's id; past MAX_GENERATIONS the oldest
 * are folded into this build's.
 */
export const generationsOf = (
  files: FilesByKind,
  live?: LiveSearchFiles,
): Pick<SearchManifest, 'generations' | 'fileGenerations'> => {
  const current = buildIdOf(files)
  const liveOf = liveGenerationsOf(live)
  const kept = ([p, text]: [string, string]): string => {
    const was = liveOf.get(p)
    return was !== undefined && live!.read(p) === text ? was : current
  }
  const perFile = KINDS.map((kind) => files[kind].map(kept))
  const used = new Set(perFile.flat())
  // Oldest first: the live build's order, then this build's.
  const order = [...(live?.manifest.generations ?? []).filter((g) => g !== current), current]
  const inUse = order.filter((g) => used.has(g))
  const generations = inUse.slice(-MAX_GENERATIONS)
  const index = new Map(generations.map((g, i) => [g, i]))
  const at = (g: string) => index.get(g) ?? index.get(current)!
  const texts = perFile.map((gens) => numbersToText(gens.map(at)))
  const fileGenerations = Object.fromEntries(KINDS.map((kind, i) => [kind, texts[i]])) as FileGenerations
  return { generations, fileGenerations }
}

/**
 * The search index written in `buildDir` (its search-index/ folder), for generationsOf; none when
 * it has no readable manifest (every file then gets the new build's id: always right, only
 * every reader fetches every file again once).
 */
export const readLiveSearchFiles = (buildDir: string): LiveSearchFiles | undefined => {
  const read = (p: string): string | undefined => {
    try {
      return readFileSync(path.join(buildDir, 'search-index', p), 'utf8')
    } catch {
      return undefined
    }
  }
  try {
    const text = read(searchIndexPaths.manifest())
    return text === undefined ? undefined : { manifest: JSON.parse(text) as SearchManifest, read }
  } catch {
    return undefined
  }
}
