/**
 * Comparing two site builds file by file, byte for byte, for the tests that hold one way of
 * building to another (tests/int/renderContract: the render bundle against astro build;
 * tests/int/incrementalMatchesFull: an incremental build against a full one). Only what records
 * when a file was written is masked: a calendar file's DTSTAMP lines (the `ics` package) and a
 * .docx file's zip entry dates and docProps/core.xml dates (the `docx` package).
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import JSZip from 'jszip'

/** Every file under `dir`, as paths relative to it, sorted. */
export const filesUnder = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { withFileTypes: true, recursive: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort()

/** A calendar file without its DTSTAMP lines' times (when the file was written). */
const icsWithoutStamps = (ics: Buffer): Buffer =>
  Buffer.from(ics.toString('utf8').replace(/^DTSTAMP:\d{8}T\d{6}Z\r$/gm, 'DTSTAMP:<when written>\r'))

/** A .docx file's entries (names and bytes, in order), without the times docProps/core.xml records. */
const docxEntries = async (docx: Buffer): Promise<Buffer> => {
  // A file that is not a zip is compared as it is (and so differs from a good one).
  const zip = await JSZip.loadAsync(docx).catch(() => null)
  if (!zip) return docx
  const parts: Buffer[] = []
  for (const entry of Object.values(zip.files)) {
    let bytes = Buffer.from(await entry.async('uint8array'))
    if (entry.name === 'docProps/core.xml')
      bytes = Buffer.from(
        bytes.toString('utf8').replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*</g, '$1<when written><'),
      )
    parts.push(Buffer.from(`${entry.name}\n`), bytes, Buffer.from('\n'))
  }
  return Buffer.concat(parts)
}

/** A file's bytes as compared: as written, but for the times of writing described above. */
export const withoutWriteTimes = (file: string, bytes: Buffer): Promise<Buffer> | Buffer =>
  file.endsWith('.ics') ? icsWithoutStamps(bytes) : file.endsWith('.docx') ? docxEntries(bytes) : bytes

export type CompareOptions = {
  /** What each side is called in the differences ("astro build", "the render bundle"). */
  names: [expected: string, actual: string]
  /** A file's bytes as compared (withoutWriteTimes unless a test masks more). */
  comparable?: (file: string, bytes: Buffer) => Promise<Buffer> | Buffer
  /** Files left out of the comparison, on either side. */
  skip?: (file: string) => boolean
}

/** Where two files first differ, with a little of each side, for the failure message. */
const firstDifference = (a: Buffer, b: Buffer, [x, y]: [string, string]): string => {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  const around = (buf: Buffer) => JSON.stringify(buf.subarray(Math.max(0, i - 60), i + 60).toString('utf8'))
  return `byte ${i} (sizes ${a.length} / ${b.length}): ${x} ${around(a)} / ${y} ${around(b)}`
}

/** The differences between two build folders, one line per path; empty when they are the same. */
export const compareBuilds = async (
  expectedDir: string,
  actualDir: string,
  { names, comparable = withoutWriteTimes, skip = () => false }: CompareOptions,
): Promise<string[]> => {
  const expected = (await filesUnder(expectedDir)).filter((f) => !skip(f))
  const actual = (await filesUnder(actualDir)).filter((f) => !skip(f))
  const inActual = new Set(actual)
  const inExpected = new Set(expected)
  const differences = [
    ...expected.filter((f) => !inActual.has(f)).map((f) => `only from ${names[0]}: ${f}`),
    ...actual.filter((f) => !inExpected.has(f)).map((f) => `only from ${names[1]}: ${f}`),
  ]
  for (const f of expected.filter((f) => inActual.has(f))) {
    const [a, b] = await Promise.all(
      [expectedDir, actualDir].map(async (dir) => comparable(f, await readFile(path.join(dir, f)))),
    )
    if (!a!.equals(b!)) differences.push(`differs: ${f} at ${firstDifference(a!, b!, names)}`)
  }
  return differences
}
