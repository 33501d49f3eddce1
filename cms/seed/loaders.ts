/**
 * One loader per collection for seed(): each creates its documents from the seed data, in the
 * generated types, and keeps their ids by slug for the loaders after it. Relations are by slug; a
 * slug that names nothing is reported (SeedDataError), not silently dropped.
 */
import type { Payload, RequiredDataFromCollectionSlug } from 'payload'
import { markdownToLexical } from '../richtext/markdownToLexical'
import {
  SeedDataError,
  type SeedGuide,
  type SeedNetwork,
  type SeedTemplate,
  type SeedTrainingSession,
  type SeedUnion,
} from './loadSeedData'
import { SEED_PETITIONS } from './petitions'
import { SEED_TOPICS } from './topics'

/** Seed writes skip the rebuild queue: the caller builds once at the end. */
const context = { skipRebuild: true }

type Nations = RequiredDataFromCollectionSlug<'guides'>['nations']

/** What has been seeded so far: ids by slug, for relations. */
export type Seeded = {
  payload: Payload
  /** When the seed ran: the guides' publishedAt and the petitions' opensAt. */
  now: string
  ids: Record<'topics' | 'guides' | 'templates' | 'unions', Map<string, number>>
}

export const startSeeding = (payload: Payload): Seeded => ({
  payload,
  now: new Date().toISOString(),
  ids: { topics: new Map(), guides: new Map(), templates: new Map(), unions: new Map() },
})

/** The ids of `slugs` in `kind`; `where` names the seed file for the error when one is missing. */
const lookup = (s: Seeded, kind: keyof Seeded['ids'], slugs: string[] | undefined, where: string) =>
  (slugs ?? []).map((slug) => {
    const id = s.ids[kind].get(slug)
    if (id === undefined) throw new SeedDataError(where, `refers to ${kind} "${slug}", which does not exist.`)
    return id
  })

/** The starting topics, in the home page's order. */
export const seedTopics = async (s: Seeded): Promise<void> => {
  for (const [order, t] of SEED_TOPICS.entries()) {
    const doc = await s.payload.create({
      collection: 'topics',
      data: { ...t, order: order + 1, _status: 'published' },
      context,
    })
    s.ids.topics.set(t.slug, doc.id)
  }
}

const guideData = (s: Seeded, g: SeedGuide): RequiredDataFromCollectionSlug<'guides'> => ({
  title: g.title,
  slug: g.slug,
  summary: g.summary,
  topics: lookup(s, 'topics', g.topics, `guides/${g.slug}.md`),
  nations: g.nations as Nations,
  nationsNote: g.nationsNote,
  alsoSearchedAs: g.alsoSearchedAs ?? [],
  keyFacts: (g.keyFacts ?? []).map((fact) => ({ fact })),
  body: markdownToLexical(g.body),
  steps: (g.steps ?? []).map((step) => ({ title: step.title, body: markdownToLexical(step.body) })),
  sources: g.sources ?? [],
  lastReviewed: g.lastReviewed,
  reviewDue: g.reviewDue,
  history: g.history ?? [],
  publishedAt: s.now,
  _status: 'published',
})

/** The guides, published; their links to each other and to templates come later (linkGuides). */
export const seedGuides = async (s: Seeded, guides: SeedGuide[]): Promise<void> => {
  for (const g of guides) {
    const doc = await s.payload.create({ collection: 'guides', context, data: guideData(s, g) })
    s.ids.guides.set(g.slug, doc.id)
  }
}

