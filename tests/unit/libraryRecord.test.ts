/**
 * The offline library's record (cms/publish/offline/libraryRecord.ts): a build made mostly of
 * files carried over from the live build (hard links) takes their entries from the live build's
 * record, and its manifest is exactly what reading every file gives.
 */
import { link, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LibraryManifest } from '../../content-models/offline'
import { listFiles } from '../../cms/publish/checkBuild'
import { libraryManifest, writeLibraryManifest } from '../../cms/publish/offline/libraryManifest'
import { LIBRARY_RECORD } from '../../cms/publish/offline/libraryRecord'

let root: string
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'library-record-'))
})
afterAll(() => rm(root, { recursive: true, force: true }))

const page = (words: string) =>
  `<html><head><link rel="stylesheet" href="/assets/index.AAAA1111.css"><script type="module" src="/assets/Base.BBBB2222.js"></script></head><body><h1>${words}</h1>${'<p>Your rights at work. '.repeat(80)}</p></body></html>`

/** Writes a file and its gzip copy, as precompress does (a new file: never through a hard link). */
const put = async (dir: string, file: string, body: string) => {
  await mkdir(path.dirname(path.join(dir, file)), { recursive: true })
  for (const [name, bytes] of [
    [file, Buffer.from(body)],
    [`${file}.gz`, gzipSync(body)],
  ] as const) {
    await rm(path.join(dir, name), { force: true })
    await writeFile(path.join(dir, name), bytes)
  }
}

const FILES: Record<string, string> = {
  'guides/index.html': page('Guides'),
  'guides/holiday-pay/index.html': page('Holiday pay'),
  'guides/sick-pay/index.html': page('Sick pay'),
  'templates/ask/index.html': page('Ask for pay'),
  'templates/ask/ask.docx': 'docx bytes',
  'templates/ask/ask.txt': 'Dear manager',
  'search-index/manifest.json': '{}',
  'search-index/terms/pay.json': '{"pay":[]}',
  'assets/index.AAAA1111.css': 'body{color:red}',
  'assets/Base.BBBB2222.js': 'console.log(1)',
}

/** The live build, then a new one carrying every file over as hard links but those in `changed`. */
const builds = async (name: string, changed: Record<string, string>) => {
  const live = path.join(root, `${name}-live`)
  const next = path.join(root, `${name}-next`)
  for (const [file, body] of Object.entries(FILES)) await put(live, file, body)
  await mkdir(path.join(live, 'offline'))
  await mkdir(path.join(next, 'offline'), { recursive: true })
  const first = await writeLibraryManifest(live, { docxMaker: 'm1' })
  for (const file of await listFiles(live)) {
    if (
      file.startsWith('.') ||
      file.startsWith('offline/') ||
      changed[file.replace(/\.gz$/, '')] !== undefined
    )
      continue
    await mkdir(path.dirname(path.join(next, file)), { recursive: true })
    await link(path.join(live, file), path.join(next, file))
  }
  for (const [file, body] of Object.entries(changed)) await put(next, file, body)
  return { live, next, first }
}

const entry = (m: LibraryManifest, url: string) => m.files.find((f) => f.url === url)

describe('the offline library record', () => {
  it('takes the entries of carried-over files from the live build, and the manifest is what reading every file gives', async () => {
    const { live, next, first } = await builds('edit', {
      'guides/sick-pay/index.html': page('Statutory sick pay'),
    })
    expect(first.reused).toBe(0)
    const { reused, ...manifest } = await writeLibraryManifest(next, { docxMaker: 'm1', previous: live })
    expect(manifest).toEqual(await libraryManifest(next, { docxMaker: 'm1' }))
    // Every listed file but the edited page (10 listed: 4 pages, 2 letters, 2 search files, 2 assets).
    expect(manifest.files).toHaveLength(10)
    expect(reused).toBe(9)
    expect(entry(manifest, '/guides/sick-pay/')!.hash).not.toBe(entry(first, '/guides/sick-pay/')!.hash)
    expect(JSON.parse(await readFile(path.join(next, 'offline/library.json'), 'utf8'))).toEqual(manifest)
  })

  it("makes a Word letter's entry again when the letter page it is hashed from changed, though the .docx was carried over", async () => {
    const { live, next, first } = await builds('letter', {
      'templates/ask/index.html': page('Ask for your pay'),
    })
    const { reused, ...manifest } = await writeLibraryManifest(next, { docxMaker: 'm1', previous: live })
    expect(manifest).toEqual(await libraryManifest(next, { docxMaker: 'm1' }))
    expect(reused).toBe(8)
    const docx = '/templates/ask/ask.docx'
    expect(entry(manifest, docx)!.hash).not.toBe(entry(first, docx)!.hash)
  })

  it('reads every file again when the live record is damaged or made by other code for Word letters', async () => {
    const { live, next } = await builds('damaged', {})
    await writeFile(path.join(live, LIBRARY_RECORD), '{"version":1,"docxMaker":"m1","files":')
    const damaged = await writeLibraryManifest(next, { docxMaker: 'm1', previous: live })
    expect(damaged.reused).toBe(0)
    const otherMaker = await writeLibraryManifest(next, { docxMaker: 'm2', previous: next })
    expect(otherMaker.reused).toBe(0)
    const { reused, ...manifest } = await writeLibraryManifest(next, { docxMaker: 'm2', previous: next })
    expect(reused).toBe(10)
    expect(manifest).toEqual(await libraryManifest(next, { docxMaker: 'm2' }))
  })
})
