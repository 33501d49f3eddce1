/**
 * What search knows about each thing on the site: the snapshot's guides, letters, training
 * sessions, unions and networks turned into one flat shape, with the fields search weighs.
 */
import type { Snapshot } from '../../../../content-models/snapshot'

import { SEARCH_TYPES, SEARCH_NATIONS, type SearchType } from '../../../../content-models/search/kinds'

export { SEARCH_TYPES, SEARCH_NATIONS, type SearchType }

/** One searchable thing. `nations` is empty when it is not tied to a nation (an online session). */
export type SearchDocument = {
  type: SearchType
  url: string
  title: string
  summary: string
  nations: string[]
  alsoSearchedAs: string
  headings: string
  body: string
}

/**
 * The weight of each field: a word in the title counts far more than the same word deep in the
 * body, and the words workers use ("sacked", "off sick") count nearly as much as the title.
 */
export const SEARCH_FIELDS = [
  { name: 'title', boost: 10 },
  { name: 'alsoSearchedAs', boost: 8 },
  { name: 'summary', boost: 5 },
  { name: 'headings', boost: 4 },
  { name: 'body', boost: 1 },
] as const
export type SearchField = (typeof SEARCH_FIELDS)[number]['name']

/** Guides are what most searches are for; other things count a little less on an equal match. */
export const TYPE_BOOSTS: Partial<Record<SearchType, number>> = { guide: 1.5 }

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  apos: "'",
  nbsp: ' ',
}

/** Plain text of safe snapshot HTML: tags become spaces, the common entities are decoded. */
export const htmlToText = (html: string | null | undefined): string =>
  (html ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#39|amp|lt|gt|quot|apos|nbsp);/g, (_, e: string) => ENTITIES[e] ?? ' ')
    .replace(/\s+/g, ' ')
    .trim()

const join = (parts: (string | null | undefined)[]): string => parts.filter(Boolean).join('. ')

type Guide = Snapshot['guides'][number]

/**
 * A guide's search document, its headings and body (read from the guide's long fields, which
 * the snapshot reader parses again from the file) made only when `long` is called.
 */
const guideParts = (g: Guide) => ({
  short: {
    type: 'guide' as const,
    url: `/guides/${g.slug}/`,
    title: g.title,
    summary: g.summary ?? '',
    nations: [...(g.nations ?? [])],
    alsoSearchedAs: join(g.alsoSearchedAs),
  },
  long: () => ({
    headings: join([...g.toc.map((t) => t.text), ...g.steps.map((st) => st.title)]),
    body: join([g.bodyText, ...g.keyFacts, ...g.steps.map((st) => htmlToText(st.html)), g.nationsNote]),
  }),
})

/** A guide's search document. */
export const guideDocument = (g: Guide): SearchDocument => {
  const { short, long } = guideParts(g)
  return { ...short, ...long() }
}

/**
 * A guide's search document whose headings and body are made when first read: the search index
 * reads them only for a guide whose analysis it does not have already (siteIndex.ts).
 */
export const lazyGuideDocument = (g: Guide): SearchDocument => {
  const { short, long } = guideParts(g)
  let made: ReturnType<typeof long> | undefined
  const doc = { ...short } as SearchDocument
  for (const key of ['headings', 'body'] as const)
    Object.defineProperty(doc, key, { enumerable: true, get: () => (made ??= long())[key] })
  return doc
}

/** Every searchable thing in a snapshot, guides first (the order is the document number). */
export const documentsFromSnapshot = (
  s: Pick<Snapshot, 'guides' | 'templates' | 'training-sessions' | 'unions' | 'networks'>,
): SearchDocument[] => [
  ...s.guides.map(guideDocument),
  ...s.templates.map((t) => ({
    type: 'template' as const,
    url: `/templates/${t.slug}/`,
    title: t.title,
    summary: t.summary ?? '',
    nations: [...(t.nations ?? [])],
    alsoSearchedAs: join([
      t.kind === 'email' ? 'email template' : 'letter template',
      ...t.topics.map((x) => x.title),
    ]),
    headings: join(t.optionalSections.map((o) => o.label)),
    body: join([htmlToText(t.guidanceHtml), t.nationsNote]),
  })),
  ...s['training-sessions'].map((t) => ({
    type: 'training' as const,
    url: `/training/${t.slug}/`,
    title: t.title,
    summary: t.summary ?? '',
    nations: [],
    alsoSearchedAs: join(['training course', t.region, ...t.topics.map((x) => x.title)]),
    headings: '',
    body: join([htmlToText(t.descriptionHtml), t.facilitator, t.venue]),
  })),
  ...s.unions.map((u) => ({
    type: 'union' as const,
    url: `/unions/${u.slug}/`,
    title: u.shortName && u.shortName !== u.name ? `${u.name} (${u.shortName})` : u.name,
    summary: u.description ?? '',
    nations: [...(u.nations ?? [])],
    alsoSearchedAs: join(['trade union', ...u.occupations, ...u.sectors.map((x) => x.replace(/-/g, ' '))]),
    headings: '',
    body: join([u.nationsNote, ...u.recognisedEmployers]),
  })),
  ...s.networks.map((n) => ({
    type: 'network' as const,
    url: `/networks/${n.slug}/`,
    title: n.name,
    summary: n.description ?? '',
    nations: [],
    alsoSearchedAs: join(['support network', n.sector?.replace(/-/g, ' '), n.region, n.employer]),
    headings: '',
    body: join([n.meets, n.relatedUnion?.name]),
  })),
]

/**
 * The identity of the code that makes a guide's search document from the guide: an analysis kept
 * by a guide's bytes is used only by the same code (siteIndex.ts).
 */
export const GUIDE_DOCUMENT_CODE = [guideParts, join, htmlToText, JSON.stringify(ENTITIES)]
  .map(String)
  .join('\n')
