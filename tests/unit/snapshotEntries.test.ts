/** Entries whose long fields are read from the file when asked for look exactly like parsed JSON. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { entrySpans, lazyEntries, SnapshotFileError } from '../../content-models/snapshotEntries'

const made: string[] = []
afterEach(async () => Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true }))))

/** A file holding `text`, in a folder removed after the test. */
const fileWith = async (text: string): Promise<string> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'organise-entries-'))
  made.push(dir)
  const file = path.join(dir, 'entries.json')
  await writeFile(file, text)
  return file
}

const fixture = (name: string) => path.resolve('tests/fixtures/snapshot', `${name}.json`)

describe('lazy snapshot entries', () => {
  it('gives every fixture guide and letter with the same fields, values and order as JSON.parse', async () => {
    for (const [name, long] of [
      ['guides', ['bodyHtml', 'bodyText', 'toc', 'steps', 'keyFacts', 'sources', 'history']],
      ['templates', ['body', 'guidanceHtml', 'placeholders']],
    ] as const) {
      const parsed = JSON.parse(await readFile(fixture(name), 'utf8')) as unknown[]
      const lazy = lazyEntries<unknown>(fixture(name), long)
      expect(lazy).toHaveLength(parsed.length)
      expect(JSON.stringify(lazy)).toBe(JSON.stringify(parsed))
      expect(lazy.map((e) => ({ ...(e as object) }))).toEqual(parsed)
    }
  })

  it('reads a long field again from the file for each of many entries, past its small cache', async () => {
    const entries = Array.from({ length: 100 }, (_, i) => ({ slug: `g${i}`, body: `"body" \\ ${i} é ✓` }))
    const file = await fileWith(`[\n${entries.map((e) => JSON.stringify(e, null, 2)).join(',\n')}\n]\n`)
    const lazy = lazyEntries<{ slug: string; body: string }>(file, ['body'])
    for (let i = 99; i >= 0; i--) expect(lazy[i]!.body).toBe(entries[i]!.body)
    expect(Object.getOwnPropertyDescriptor(lazy[0], 'body')?.get).toBeTypeOf('function')
    expect(lazy[0]!.slug).toBe('g0')
  })

  it('finds the objects of an array, whatever their strings hold', async () => {
    const text = '[{"a":"}{[\\"]"},{"b":[{"c":1}]} , {}]'
    const spans = entrySpans(await fileWith(text))
    const parts = []
    for (let i = 0; i < spans.length; i += 2) parts.push(text.slice(spans[i], spans[i + 1]))
    expect(parts).toEqual(['{"a":"}{[\\"]"}', '{"b":[{"c":1}]}', '{}'])
    expect(entrySpans(await fileWith(' [ ] '))).toEqual([])
  })

  it('names the file and the byte where a snapshot file is not an array of objects', async () => {
    const notArray = await fileWith('{"a":1}')
    expect(() => entrySpans(notArray)).toThrow(SnapshotFileError)
    expect(() => entrySpans(notArray)).toThrow(
      `Snapshot file ${notArray} is not valid JSON: expected an array at byte 0`,
    )
    const notObject = await fileWith('[{"a":1}, 2]')
    expect(() => entrySpans(notObject)).toThrow('expected an object at byte 10')
    const unended = await fileWith('[{"a":1}')
    expect(() => entrySpans(unended)).toThrow('the array does not end')
    const broken = await fileWith('[{"a":}]')
    expect(() => lazyEntries(broken, [])).toThrow(/is not valid JSON: .*the entry at byte 1/)
  })
})
