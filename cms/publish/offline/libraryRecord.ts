/**
 * What the library manifest (libraryManifest.ts) found out about each file of a build, kept in the
 * build so the next one need not read it again. An incremental build carries most files over from
 * the live build as hard links, so a file whose inode, size and modification time (and its gzip
 * copy's, and for a Word letter those of the files its hash is made from) are the live build's is
 * the same file: its hash, sizes and asset addresses are taken from the live build's record.
 * Reading and hashing every page and search file took 7.9 s of a one-guide edit at 10,000 guides
 * (README, "Benchmarks"). The record is private (a dot-file: not served, listed or carried over).
 */
import { readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** The file in a build holding its record. */
export const LIBRARY_RECORD = '.library-files.json'

/** What the manifest needs of a file, besides its address. */
export type FileFacts = {
  hash: string
  bytes: number
  sent: number
  /** A page's hash without its /assets/ addresses. */
  base?: string
  /** A page's /assets/ addresses, in order (content-models/offline.ts, assetAddresses). */
  addresses?: string[]
  /** The /assets/ files a page loads by src or href (libraryManifest.ts, assetsOf). */
  loads?: string[]
}

type Recorded = { key: string; facts: FileFacts }
type LibraryRecord = { version: 1; docxMaker: string; files: Record<string, Recorded> }

/** A file's identity on disk: device, inode, size and modification time (ns); '-' when it is not there. */
const identity = async (file: string): Promise<string> => {
  const s = await stat(file, { bigint: true }).catch(() => null)
  return s ? `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}` : '-'
}

const readRecord = async (build: string, docxMaker: string): Promise<Map<string, Recorded>> => {
  try {
    const record = JSON.parse(await readFile(path.join(build, LIBRARY_RECORD), 'utf8')) as LibraryRecord
    // Made by other code (a Word letter's hash covers the code that makes it): nothing to reuse.
    if (record?.version !== 1 || record.docxMaker !== docxMaker || typeof record.files !== 'object')
      return new Map()
    return new Map(Object.entries(record.files))
  } catch {
    return new Map()
  }
}

/**
 * The facts of the files of the build in `dir`: those of the `previous` build's record where the
 * file is the same one, otherwise made by `make`. `save` writes this build's record.
 */
export const libraryRecord = async (dir: string, previous: string | null | undefined, docxMaker = '') => {
  const before = previous ? await readRecord(previous, docxMaker) : new Map<string, Recorded>()
  const now: Record<string, Recorded> = {}
  let reused = 0
  return {
    /** `file`'s facts; `sources` are the other files its hash is made from (paths relative to the build). */
    facts: async (file: string, sources: readonly string[], make: () => Promise<FileFacts>) => {
      const parts = [file, `${file}.gz`, ...sources].map((f) => identity(path.join(dir, f)))
      const key = (await Promise.all(parts)).join(' ')
      const was = before.get(file)
      const facts = was?.key === key && was.facts ? was.facts : await make()
      if (facts === was?.facts) reused++
      now[file] = { key, facts }
      return facts
    },
    /** How many files' facts came from the previous build's record. */
    reused: () => reused,
    save: async () => {
      const record: LibraryRecord = { version: 1, docxMaker, files: now }
      // A carried-over record would be a hard link into the live build: never written through.
      await rm(path.join(dir, LIBRARY_RECORD), { force: true })
      await writeFile(path.join(dir, LIBRARY_RECORD), JSON.stringify(record))
    },
  }
}
