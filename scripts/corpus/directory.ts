/** The corpus's training sessions, unions, networks and petitions, made from the seed files. */
import type {
  SnapshotGuide,
  SnapshotNetwork,
  SnapshotPetition,
  SnapshotTopic,
  SnapshotTrainingSession,
  SnapshotUnion,
} from '../../content-models/snapshot'
import { DAY, EPOCH, iso, stamp } from './dates'
import { inline, slugify } from './markdown'
import type { Pool } from './pool'
import { between, pick, sample, type Rng } from './random'

/** A seed file's record, as JSON gives it. */
export type SeedRecord = Record<string, unknown>

const REGIONS = [
  'Online',
  'London',
  'Greater Manchester',
  'Glasgow',
  'Belfast',
  'Cardiff',
  'Leeds',
  'Bristol',
  'Newcastle',
  'Birmingham',
]

/** `count` sessions on the seed sessions' model, each on a topic, in a region. */
export const makeSessions = (
  rng: Rng,
  count: number,
  seedSessions: SeedRecord[],
  topics: SnapshotTopic[],
  { all, byTopic }: { all: Pool; byTopic: Map<string, Pool> },
): SnapshotTrainingSession[] =>
  Array.from({ length: count }, (_, i) => {
    const s = seedSessions[i % seedSessions.length] as Record<string, string | number | null | string[]>
    const topic = pick(rng, topics)
    const start = EPOCH + between(rng, -60, 240) * DAY + 18 * 3600_000
    const title = `${String(s.title).replace(/ \(demo\)$/, '')}: ${topic.title.toLowerCase()} (${i + 1})`
    const region = pick(rng, REGIONS)
    return {
      id: i + 1,
      title,
      slug: slugify(title),
      summary: String(s.summary),
      format: region === 'Online' ? 'online' : pick(rng, ['in-person', 'hybrid'] as const),
      start: iso(start),
      end: iso(start + 90 * 60_000),
      venue: region === 'Online' ? null : `${region} community centre`,
      address: null,
      region,
      accessibility: (s.accessibility as string) ?? null,
      capacity: between(rng, 10, 60),
      registration: 'platform',
      externalUrl: null,
      facilitator: (s.facilitator as string) ?? null,
      status: pick(rng, ['scheduled', 'scheduled', 'scheduled', 'full', 'cancelled'] as const),
      ...stamp(i),
      descriptionHtml: `<p>${inline([String(s.description), ...sample(rng, byTopic.get(topic.slug)?.sentences ?? all.sentences, 4)].join(' '))}</p>`,
      topics: [{ slug: topic.slug, title: topic.title }],
    } as SnapshotTrainingSession
  })

/** `count` unions: the seed unions, then their regional branches. */
export const makeUnions = (rng: Rng, count: number, seedUnions: SeedRecord[]): SnapshotUnion[] =>
  Array.from({ length: count }, (_, i) => {
    const u = seedUnions[i % seedUnions.length] as Record<string, unknown>
    const round = Math.floor(i / seedUnions.length)
    const name = round ? `${u.name} ${pick(rng, REGIONS.slice(1))} branch ${round}` : String(u.name)
    return {
      id: i + 1,
      name,
      shortName: (u.shortName as string) ?? null,
      slug: slugify(name),
      website: String(u.website),
      joinUrl: (u.joinUrl as string) ?? null,
      description: String(u.description),
      nations: (u.nations ?? ['england-wales', 'scotland', 'northern-ireland']) as SnapshotUnion['nations'],
      nationsNote: null,
      affiliations: (u.affiliations ?? []) as SnapshotUnion['affiliations'],
      independent: Boolean(u.independent),
      certificationOfficerListed: Boolean(u.certificationOfficerListed),
      membership: (u.membership as number) ?? null,
      membershipYear: (u.membershipYear as number) ?? null,
      ...stamp(i),
      sectors: (u.sectors as string[]) ?? [],
      occupations: (u.occupations as string[]) ?? [],
      recognisedEmployers: [],
      logo: null,
      sources: (u.sources as SnapshotUnion['sources']) ?? [],
    }
  })

/** `count` networks on the seed networks' model, one per region and number. */
export const makeNetworks = (
  rng: Rng,
  count: number,
  seedNetworks: SeedRecord[],
  unions: SnapshotUnion[],
): SnapshotNetwork[] =>
  Array.from({ length: count }, (_, i) => {
    const w = seedNetworks[i % seedNetworks.length] as Record<string, unknown>
    const name = `${String(w.name).replace(/ \(demo\)$/, '')} ${pick(rng, REGIONS.slice(1))} ${i + 1}`
    const union = unions.find((u) => u.slug === w.relatedUnion)
    return {
      id: i + 1,
      name,
      slug: slugify(name),
      description: String(w.description),
      sector: w.sector as SnapshotNetwork['sector'],
      region: String(w.region),
      meets: (w.meets as string) ?? null,
      ...stamp(i),
      employer: null,
      relatedUnion: union ? { slug: union.slug, name: union.name } : null,
    }
  })

/** `count` petitions, each about a guide's subject. */
export const makePetitions = (
  rng: Rng,
  count: number,
  guides: SnapshotGuide[],
  all: Pool,
): SnapshotPetition[] =>
  Array.from({ length: count }, (_, i) => {
    const g = guides[i % guides.length]
    const title = `Fair rules on ${g.title.toLowerCase()} (${i + 1})`
    return {
      id: i + 1,
      title,
      slug: slugify(title),
      summary: g.summary ?? '',
      addressedTo: 'The Secretary of State for Business and Trade',
      whatWeWant: pick(rng, all.sentences),
      goal: pick(rng, [500, 1000, 5000, 10000]),
      opensAt: iso(EPOCH - between(rng, 0, 90) * DAY),
      closesAt: null,
      state: pick(rng, ['open', 'open', 'closed', 'delivered'] as const),
      showSignerNames: rng() < 0.5,
      signatureCount: between(rng, 0, 20000),
      ...stamp(i),
      whyHtml: `<p>${inline(sample(rng, all.sentences, 5).join(' '))}</p>`,
      updates: [],
    }
  })
