/** The corpus's guides: the seed guides as they are, then recombinations of their pieces. */
import type { SnapshotGuide } from '../../content-models/snapshot'
import type { SeedGuide } from '../../cms/seed/loadSeedData'
import { DAY, EPOCH, iso, stamp } from './dates'
import { inline, renderMarkdown, slugify } from './markdown'
import { makeBody, NATION_SETS, QUALIFIERS, type Pool } from './pool'
import { between, pick, sample, type Rng } from './random'

/** The Markdown each generated guide's body and steps were made from, for loading the corpus into the CMS (scripts/bench/publish.ts). */
export const corpusMarkdown = new WeakMap<
  SnapshotGuide,
  { body: string; steps: { title: string; body: string }[] }
>()

/** What the guides are made from. */
export type GuideSources = {
  seedGuides: SeedGuide[]
  all: Pool
  byTopic: Map<string, Pool>
  topicRef: (slug: string) => { slug: string; title: string }
}

/** `count` guides: the seed guides first, then each seed subject with a qualifier, in a shuffled order. */
export const makeGuides = (rng: Rng, count: number, { seedGuides, all, byTopic, topicRef }: GuideSources) => {
  const combos = sample(
    rng,
    seedGuides.flatMap((g) => QUALIFIERS.map((q) => ({ g, q }))),
    Number.MAX_SAFE_INTEGER,
  )
  const guides: SnapshotGuide[] = []
  for (let i = 0; i < count; i++) {
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

  return guides
}
