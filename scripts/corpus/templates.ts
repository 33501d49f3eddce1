/** The corpus's templates: the seed templates again and again, with qualified titles. */
import type { SnapshotGuide, SnapshotTemplate } from '../../content-models/snapshot'
import type { SeedTemplate } from '../../cms/seed/loadSeedData'
import { DAY, EPOCH, iso, stamp } from './dates'
import { inline, slugify } from './markdown'
import { QUALIFIERS, type Pool } from './pool'
import { between, pick, sample, type Rng } from './random'

/** `count` templates made from the seed templates, their guidance from the guides' sentences. */
export const makeTemplates = (
  rng: Rng,
  count: number,
  seedTemplates: SeedTemplate[],
  all: Pool,
  topicRef: (slug: string) => { slug: string; title: string },
): SnapshotTemplate[] =>
  Array.from({ length: count }, (_, i) => {
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

/** Links guides and templates both ways, as editors do. */
export const linkGuidesAndTemplates = (rng: Rng, guides: SnapshotGuide[], templates: SnapshotTemplate[]) => {
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
}
