/**
 * Reading a snapshot collection's file an entry at a time, so that memory does not grow with the
 * library: at 20,000 guides guides.json is 280 MB, and parsed whole it took about 700 MB of heap
 * in each process that read it (the site's pages, the search index's worker, the CMS's share
 * images). `forEachEntry` hands over one parsed entry at a time (the reader keeps what it needs);
 * `lazyEntries` keeps every entry's short fields and reads its long ones (a guide's body) again
 * from the file when a page asks for them, parsed from that entry's own bytes.
 */
import { closeSync, openSync, readSync } from 'node:fs'

/** The hidden property of an entry that says where its JSON lies in the file. */
const SPAN = Symbol('snapshot entry span')

/** The hidden property of an entry that says which file it was read from, and where its entries lie. */
const SOURCE = Symbol('snapshot entry source')

type Source = { file: string; spans: readonly number[] }
type Entry = Record<string, unknown>
type Stub = Entry & { [SPAN]: number; [SOURCE]: Source }

/** Bytes read from a file at a time while finding its entries. */
const CHUNK = 1 << 20

const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09

/** A snapshot file that is not a JSON array of objects; the message names the file and the byte. */
export class SnapshotFileError extends Error {
  constructor(file: string, what: string) {
    super(`Snapshot file ${file} is not valid JSON: ${what}`)
    this.name = 'SnapshotFileError'
  }
}

/**
 * Where each object of the JSON array in `file` starts and ends (byte offsets, end exclusive, as
 * pairs), read a megabyte at a time so the file is never whole in memory. Only the array's own
 * punctuation is checked here: each object is checked when JSON.parse reads it.
 */
export const entrySpans = (file: string): number[] => {
  const spans: number[] = []
  const buf = Buffer.allocUnsafe(CHUNK)
  const fd = openSync(file, 'r')
  let depth = 0
  let inString = false
  let escaped = false
  let start = 0
  let ended = false
  const fail = (at: number, what: string) => new SnapshotFileError(file, `${what} at byte ${at}`)
  try {
    for (
      let pos = 0, n = readSync(fd, buf, 0, CHUNK, 0);
      n > 0;
      pos += n, n = readSync(fd, buf, 0, CHUNK, pos)
    ) {
      for (let i = 0; i < n; i++) {
        const c = buf[i]!
        if (inString) {
          if (escaped) escaped = false
          else if (c === BACKSLASH) escaped = true
          else if (c === QUOTE) inString = false
        } else if (depth >= 2) {
          if (c === QUOTE) inString = true
          else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++
          else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
            if (--depth === 1) spans.push(start, pos + i + 1)
          }
        } else if (isSpace(c)) continue
        else if (ended) throw fail(pos + i, 'text after the array')
        else if (depth === 0) {
          if (c !== OPEN_BRACKET) throw fail(pos + i, 'expected an array')
          depth = 1
        } else if (c === OPEN_BRACE) {
          start = pos + i
          depth = 2
        } else if (c === CLOSE_BRACKET) {
          depth = 0
          ended = true
        } else if (c !== COMMA) throw fail(pos + i, 'expected an object')
      }
    }
  } finally {
    closeSync(fd)
  }
  if (!ended) throw new SnapshotFileError(file, 'the array does not end')
  return spans
}

/** Parses an entry's bytes, which start at byte `start` of `file`. */
const parseEntry = (file: string, bytes: Buffer, start: number): Entry => {
  try {
    return JSON.parse(bytes.toString('utf8')) as Entry
  } catch (cause) {
    throw new SnapshotFileError(file, `${(cause as Error).message} (the entry at byte ${start})`)
  }
}

/** Reads and parses the bytes [start, end) of `file`. */
const readJson = (file: string, start: number, end: number): Entry => {
  const buf = Buffer.allocUnsafe(end - start)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, buf, 0, buf.length, start)
  } finally {
    closeSync(fd)
  }
  return parseEntry(file, buf, start)
}

/** A buffer reused for one entry's bytes after another, grown (doubling) when one is longer. */
const entryBuffer = () => {
  let buf = Buffer.alloc(0)
  return (size: number): Buffer => {
    if (buf.length < size) buf = Buffer.allocUnsafe(Math.max(size, 2 * buf.length))
    return buf
  }
}

