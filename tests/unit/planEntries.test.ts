/**
 * The incremental plan from snapshot files read slim (an entry at a time, bodies dropped, a
 * digest kept) is the plan from the same files parsed whole, for every kind of change.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planIncremental } from '../../cms/publish/incremental'
import {
  ENTRIES_FILE,
  readEntries,
  readKeptEntries,
  writeEntriesFile,
  type PlanEntries,
} from '../../cms/publish/planEntries'
import { PUBLIC_COLLECTIONS } from '../../content-models/constants'
import type { Snapshot } from '../../content-models/snapshot'
import { generateCorpus, writeCorpus } from '../../scripts/generate-corpus'

const SIZE = { guides: 120, templates: 10, sessions: 6, unions: 6, petitions: 4, networks: 4 }
let root = ''
let corpus: Snapshot

/** A snapshot folder's collections parsed whole, as the planner read them before. */
const whole = async (dir: string): Promise<PlanEntries> => {
  const out: PlanEntries = {}
  for (const c of PUBLIC_COLLECTIONS)
    out[c] = JSON.parse(await readFile(path.join(dir, `${c}.json`), 'utf8').catch(() => '[]'))
  return out
}

let n = 0
/** The plans from `corpus` to `after`, from slim and from whole entries. */
const plans = async (after: Snapshot) => {
  const [a, b] = [path.join(root, `a${++n}`), path.join(root, `b${n}`)]
  await writeCorpus(a, corpus)
  await writeCorpus(b, after)
  return {
    slim: planIncremental(await readEntries(a), await readEntries(b), false),
    whole: planIncremental(await whole(a), await whole(b), false),
    dirs: [a, b] as const,
  }
}

const withGuides = (guides: Snapshot['guides']): Snapshot => ({ ...corpus, guides })

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'plan-entries-'))
  corpus = await generateCorpus(SIZE)
})
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

describe('the incremental plan from slim entries', () => {
  it('keeps no body, yet sees a change to one', async () => {
    const dir = path.join(root, 'only')
    await writeCorpus(dir, corpus)
    const guides = (await readEntries(dir)).guides!
    expect(guides).toHaveLength(SIZE.guides)
    expect(Object.keys(guides[0]!).sort()).toEqual(['id', 'links', 'slug', 'summary', 'title', 'topics'])
    const target = corpus.guides[7]!
    const { slim, whole } = await plans(
      withGuides(corpus.guides.map((g) => (g === target ? { ...g, bodyHtml: `${g.bodyHtml} ` } : g))),
    )
    expect(slim).toEqual(whole)
    expect(slim.full).toBe(false)
    expect(slim.full === false && slim.render.guides).toContain(target.slug)
  })

  it('is the whole-entry plan for a new title, a removal, an addition and a new related guide', async () => {
    const [first, second, third] = corpus.guides
    const changes: Snapshot['guides'][] = [
      corpus.guides.map((g) => (g === first ? { ...g, title: `Zz ${g.title}` } : g)),
      corpus.guides.filter((g) => g !== second),
      [...corpus.guides, { ...third!, id: 99_999, slug: 'a-new-guide', title: 'A new guide' }],
      corpus.guides.map((g) =>
        g === third ? { ...g, relatedGuides: [{ slug: first!.slug, title: first!.title }] } : g,
      ),
    ]
    for (const guides of changes) {
      const { slim, whole } = await plans(withGuides(guides as Snapshot['guides']))
      expect(slim).toEqual(whole)
      expect(slim.full).toBe(false)
    }
  })

  it('says nothing changed for the same snapshot', async () => {
    const { slim } = await plans(corpus)
    expect(slim).toMatchObject({ full: false, changed: 0, render: {} })
  })

  it("plans the same from the live snapshot's entries file, and reads the snapshot again when the file is not its own or is damaged", async () => {
    const target = corpus.guides[3]!
    const after = withGuides(
      corpus.guides.map((g) => (g === target ? { ...g, bodyHtml: `${g.bodyHtml} ` } : g)),
    )
    const { whole, dirs } = await plans(after)
    const [a, b] = dirs
    const next = await readEntries(b)
    await writeEntriesFile(a, await readEntries(a), 'fp-a')
    expect(planIncremental(await readKeptEntries(a, 'fp-a'), next, false)).toEqual(whole)
    // The file is what is read: another snapshot's entries under this fingerprint give its plan (nothing changed).
    await writeEntriesFile(a, next, 'fp-a')
    expect(planIncremental(await readKeptEntries(a, 'fp-a'), next, false)).toMatchObject({ changed: 0 })
    // Made from another snapshot (another fingerprint), or damaged: the snapshot itself is read.
    expect(planIncremental(await readKeptEntries(a, 'fp-other'), next, false)).toEqual(whole)
    await writeFile(path.join(a, ENTRIES_FILE), '{"fingerprint":"fp-a","entries":{"guides":[[')
    expect(planIncremental(await readKeptEntries(a, 'fp-a'), next, false)).toEqual(whole)
  })

  it("takes the live snapshot's entries whose bytes are unchanged, and parses the others", async () => {
    const target = corpus.guides[5]!
    const after = withGuides(
      corpus.guides.map((g) => (g === target ? { ...g, title: `${g.title} (new)` } : g)),
    )
    const { whole, dirs } = await plans(after)
    const [a, b] = dirs
    const known = await readEntries(a)
    const next = await readEntries(b, known)
    expect(planIncremental(known, next, false)).toEqual(whole)
    expect(next.guides![4]).toBe(known.guides![4])
    expect(next.guides![5]).not.toBe(known.guides![5])
    expect(next.guides![5]!.title).toBe(`${target.title} (new)`)
    expect(next.templates).toEqual(known.templates)
  })
})
