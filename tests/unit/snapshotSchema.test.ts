/** The site reads only a snapshot of the schema version it was written for (SNAPSHOT_SCHEMA_VERSION). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SNAPSHOT_SCHEMA_VERSION } from '../../content-models/snapshot'
import { loadSnapshot, SnapshotSchemaError } from '../../site/src/lib/snapshot'

const made: string[] = []
const before = process.env.SNAPSHOT_DIR

/** A snapshot folder holding only meta.json (the missing files stand for empty ones), made the one to load. */
const snapshotWithMeta = async (meta: unknown): Promise<string> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'organise-snapshot-'))
  made.push(dir)
  await writeFile(path.join(dir, 'meta.json'), JSON.stringify(meta))
  process.env.SNAPSHOT_DIR = dir
  return dir
}

afterEach(async () => {
  if (before === undefined) delete process.env.SNAPSHOT_DIR
  else process.env.SNAPSHOT_DIR = before
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

describe('the snapshot schema version', () => {
  it('loads the fixture snapshot, which is of the version the site reads', () => {
    process.env.SNAPSHOT_DIR = path.resolve('tests/fixtures/snapshot')
    expect(loadSnapshot().meta.schemaVersion).toBe(SNAPSHOT_SCHEMA_VERSION)
  })

  it('fails the build on a snapshot of another version, naming both versions and how to re-export', async () => {
    const dir = await snapshotWithMeta({
      generatedAt: '2026-01-01T00:00:00.000Z',
      counts: {},
      schemaVersion: SNAPSHOT_SCHEMA_VERSION + 1,
    })
    expect(loadSnapshot).toThrow(SnapshotSchemaError)
    expect(loadSnapshot).toThrow(
      `Snapshot ${dir} has schema version ${SNAPSHOT_SCHEMA_VERSION + 1}, but this site reads schema version ${SNAPSHOT_SCHEMA_VERSION} (SNAPSHOT_SCHEMA_VERSION in content-models/snapshot.ts). Export the snapshot again with this code ("npm run export-snapshot", or publish a change in the CMS to rebuild the site)`,
    )
  })

  it('fails the build on a meta.json without a version, saying it has none', async () => {
    const dir = await snapshotWithMeta({ generatedAt: '2026-01-01T00:00:00.000Z', counts: {} })
    expect(loadSnapshot).toThrow(`Snapshot ${dir} has no schema version, but this site reads schema version`)
  })

  it('takes a snapshot folder without meta.json as one of its own version (a hand-written folder)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'organise-snapshot-'))
    made.push(dir)
    process.env.SNAPSHOT_DIR = dir
    expect(loadSnapshot().meta.schemaVersion).toBe(SNAPSHOT_SCHEMA_VERSION)
  })
})
