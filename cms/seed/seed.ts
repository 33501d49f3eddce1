/**
 * The starting content of a new install, from scripts/seed-data: one loader per collection
 * (loaders.ts), in the order their relations need.
 */
import path from 'node:path'
import type { Payload } from 'payload'
import {
  linkGuides,
  seedGuides,
  seedNetworks,
  seedPetitions,
  seedTemplates,
  seedTopics,
  seedTrainingSessions,
  seedUnions,
  startSeeding,
} from './loaders'
import {
  loadGuides,
  loadJson,
  loadTemplates,
  type SeedNetwork,
  type SeedTrainingSession,
  type SeedUnion,
} from './loadSeedData'
import { SEED_PETITIONS } from './petitions'
import { SEED_TOPICS } from './topics'

export type SeedResult = Record<
  'topics' | 'guides' | 'templates' | 'unions' | 'networks' | 'trainingSessions' | 'petitions',
  number
>

type Progress = (message: string) => void

/** True when there is no content yet (a new install). */
export const isEmpty = async (payload: Payload): Promise<boolean> => {
  const [topics, guides] = await Promise.all([
    payload.count({ collection: 'topics', overrideAccess: true }),
    payload.count({ collection: 'guides', overrideAccess: true }),
  ])
  return topics.totalDocs === 0 && guides.totalDocs === 0
}

/**
 * Loads the starting content from `dir` (scripts/seed-data): topics, guides, templates, unions,
 * networks, training sessions and demo petitions, all published. Relations are by slug; a slug
 * that names nothing is reported, not silently dropped.
 */
export const seed = async (
  payload: Payload,
  dir: string,
  progress: Progress = () => {},
): Promise<SeedResult> => {
  const guides = await loadGuides(path.join(dir, 'guides'))
  const templates = await loadTemplates(path.join(dir, 'templates'))
  const { unions } = await loadJson<{ unions: SeedUnion[] }>(path.join(dir, 'unions.json'), { unions: [] })
  const { networks } = await loadJson<{ networks: SeedNetwork[] }>(path.join(dir, 'networks.json'), {
    networks: [],
  })
  const { sessions } = await loadJson<{ sessions: SeedTrainingSession[] }>(
    path.join(dir, 'training-sessions.json'),
    { sessions: [] },
  )

  const s = startSeeding(payload)
  progress(`topics (${SEED_TOPICS.length})`)
  await seedTopics(s)
  progress(`guides (${guides.length})`)
  await seedGuides(s, guides)
  progress(`templates (${templates.length})`)
  await seedTemplates(s, templates)
  await linkGuides(s, guides)
  progress(`unions (${unions.length})`)
  await seedUnions(s, unions)
  progress(`networks (${networks.length})`)
  await seedNetworks(s, networks)
  progress(`training sessions (${sessions.length})`)
  await seedTrainingSessions(s, sessions)
  progress(`petitions (${SEED_PETITIONS.length})`)
  await seedPetitions(s)

  return {
    topics: SEED_TOPICS.length,
    guides: guides.length,
    templates: templates.length,
    unions: unions.length,
    networks: networks.length,
    trainingSessions: sessions.length,
    petitions: SEED_PETITIONS.length,
  }
}
