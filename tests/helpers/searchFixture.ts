/**
 * Search over the fixture snapshot (tests/fixtures/snapshot) in Node: its documents, and a client
 * over an index held in memory, queried through the same code the search island runs.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import {
  buildSearchIndex,
  serialiseSearchIndex,
  type SearchIndexFiles,
} from '../../site/src/lib/search/buildIndex'
import { documentsFromSnapshot, type SearchDocument } from '../../site/src/lib/search/documents'
import type { LiveSearchFiles } from '../../site/src/lib/search/generations'
import { SearchClient } from '../../site/src/lib/search/query'
import type { Snapshot } from '../../site/src/lib/snapshot'

const fixture = path.resolve('tests/fixtures/snapshot')

/** One collection of the fixture snapshot, as the site reads it. */
export const readFixture = <K extends keyof Snapshot>(name: K): Snapshot[K] =>
  JSON.parse(readFileSync(path.join(fixture, `${name}.json`), 'utf8'))

/** The fixture snapshot's searchable collections: guides, letters, training, unions and networks. */
export const fixtureSnapshot = () => ({
  guides: readFixture('guides'),
  templates: readFixture('templates'),
  'training-sessions': readFixture('training-sessions'),
  unions: readFixture('unions'),
  networks: readFixture('networks'),
})

/** The fixture site's search documents. */
export const fixtureDocs = (): SearchDocument[] => documentsFromSnapshot(fixtureSnapshot())

/** A guide's search document with every field empty except those given. */
export const doc = (over: Partial<SearchDocument>): SearchDocument => ({
  type: 'guide',
  url: '/guides/x/',
  title: '',
  summary: '',
  nations: [],
  alsoSearchedAs: '',
  headings: '',
  body: '',
  ...over,
})

/** A client over an index of `documents` held in memory, recording every file it asks for. */
export const clientFor = (documents: SearchDocument[], options?: Parameters<typeof buildSearchIndex>[1]) => {
  const built = buildSearchIndex(documents, options)
  const files = serialiseSearchIndex(built)
  const fetched: string[] = []
  const client = new SearchClient(async (p) => {
    fetched.push(p)
    const text = files.get(p)
    if (text === undefined) throw new Error(`no file ${p}`)
    return JSON.parse(text)
  })
  return { client, fetched, files, built }
}

/** The files of two serialised indexes that differ (or that only one has), sorted. */
export const changedSearchFiles = (a: Map<string, string>, b: Map<string, string>): string[] =>
  [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort()

/** An index held in memory as the live build a new one is built over (buildSearchIndex's `live`). */
export const liveOf = (index: SearchIndexFiles): LiveSearchFiles => {
  const files = serialiseSearchIndex(index)
  return { manifest: index.manifest, read: (p) => files.get(p) }
}
