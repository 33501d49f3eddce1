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
import type {
  Snapshot,
  SnapshotGuide,
  SnapshotNetwork,
  SnapshotPetition,
  SnapshotTemplate,
  SnapshotTopic,
  SnapshotTrainingSession,
  SnapshotUnion,
} from '../content-models/snapshot'
import { loadGuides, loadJson, loadTemplates, type SeedGuide } from '../cms/seed/loadSeedData'
import { SEED_TOPICS } from '../cms/seed/topics'
import { SECTORS } from '../content-models/constants'

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
const EPOCH = Date.parse('2026-11-29T12:00:00.000Z')
const DAY = 86_400_000

/** mulberry32: a small, fast, seeded PRNG, so the corpus is the same on every run. */
export const seededRandom = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

type Rng = () => number
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]
const between = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1))
const sample = <T>(rng: Rng, list: readonly T[], n: number): T[] => {
  const copy = [...list]
  const out: T[] = []
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(rng() * copy.length), 1)[0])
  return out
}
const slugify = (s: string) =>
  s
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
const iso = (ms: number) => new Date(ms).toISOString()
const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
const inline = (s: string) =>
  escapeHtml(s)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\((https:[^)\s]+)\)/g, '<a href="$2">$1</a>')
const plain = (s: string) => s.replace(/\*\*(.+?)\*\*/g, '$1').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')

/** The pieces guides are recombined from, per topic and overall. */
type Pool = {
  sentences: string[]
  headings: string[]
  listItems: string[]
  keyFacts: string[]
  steps: { title: string; body: string }[]
  phrases: string[]
  summaries: string[]
}

const emptyPool = (): Pool => ({
  sentences: [],
  headings: [],
  listItems: [],
  keyFacts: [],
  steps: [],
  phrases: [],
  summaries: [],
})