const templateData = (s: Seeded, t: SeedTemplate): RequiredDataFromCollectionSlug<'templates'> => ({
  title: t.title,
  slug: t.slug,
  summary: t.summary,
  kind: t.kind,
  subject: t.subject,
  topics: lookup(s, 'topics', t.topics, `templates/${t.slug}.md`),
  nations: t.nations as Nations,
  guidance: markdownToLexical(t.guidance),
  body: t.body,
  placeholders: t.placeholders.map((p) => ({
    ...p,
    required: p.required ?? true,
    multiline: p.multiline ?? false,
    type: p.type ?? 'text',
  })),
  optionalSections: (t.optionalSections ?? []).map((o) => ({ ...o, group: o.group ?? undefined })),
  relatedGuides: lookup(
    s,
    'guides',
    t.relatedGuides?.filter((slug) => s.ids.guides.has(slug)),
    `templates/${t.slug}.md`,
  ),
  sources: t.sources ?? [],
  lastReviewed: t.lastReviewed,
  _status: 'published',
})

/** The letter and email templates, published, with their guides. */
export const seedTemplates = async (s: Seeded, templates: SeedTemplate[]): Promise<void> => {
  for (const t of templates) {
    const doc = await s.payload.create({ collection: 'templates', context, data: templateData(s, t) })
    s.ids.templates.set(t.slug, doc.id)
  }
}

/** Guides link to templates and to each other: set once everything exists. */
export const linkGuides = async (s: Seeded, guides: SeedGuide[]): Promise<void> => {
  for (const g of guides) {
    const where = `guides/${g.slug}.md`
    const relatedGuides = lookup(
      s,
      'guides',
      g.relatedGuides?.filter((slug) => s.ids.guides.has(slug)),
      where,
    )
    const relatedTemplates = lookup(
      s,
      'templates',
      g.relatedTemplates?.filter((slug) => s.ids.templates.has(slug)),
      where,
    )
    if (relatedGuides.length || relatedTemplates.length)
      await s.payload.update({
        collection: 'guides',
        id: s.ids.guides.get(g.slug)!,
        data: { relatedGuides, relatedTemplates, _status: 'published' },
        context,
      })
  }
}

/** The unions directory. */
export const seedUnions = async (s: Seeded, unions: SeedUnion[]): Promise<void> => {
  for (const u of unions) {
    const doc = await s.payload.create({
      collection: 'unions',
      context,
      data: {
        ...u,
        joinUrl: u.joinUrl ?? undefined,
        membership: u.membership ?? undefined,
        membershipYear: u.membershipYear ?? undefined,
        independent: u.independent ?? false,
        certificationOfficerListed: u.certificationOfficerListed ?? false,
        _status: 'published',
      },
    })
    s.ids.unions.set(u.slug, doc.id)
  }
}

/** The workers' networks, each with its union if that union was seeded. */
export const seedNetworks = async (s: Seeded, networks: SeedNetwork[]): Promise<void> => {
  for (const n of networks) {
    await s.payload.create({
      collection: 'networks',
      context,
      data: {
        ...n,
        employer: n.employer ?? undefined,
        relatedUnion: n.relatedUnion ? s.ids.unions.get(n.relatedUnion) : undefined,
        _status: 'published',
      },
    })
  }
}

/** The training sessions, their descriptions from Markdown. */
export const seedTrainingSessions = async (s: Seeded, sessions: SeedTrainingSession[]): Promise<void> => {
  for (const t of sessions) {
    await s.payload.create({
      collection: 'training-sessions',
      context,
      data: {
        ...t,
        description: markdownToLexical(t.description ?? ''),
        topics: lookup(s, 'topics', t.topics, `training-sessions.json ${t.slug}`),
        venue: t.venue ?? undefined,
        address: t.address ?? undefined,
        externalUrl: t.externalUrl ?? undefined,
        _status: 'published',
      },
    })
  }
}

/** The demo petitions, open from now. */
export const seedPetitions = async (s: Seeded): Promise<void> => {
  for (const p of SEED_PETITIONS) {
    await s.payload.create({
      collection: 'petitions',
      context,
      data: {
        ...p,
        why: markdownToLexical(p.why),
        letter: 'letter' in p && p.letter ? markdownToLexical(p.letter) : null,
        opensAt: s.now,
        _status: 'published',
      },
    })
  }
}
