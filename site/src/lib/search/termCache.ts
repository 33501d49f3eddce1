/**
 * What the last build's analysis of each document came to, so the next build analyses only the
 * documents that changed. Tokenising and stemming every document (weights.ts) is the slowest part
 * of building the index at 10,000 guides, and an edit changes one or a few of them.
 *
 * A build writes its analyses to a private file in its build folder (SEARCH_CACHE_FILE: a
 * dot-file, which the static server never serves, the offline library never lists, precompress
 * never compresses and an incremental build never carries over), and the next build reads the
 * live build's. Each document's analysis (per field: its length and its terms' counts) is keyed by
 * a digest of the very text termFrequencies reads, and the whole file by a digest of the code that
 * analyses (lunr's version, the fields, our tokenizer and pipeline), so a reused analysis is the
 * one analysing that text would give. The file carries a checksum of its contents: a file that is
 * missing, damaged or of another format is reported once and not used (every document is
 * analysed), so it can cost time but never change the index or fail the build.
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { endianness } from 'node:os'

/** The cache's file name in a build folder (private: a dot-file). */
export const SEARCH_CACHE_FILE = '.search-terms.bin'

/**
 * Where the search index's build writes its cache (site/render/render.ts sets it to the new build
 * folder's SEARCH_CACHE_FILE); unset, none is written.
 */
export const SEARCH_CACHE_TO = 'SEARCH_CACHE_TO'

/** Bumped when the file's layout changes (a file of another version is not used). */
const FORMAT = 1

/**
 * The analyses of a build's documents: `data` holds one record per document, at the offset
 * `records` gives for its digest; a record is, per field in index order, the field's length, the
 * number of its distinct terms n, and n pairs [term (an index into `terms`), count].
 */
export type TermCache = {
  terms: readonly string[]
  records: Map<string, number>
  data: Int32Array
  /** A guide's entry key (a digest of its bytes in the snapshot, siteIndex.ts) → its fields' digest. */
  entries: Map<string, string>
}

/**
 * The analyses being recorded for the next build, in a growing array of 32-bit integers laid
 * out as TermCache's `data`.
 */
export class TermCacheWriter {
  readonly records = new Map<string, number>()
  private data = new Int32Array(1 << 16)
  private size = 0

  /** Starts the record of the document with this digest. */
  start(digest: string): this {
    this.records.set(digest, this.size)
    return this
  }

  push(a: number, b: number): void {
    if (this.size + 2 > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2)
      bigger.set(this.data)
      this.data = bigger
    }
    this.data[this.size++] = a
    this.data[this.size++] = b
  }

  cache(terms: readonly string[]): TermCache {
    return { terms, records: this.records, data: this.data.slice(0, this.size), entries: new Map() }
  }
}

/** Half of a UTF-16 pair standing alone (with the u flag, a whole pair is one character). */
const LONE_SURROGATE = /\p{Cs}/u

/**
 * The digest of the fields termFrequencies reads of a document, in the order given; none (the
 * document is analysed every build) when one is not a string, or is a string UTF-8 cannot hold
 * exactly (a lone surrogate), so that two different texts never share a digest.
 */
export const fieldsDigest = (
  fields: Record<string, unknown>,
  names: readonly string[],
): string | undefined => {
  const hash = createHash('sha256')
  for (const name of names) {
    const value = fields[name]
    if (typeof value !== 'string' || LONE_SURROGATE.test(value)) return undefined
    hash.update(`${value.length}:`).update(value)
  }
  return hash.digest('base64url')
}

/** The header's fields besides the terms and records: the file is used only when they match. */
const headerKey = (code: string) => ({ format: FORMAT, code, endian: endianness() })

type Header = ReturnType<typeof headerKey> & {
  terms: string[]
  records: [string, number][]
  entries: [string, string][]
}

/** Bytes of the checksum that opens the file (sha256 of everything after it). */
const SUM_BYTES = 32

/**
 * The file's bytes: the checksum, the header's length (4 bytes, little-endian), the header (JSON,
 * padded with spaces to a multiple of 4 bytes), then `data`'s 32-bit integers.
 */
export const termCacheBytes = (cache: TermCache, code: string): Buffer => {
  const header: Header = {
    ...headerKey(code),
    terms: [...cache.terms],
    records: [...cache.records],
    entries: [...cache.entries],
  }
  let json = Buffer.from(JSON.stringify(header))
  json = Buffer.concat([json, Buffer.alloc((4 - (json.length % 4)) % 4, ' ')])
  const length = Buffer.alloc(4)
  length.writeUInt32LE(json.length)
  const data = Buffer.from(cache.data.buffer, cache.data.byteOffset, cache.data.byteLength)
  const body = Buffer.concat([length, json, data])
  return Buffer.concat([createHash('sha256').update(body).digest(), body])
}

/** Raised for a file that is not a cache this code can use; the message says why. */
class UnusableCache extends Error {}

/** The cache in `bytes` (termCacheBytes), made by the analysing code `code`; fails with UnusableCache. */
export const readTermCacheBytes = (bytes: Buffer, code: string): TermCache => {
  const body = bytes.subarray(SUM_BYTES)
  if (
    bytes.length < SUM_BYTES + 4 ||
    !createHash('sha256').update(body).digest().equals(bytes.subarray(0, SUM_BYTES))
  )
    throw new UnusableCache('its checksum does not match')
  const headerLength = body.readUInt32LE(0)
  const header = JSON.parse(body.subarray(4, 4 + headerLength).toString('utf8')) as Header
  const key = headerKey(code)
  if (header.format !== key.format || header.code !== key.code || header.endian !== key.endian)
    throw new UnusableCache('it was made by another version of the search code')
  if (![header.terms, header.records, header.entries].every(Array.isArray))
    throw new UnusableCache('its header is incomplete')
  // Copied, so the integers start on a 4-byte boundary whatever the buffer's offset.
  const raw = body.subarray(4 + headerLength)
  const data = new Int32Array(raw.length / 4)
  Buffer.from(data.buffer).set(raw)
  return { terms: header.terms, records: new Map(header.records), data, entries: new Map(header.entries) }
}

/**
 * The cache in `file`, made by the analysing code `code`; none when there is no file or it cannot
 * be used (reported once, without its contents): the build then analyses every document.
 */
export const readTermCache = (file: string, code: string): TermCache | undefined => {
  try {
    return readTermCacheBytes(readFileSync(file), code)
  } catch (cause) {
    const why =
      (cause as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'the live build has none'
        : cause instanceof UnusableCache
          ? cause.message
          : `it could not be read (${(cause as Error).name})`
    console.warn(`The search index's analysis cache ${file} was not used (${why}): analysing every document.`)
    return undefined
  }
}

/**
 * Writes the cache to `file`. A failure is reported and the build goes on: without the file the
 * next build is only slower (a part-written one fails its checksum there).
 */
export const writeTermCache = (file: string, cache: TermCache, code: string): void => {
  try {
    writeFileSync(file, termCacheBytes(cache, code))
  } catch (cause) {
    console.warn(
      `The search index's analysis cache ${file} could not be written (${(cause as Error).message}).`,
    )
  }
}