const addToPool = (pool: Pool, g: SeedGuide) => {
  for (const line of g.body.split('\n')) {
    const l = line.trim()
    if (/^#{2,3} /.test(l)) pool.headings.push(l.replace(/^#+ /, ''))
    else if (/^(-|\d+\.) /.test(l)) pool.listItems.push(l.replace(/^(-|\d+\.) /, ''))
    else if (l) pool.sentences.push(...(l.match(/[^.!?]+[.!?]+/g) ?? [l]).map((s) => s.trim()))
  }
  pool.keyFacts.push(...(g.keyFacts ?? []))
  pool.steps.push(...(g.steps ?? []))
  pool.phrases.push(...(g.alsoSearchedAs ?? []))
  pool.summaries.push(g.summary)
}

const QUALIFIERS = [
  'for agency workers',
  'on a zero-hours contract',
  'when you work part time',
  'for night workers',
  'for apprentices',
  'for young workers',
  'when you have two jobs',
  'after a TUPE transfer',
  'in your first year',
  'when you work from home',
  'on a fixed-term contract',
  'for shift workers',
  ...SECTORS.filter((s) => s.value !== 'other').map((s) => `in ${s.label.toLowerCase()}`),
]

const NATION_SETS = [
  ['england-wales', 'scotland'],
  ['england-wales', 'scotland', 'northern-ireland'],
  ['england-wales'],
  ['northern-ireland'],
  ['scotland'],
]

/** A body of 6–9 sections in the seed guides' Markdown subset, about 800 words. */
const makeBody = (rng: Rng, local: Pool, all: Pool): string => {
  const from = (key: 'sentences' | 'headings' | 'listItems') =>
    rng() < 0.7 && local[key].length ? pick(rng, local[key]) : pick(rng, all[key])
  const parts: string[] = []
  const sections = between(rng, 6, 9)
  for (let s = 0; s < sections; s++) {
    parts.push(`## ${from('headings')}`)
    const paras = between(rng, 2, 4)
    for (let p = 0; p < paras; p++)
      parts.push(Array.from({ length: between(rng, 2, 4) }, () => from('sentences')).join(' '))
    if (rng() < 0.5)
      parts.push(Array.from({ length: between(rng, 3, 5) }, () => `- ${from('listItems')}`).join('\n'))
  }
  return parts.join('\n\n')
}

/** The seed guides' Markdown subset as HTML, with the headings' contents list. */
const renderMarkdown = (md: string) => {
  const toc: SnapshotGuide['toc'] = []
  const used = new Map<string, number>()
  const html = md
    .split(/\n{2,}/)
    .map((block) => {
      const h = block.match(/^(#{2,3}) (.+)$/)
      if (h) {
        const base = slugify(h[2]) || 'section'
        const n = used.get(base) ?? 0
        used.set(base, n + 1)
        const id = n ? `${base}-${n + 1}` : base
        toc.push({ id, text: plain(h[2]), level: h[1].length as 2 | 3 } as SnapshotGuide['toc'][number])
        return `<h${h[1].length} id="${id}">${inline(h[2])}</h${h[1].length}>`
      }
      if (block.startsWith('- '))
        return `<ul>${block
          .split('\n')
          .map((li) => `<li>${inline(li.slice(2))}</li>`)
          .join('')}</ul>`
      return `<p>${inline(block)}</p>`
    })
    .join('')
  return { html, toc, text: plain(md.replace(/^#+ /gm, '').replace(/^- /gm, '')).replace(/\s+/g, ' ').trim() }
}

/** Builds the whole corpus in memory. */
/** The Markdown each generated guide's body and steps were made from, for loading the corpus into the CMS (scripts/bench/publish.ts). */
export const corpusMarkdown = new WeakMap<
  SnapshotGuide,
  { body: string; steps: { title: string; body: string }[] }
>()

export const generateCorpus = async (size: Partial<CorpusSize> = {}, seed = 42): Promise<Snapshot> => {
  const n = { ...DEFAULT_CORPUS_SIZE, ...size }
  const rng = seededRandom(seed)
  const seedGuides = (await loadGuides(path.join(SEED_DIR, 'guides'))).sort((a, b) =>
    a.slug.localeCompare(b.slug),
  )
  const seedTemplates = (await loadTemplates(path.join(SEED_DIR, 'templates'))).sort((a, b) =>
    a.slug.localeCompare(b.slug),
  )
  const seedUnions = (
    await loadJson<{ unions: Record<string, unknown>[] }>(path.join(SEED_DIR, 'unions.json'), { unions: [] })
  ).unions
  const seedNetworks = (
    await loadJson<{ networks: Record<string, unknown>[] }>(path.join(SEED_DIR, 'networks.json'), {
      networks: [],
    })
  ).networks
  const seedSessions = (
    await loadJson<{ sessions: Record<string, unknown>[] }>(path.join(SEED_DIR, 'training-sessions.json'), {
      sessions: [],
    })
  ).sessions

  const stamp = (i: number) => ({
    createdAt: iso(EPOCH - (i % 400) * DAY),
    updatedAt: iso(EPOCH - (i % 90) * DAY),
  })
  const topics: SnapshotTopic[] = SEED_TOPICS.map((t, i) => ({
    id: i + 1,
    title: t.title,
    slug: t.slug,
    description: t.description,
    order: i + 1,
    ...stamp(i),
  }))
  const topicRef = (slug: string) => ({ slug, title: topics.find((t) => t.slug === slug)?.title ?? slug })

  const all = emptyPool()
  const byTopic = new Map<string, Pool>()
  for (const g of seedGuides) {
    addToPool(all, g)
    for (const t of g.topics) {
      if (!byTopic.has(t)) byTopic.set(t, emptyPool())
      addToPool(byTopic.get(t)!, g)
    }
  }

  // Titles: the seed guides as they are first, then each seed subject with a qualifier, in a shuffled order.
  const combos = sample(
    rng,
    seedGuides.flatMap((g) => QUALIFIERS.map((q) => ({ g, q }))),
    Number.MAX_SAFE_INTEGER,
  )
  const guides: SnapshotGuide[] = []
  for (let i = 0; i < n.guides; i++) {
    const base =
      i < seedGuides.length ? { g: seedGuides[i], q: '' } : combos[(i - seedGuides.length) % combos.length]
    const round = i < seedGuides.length ? 0 : Math.floor((i - seedGuides.length) / combos.length)
    const title = `${base.g.title}${base.q ? ` ${base.q}` : ''}${round ? ` (${round + 1})` : ''}`
    const local = byTopic.get(base.g.topics[0]) ?? all
    const md = i < seedGuides.length ? base.g.body : makeBody(rng, local, all)
    const { html, toc, text } = renderMarkdown(md)
    const reviewed = EPOCH - between(rng, 0, 300) * DAY
    const steps = sample(rng, local.steps, between(rng, 2, 6))
    const guide: SnapshotGuide = {
      id: i + 1,
      title,
      slug: slugify(title),
      summary: i < seedGuides.length ? base.g.summary : pick(rng, local.summaries),
      nations: (i < seedGuides.length ? base.g.nations : pick(rng, NATION_SETS)) as SnapshotGuide['nations'],
      nationsNote: base.g.nationsNote ?? null,
      lastReviewed: iso(reviewed),
      reviewDue: iso(reviewed + 182 * DAY),
      publishedAt: iso(reviewed - 30 * DAY),
      ...stamp(i),
      alsoSearchedAs:
        i < seedGuides.length
          ? (base.g.alsoSearchedAs ?? [])
          : sample(rng, local.phrases, between(rng, 4, 7)),
      topics: base.g.topics.map(topicRef),
      keyFacts: sample(rng, local.keyFacts, between(rng, 2, 5)),
      bodyHtml: html,
      bodyText: text,
      toc,
      steps: steps.map((s) => ({ title: s.title, html: `<p>${inline(s.body)}</p>` })),
      relatedGuides: [],
      relatedTemplates: [],
      sources: base.g.sources ?? [],
      history: [{ date: iso(reviewed - 30 * DAY), note: 'First published.' }],
      reviewedBy: null,
    }
    guides.push(guide)
    corpusMarkdown.set(guide, { body: md, steps: steps.map((s) => ({ title: s.title, body: s.body })) })
  }

  const templates: SnapshotTemplate[] = Array.from({ length: n.templates }, (_, i) => {
    const t = seedTemplates[i % seedTemplates.length]
    const round = Math.floor(i / seedTemplates.length)
    const title = round
      ? `${t.title} ${QUALIFIERS[(round - 1) % QUALIFIERS.length]}${round > QUALIFIERS.length ? ` (${round})` : ''}`
      : t.title
    const guidance = Array.from({ length: between(rng, 4, 8) }, () => pick(rng, all.sentences)).join(' ')
    return {
      id: i + 1,
      title,
      slug: slugify(title),
      summary: t.summary,
      kind: t.kind,
      subject: t.subject ?? null,
      nations: t.nations as SnapshotTemplate['nations'],
      nationsNote: null,
      body: t.body,
      lastReviewed: iso(EPOCH - (i % 200) * DAY),
      ...stamp(i),
      topics: (t.topics ?? []).map(topicRef),
      guidanceHtml: `<p>${inline(guidance)}</p>`,
      placeholders: t.placeholders.map((p) => ({
        key: p.key,
        label: p.label,
        hint: p.hint ?? null,
        example: p.example ?? null,
        required: p.required ?? false,
        multiline: p.multiline ?? false,
        type: p.type ?? 'text',
      })),
      optionalSections: (t.optionalSections ?? []).map((o) => ({
        key: o.key,
        label: o.label,
        group: o.group ?? null,
        default: o.default ?? false,
      })),
      relatedGuides: [],
      sources: t.sources ?? [],
    }
  })
  // Link guides and templates both ways, as editors do.
  guides.forEach((g, i) => {
    g.relatedGuides = sample(rng, guides, 3)
      .filter((x) => x !== g)
      .map((x) => ({ slug: x.slug, title: x.title, summary: x.summary }))
    g.relatedTemplates = [templates[i % templates.length]].map((t) => ({
      slug: t.slug,
      title: t.title,
      summary: t.summary,
    }))
  })
  templates.forEach(
    (t, i) =>
      (t.relatedGuides = [guides[i % guides.length]].map((g) => ({
        slug: g.slug,
        title: g.title,
        summary: g.summary,
      }))),
  )

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
  const sessions: SnapshotTrainingSession[] = Array.from({ length: n.sessions }, (_, i) => {
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

  const unions: SnapshotUnion[] = Array.from({ length: n.unions }, (_, i) => {
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

  const networks: SnapshotNetwork[] = Array.from({ length: n.networks }, (_, i) => {
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

  const petitions: SnapshotPetition[] = Array.from({ length: n.petitions }, (_, i) => {
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
      schemaVersion: 1,
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
