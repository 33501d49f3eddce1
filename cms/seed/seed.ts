import path from 'node:path'
import type { Payload } from 'payload'
import { markdownToLexical } from '../richtext/markdownToLexical'
import { loadGuides, loadJson, loadTemplates, SeedDataError } from './loadSeedData'
import { SEED_PETITIONS } from './petitions'
import { SEED_TOPICS } from './topics'

export type SeedResult = Record<
  'topics' | 'guides' | 'templates' | 'unions' | 'networks' | 'trainingSessions' | 'petitions',
  number
>

type Progress = (message: string) => void

/** Seeds writes skip the rebuild queue: the caller builds once at the end. */
const context = { skipRebuild: true }

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
  const unionsFile = await loadJson<{ unions: any[] }>(path.join(dir, 'unions.json'), { unions: [] })
  const networksFile = await loadJson<{ networks: any[] }>(path.join(dir, 'networks.json'), { networks: [] })
  const sessionsFile = await loadJson<{ sessions: any[] }>(path.join(dir, 'training-sessions.json'), {
    sessions: [],
  })

  const ids = {
    topics: new Map<string, number>(),
    guides: new Map<string, number>(),
    templates: new Map<string, number>(),
    unions: new Map<string, number>(),
  }
  const lookup = (kind: keyof typeof ids, slugs: string[] | undefined, where: string) =>
    (slugs ?? []).map((slug) => {
      const id = ids[kind].get(slug)
      if (id === undefined)
        throw new SeedDataError(where, `refers to ${kind} "${slug}", which does not exist.`)
      return id
    })

  progress(`topics (${SEED_TOPICS.length})`)
  for (const [order, t] of SEED_TOPICS.entries()) {
    const doc = await payload.create({ collection: 'topics', data: { ...t, order: order + 1 }, context })
    ids.topics.set(t.slug, doc.id)
  }

  progress(`guides (${guides.length})`)
  const now = new Date().toISOString()
  for (const g of guides) {
    const doc = await payload.create({
      collection: 'guides',
      context,
      data: {
        title: g.title,
        slug: g.slug,
        summary: g.summary,
        topics: lookup('topics', g.topics, `guides/${g.slug}.md`),
        nations: g.nations as ('england-wales' | 'scotland' | 'northern-ireland')[],
        nationsNote: g.nationsNote,
        alsoSearchedAs: g.alsoSearchedAs ?? [],
        keyFacts: (g.keyFacts ?? []).map((fact) => ({ fact })),
        body: markdownToLexical(g.body) as never,
        steps: (g.steps ?? []).map((s) => ({ title: s.title, body: markdownToLexical(s.body) as never })),
        sources: g.sources ?? [],
        lastReviewed: g.lastReviewed,
        reviewDue: g.reviewDue,
        history: g.history ?? [],
        publishedAt: now,
        _status: 'published',
      },
    })
    ids.guides.set(g.slug, doc.id)
  }

  progress(`templates (${templates.length})`)
  for (const t of templates) {
    const doc = await payload.create({
      collection: 'templates',
      context,
      data: {
        title: t.title,
        slug: t.slug,
        summary: t.summary,
        kind: t.kind,
        subject: t.subject,
        topics: lookup('topics', t.topics, `templates/${t.slug}.md`),
        nations: t.nations as ('england-wales' | 'scotland' | 'northern-ireland')[],
        guidance: markdownToLexical(t.guidance) as never,
        body: t.body,
        placeholders: t.placeholders.map((p) => ({
          ...p,
          required: p.required ?? true,
          multiline: p.multiline ?? false,
          type: p.type ?? 'text',
        })),
        optionalSections: (t.optionalSections ?? []).map((s) => ({ ...s, group: s.group ?? undefined })),
        relatedGuides: lookup(
          'guides',
          t.relatedGuides?.filter((s) => ids.guides.has(s)),
          `templates/${t.slug}.md`,
        ),
        sources: t.sources ?? [],
        lastReviewed: t.lastReviewed,
        _status: 'published',
      },
    })
    ids.templates.set(t.slug, doc.id)
  }

  // Guides link to templates and to each other: set once everything exists.
  for (const g of guides) {
    const relatedGuides = lookup(
      'guides',
      g.relatedGuides?.filter((s) => ids.guides.has(s)),
      `guides/${g.slug}.md`,
    )
    const relatedTemplates = lookup(
      'templates',
      g.relatedTemplates?.filter((s) => ids.templates.has(s)),
      `guides/${g.slug}.md`,
    )
    if (relatedGuides.length || relatedTemplates.length)
      await payload.update({
        collection: 'guides',
        id: ids.guides.get(g.slug)!,
        data: { relatedGuides, relatedTemplates, _status: 'published' },
        context,
      })
  }

  progress(`unions (${unionsFile.unions.length})`)
  for (const u of unionsFile.unions) {
    const doc = await payload.create({
      collection: 'unions',
      context,
      data: {
        ...u,
        joinUrl: u.joinUrl ?? undefined,
        membership: u.membership ?? undefined,
        membershipYear: u.membershipYear ?? undefined,
        independent: u.independent ?? false,
        certificationOfficerListed: u.certificationOfficerListed ?? false,
      },
    })
    ids.unions.set(u.slug, doc.id)
  }

  progress(`networks (${networksFile.networks.length})`)
  for (const n of networksFile.networks) {
    await payload.create({
      collection: 'networks',
      context,
      data: {
        ...n,
        employer: n.employer ?? undefined,
        relatedUnion:
          n.relatedUnion && ids.unions.has(n.relatedUnion) ? ids.unions.get(n.relatedUnion) : undefined,
      },
    })
  }

  progress(`training sessions (${sessionsFile.sessions.length})`)
  for (const s of sessionsFile.sessions) {
    await payload.create({
      collection: 'training-sessions',
      context,
      data: {
        ...s,
        description: markdownToLexical(s.description ?? '') as never,
        topics: lookup('topics', s.topics, `training-sessions.json ${s.slug}`),
        venue: s.venue ?? undefined,
        address: s.address ?? undefined,
        externalUrl: s.externalUrl ?? undefined,
      },
    })
  }

  progress(`petitions (${SEED_PETITIONS.length})`)
  for (const p of SEED_PETITIONS) {
    await payload.create({
      collection: 'petitions',
      context,
      data: { ...p, why: markdownToLexical(p.why) as never, opensAt: now },
    })
  }

  return {
    topics: SEED_TOPICS.length,
    guides: guides.length,
    templates: templates.length,
    unions: unionsFile.unions.length,
    networks: networksFile.networks.length,
    trainingSessions: sessionsFile.sessions.length,
    petitions: SEED_PETITIONS.length,
  }
}