/**
 * Calls `each` with the bytes of every object of the JSON array in `file`, in order, a function
 * that parses them, and its position: a reader that knows an entry by a digest of its bytes need
 * not parse it. The bytes are valid only during the call (one buffer serves them all).
 */
export const forEachEntrySource = (
  file: string,
  each: (bytes: Buffer, parse: () => Entry, at: number) => void,
  spans: readonly number[] = entrySpans(file),
): void => {
  const bufferOf = entryBuffer()
  const fd = openSync(file, 'r')
  try {
    for (let at = 0; at < spans.length / 2; at++) {
      const [start, end] = [spans[2 * at]!, spans[2 * at + 1]!]
      const buf = bufferOf(end - start)
      const bytes = buf.subarray(0, readSync(fd, buf, 0, end - start, start))
      each(bytes, () => parseEntry(file, bytes, start), at)
    }
  } finally {
    closeSync(fd)
  }
}

/**
 * Calls `each` with every object of the JSON array in `file` in order, parsed one at a time, and
 * its position.
 */
export const forEachEntry = (
  file: string,
  each: (entry: Entry, at: number) => void,
  spans: readonly number[] = entrySpans(file),
): void => forEachEntrySource(file, (_, parse, at) => each(parse(), at), spans)

/** Entries parsed whole and kept for the next field asked of them: a page reads several. */
const RECENT = 32

/**
 * The entries of the JSON array in `file`, each with its fields in the file's order: those not
 * in `longFields` held, those in it read from the file when asked for (the same values
 * JSON.parse gives, so a page renders the same). They stay enumerable, so spreading or
 * serialising an entry still sees every field.
 */
export const lazyEntries = <T>(file: string, longFields: readonly string[]): T[] => {
  const long = new Set(longFields)
  const spans = entrySpans(file)
  const recent = new Map<number, Entry>()
  const whole = (at: number): Entry => {
    let entry = recent.get(at)
    if (entry) return entry
    entry = readJson(file, spans[2 * at]!, spans[2 * at + 1]!)
    if (recent.size >= RECENT) recent.delete(recent.keys().next().value!)
    recent.set(at, entry)
    return entry
  }
  // One getter per long field, shared by every entry (the entry's span says which to read).
  const getters = new Map(
    longFields.map((key) => [
      key,
      function (this: Stub) {
        return whole(this[SPAN])[key]
      },
    ]),
  )
  const entries: Stub[] = []
  const source: Source = { file, spans }
  forEachEntry(
    file,
    (parsed, at) => {
      const stub = Object.defineProperties({}, { [SPAN]: { value: at }, [SOURCE]: { value: source } }) as Stub
      for (const [key, value] of Object.entries(parsed)) {
        const get = long.has(key) ? getters.get(key) : undefined
        if (get) Object.defineProperty(stub, key, { get, enumerable: true })
        else stub[key] = value
      }
      entries.push(stub)
    },
    spans,
  )
  return entries as T[]
}

/**
 * Calls `each` with the bytes of every entry's JSON in its file, in order, for entries lazyEntries
 * made (undefined for any other object): everything an entry holds is what JSON.parse gives of
 * them, so a digest of them stands for the entry (the search index keeps its analyses of a guide
 * by it). The bytes are valid only during the call (one buffer serves them all); each file is
 * opened once.
 */
export const forEachEntryBytes = (
  entries: readonly object[],
  each: (bytes: Buffer | undefined, index: number) => void,
): void => {
  const open = new Map<string, number>()
  const bufferOf = entryBuffer()
  try {
    entries.forEach((entry, index) => {
      const { [SOURCE]: source, [SPAN]: at } = entry as Partial<Stub>
      if (!source || at === undefined) return each(undefined, index)
      const [start, end] = [source.spans[2 * at]!, source.spans[2 * at + 1]!]
      const buf = bufferOf(end - start)
      let fd = open.get(source.file)
      if (fd === undefined) open.set(source.file, (fd = openSync(source.file, 'r')))
      const read = readSync(fd, buf, 0, end - start, start)
      each(buf.subarray(0, read), index)
    })
  } finally {
    for (const fd of open.values()) closeSync(fd)
  }
}
