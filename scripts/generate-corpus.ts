/**
 * `npx tsx scripts/generate-corpus.ts <output dir> [guides=1000]`: writes a realistic scale corpus
 * as a snapshot folder (the shape of content-models/snapshot.ts), for benchmarks and load tests.
 *
 * Realistic means the word statistics of our own writing: guides are recombined from the sentences,
 * headings, list items, key facts and steps of the seed guides (mostly from seed guides on the
 * same topic), so term frequencies, lengths and structure look like real content. Deterministic:
 * the same arguments always write the same files (a seeded PRNG, fixed dates).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot, type SnapshotTopic } from '../content-models/snapshot'
import { loadGuides, loadJson, loadTemplates } from '../cms/seed/loadSeedData'
import { SEED_TOPICS } from '../cms/seed/topics'
import { EPOCH, iso, stamp } from './corpus/dates'
import { makeNetworks, makePetitions, makeSessions, makeUnions, type SeedRecord } from './corpus/directory'
import { makeGuides } from './corpus/guides'
import { addToPool, emptyPool, type Pool } from './corpus/pool'
import { seededRandom } from './corpus/random'
import { linkGuidesAndTemplates, makeTemplates } from './corpus/templates'

export { corpusMarkdown } from './corpus/guides'
export { seededRandom }

/** How many of each kind the corpus holds besides guides. */
export type CorpusSize = {
  guides: number
  templates: number
  sessions: number
  unions: number
  petitions: number
  networks: number
}
export const DEFAULT_CORPUS_SIZE: CorpusSize = {
  guides: 1000,
  templates: 300,
  sessions: 500,
  unions: 150,
  petitions: 100,
  networks: 120,
}

const SEED_DIR = path.resolve(process.env.PROJECT_ROOT || process.cwd(), 'scripts/seed-data')

/** The seed content the corpus is made from, in a fixed order. */
const loadSeeds = async () => {
  const seedGuides = (await loadGuides(path.join(SEED_DIR, 'guides'))).sort((a, b) =>
    a.slug.localeCompare(b.slug),
  )
  const seedTemplates = (await loadTemplates(path.join(SEED_DIR, 'templates'))).sort((a, b) =>
    a.slug.localeCompare(b.slug),
  )
  const seedUnions = (
    await loadJson<{ unions: SeedRecord[] }>(path.join(SEED_DIR, 'unions.json'), { unions: [] })
  ).unions
  const seedNetworks = (
    await loadJson<{ networks: SeedRecord[] }>(path.join(SEED_DIR, 'networks.json'), {
      networks: [],
    })
  ).networks
  const seedSessions = (
    await loadJson<{ sessions: SeedRecord[] }>(path.join(SEED_DIR, 'training-sessions.json'), {
      sessions: [],
    })
  ).sessions

  return { seedGuides, seedTemplates, seedUnions, seedNetworks, seedSessions }
}

/** The seed guides' pieces, overall and per topic. */
const poolsOf = (seedGuides: Awaited<ReturnType<typeof loadSeeds>>['seedGuides']) => {
  const all = emptyPool()
  const byTopic = new Map<string, Pool>()
  for (const g of seedGuides) {
    addToPool(all, g)
    for (const t of g.topics) {
      if (!byTopic.has(t)) byTopic.set(t, emptyPool())
      addToPool(byTopic.get(t)!, g)
    }
  }
  return { all, byTopic }
}

/** Builds the whole corpus in memory. */
export const generateCorpus = async (size: Partial<CorpusSize> = {}, seed = 42): Promise<Snapshot> => {
  const n = { ...DEFAULT_CORPUS_SIZE, ...size }
  const rng = seededRandom(seed)
  const { seedGuides, seedTemplates, seedUnions, seedNetworks, seedSessions } = await loadSeeds()
  const topics: SnapshotTopic[] = SEED_TOPICS.map((t, i) => ({
    id: i + 1,
    title: t.title,
    slug: t.slug,
    description: t.description,
    order: i + 1,
    ...stamp(i),
  }))
  const topicRef = (slug: string) => ({ slug, title: topics.find((t) => t.slug === slug)?.title ?? slug })

  const { all, byTopic } = poolsOf(seedGuides)
  const guides = makeGuides(rng, n.guides, { seedGuides, all, byTopic, topicRef })
  const templates = makeTemplates(rng, n.templates, seedTemplates, all, topicRef)
  linkGuidesAndTemplates(rng, guides, templates)
  const sessions = makeSessions(rng, n.sessions, seedSessions, topics, { all, byTopic })
  const unions = makeUnions(rng, n.unions, seedUnions)
  const networks = makeNetworks(rng, n.networks, seedNetworks, unions)
  const petitions = makePetitions(rng, n.petitions, guides, all)
  return {
    topics,
    guides,
    templates,
    'training-sessions': sessions,
    unions,
    networks,
    petitions,
    'site-settings': {
      siteName: 'Better Work',
      tagline: 'Better work is possible',
      homeIntro: 'Find out your rights at work.',
      contactEmail: null,
      privacyHtml: '',
    },
    meta: {
      generatedAt: iso(EPOCH),
      counts: {
        topics: topics.length,
        guides: guides.length,
        templates: templates.length,
        'training-sessions': sessions.length,
        unions: unions.length,
        networks: networks.length,
        petitions: petitions.length,
      },
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    },
  }
}

/** Writes a corpus as a snapshot folder: one <collection>.json per collection. */
export const writeCorpus = async (dir: string, snapshot: Snapshot) => {
  await mkdir(dir, { recursive: true })
  for (const [name, value] of Object.entries(snapshot))
    await writeFile(path.join(dir, `${name}.json`), JSON.stringify(value))
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [out, count] = process.argv.slice(2)
  if (!out) {
    console.error('Usage: npx tsx scripts/generate-corpus.ts <output dir> [number of guides, default 1000]')
    process.exit(2)
  }
  const guides = count ? Number(count) : DEFAULT_CORPUS_SIZE.guides
  if (!Number.isInteger(guides) || guides < 1) {
    console.error(`The number of guides must be a whole number of 1 or more, not "${count}".`)
    process.exit(2)
  }
  const snapshot = await generateCorpus({ guides })
  await writeCorpus(path.resolve(out), snapshot)
  console.log(
    `Corpus written to ${path.resolve(out)}: ${Object.entries(snapshot.meta.counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
  )
}
