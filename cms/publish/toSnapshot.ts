/** Maps Payload documents (depth 1) to the snapshot shapes the site builds from. */
import type {
  Guide,
  Media,
  Network,
  Petition,
  SiteSetting,
  Template,
  Topic,
  TrainingSession,
  Union,
} from '../../content-models/payload-types'
import { renderRichText } from '../richtext/lexicalToHtml'
import {
  milestoneViews,
  publicPlaceCounts,
  supportBars,
} from '../../content-models/collections/Petitions/progress'
import { PLACE_LABELS } from '../campaigns/placeLabels'
import { CAMPAIGN_KINDS, campaignKind } from '../../content-models/collections/Petitions/kinds'
import type {
  SnapshotGuide,
  SnapshotNetwork,
  SnapshotPetition,
  SnapshotSignatory,
  SnapshotSigner,
  SnapshotRef,
  SnapshotSettings,
  SnapshotSource,
  SnapshotTemplate,
  SnapshotTopic,
  SnapshotTrainingSession,
  SnapshotUnion,
} from '../../content-models/snapshot'

type Related =
  { slug?: string | null; title?: string | null; summary?: string | null } | number | null | undefined

/**
 * Keeps only populated relations, so an unpublished or deleted document never appears as a link.
 * (Payload leaves an id, not a document, where the reader may not see the target.)
 */
export const refs = (items: Related[] | null | undefined): SnapshotRef[] =>
  (items ?? []).flatMap((item) =>
    item && typeof item === 'object' && item.slug && item.title
      ? [{ slug: item.slug, title: item.title, ...(item.summary ? { summary: item.summary } : {}) }]
      : [],
  )

const sources = (list: { title: string; url: string }[] | null | undefined): SnapshotSource[] =>
  (list ?? []).map(({ title, url }) => ({ title, url }))

const dates = (doc: { createdAt: string; updatedAt: string }) => ({
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
})

export const topicToSnapshot = (t: Topic): SnapshotTopic => ({
  id: t.id,
  title: t.title,
  slug: t.slug,
  description: t.description ?? null,
  order: t.order ?? 100,
  ...dates(t),
})

/**
 * A guide's snapshot entry. `reviewerName` is the reviewer's display name when the read left
 * `reviewedBy` as a bare id (staff accounts are private): exportSnapshot looks it up.
 */
export const guideToSnapshot = (g: Guide, reviewerName?: string | null): SnapshotGuide => {
  const body = renderRichText(g.body)
  const reviewer = g.reviewedBy && typeof g.reviewedBy === 'object' ? g.reviewedBy : null
  return {
    id: g.id,
    title: g.title,
    slug: g.slug,
    summary: g.summary,
    nations: g.nations ?? [],
    nationsNote: g.nationsNote ?? null,
    lastReviewed: g.lastReviewed ?? null,
    reviewDue: g.reviewDue ?? null,
    publishedAt: g.publishedAt ?? g.createdAt,
    ...dates(g),
    alsoSearchedAs: g.alsoSearchedAs ?? [],
    topics: refs(g.topics as Related[]),
    keyFacts: (g.keyFacts ?? []).map((k) => k.fact),
    bodyHtml: body.html,
    bodyText: body.text,
    toc: body.toc,
    steps: (g.steps ?? []).map((s) => ({ title: s.title, html: renderRichText(s.body).html })),
    relatedGuides: refs(g.relatedGuides as Related[]),
    relatedTemplates: refs(g.relatedTemplates as Related[]),
    sources: sources(g.sources),
    history: (g.history ?? []).map((h) => ({ date: h.date, note: h.note })),
    // Only a reviewer's display name is public, never their email.
    reviewedBy: reviewerName ?? reviewer?.name ?? null,
  }
}

export const templateToSnapshot = (t: Template): SnapshotTemplate => ({
  id: t.id,
  title: t.title,
  slug: t.slug,
  summary: t.summary,
  kind: t.kind,
  subject: t.subject ?? null,
  nations: t.nations ?? [],
  nationsNote: t.nationsNote ?? null,
  body: t.body,
  lastReviewed: t.lastReviewed ?? null,
  reviewDue: t.reviewDue ?? null,
  ...dates(t),
  topics: refs(t.topics as Related[]),
  guidanceHtml: renderRichText(t.guidance).html,
  placeholders: (t.placeholders ?? []).map((p) => ({
    key: p.key,
    label: p.label,
    hint: p.hint ?? null,
    example: p.example ?? null,
    required: p.required ?? true,
    multiline: p.multiline ?? false,
    type: p.type === 'date' ? 'date' : 'text',
  })),
  optionalSections: (t.optionalSections ?? []).map((s) => ({
    key: s.key,
    label: s.label,
    group: s.group || null,
    default: s.default ?? false,
  })),
  relatedGuides: refs(t.relatedGuides as Related[]),
  sources: sources(t.sources),
})

export const sessionToSnapshot = (s: TrainingSession): SnapshotTrainingSession => ({
  id: s.id,
  title: s.title,
  slug: s.slug,
  summary: s.summary,
  format: s.format,
  start: s.start,
  end: s.end,
  venue: s.venue ?? null,
  address: s.address ?? null,
  region: s.region ?? null,
  accessibility: s.accessibility ?? null,
  capacity: s.capacity ?? null,
  registration: s.registration,
  externalUrl: s.externalUrl ?? null,
  facilitator: s.facilitator ?? null,
  status: s.status,
  ...dates(s),
  descriptionHtml: renderRichText(s.description).html,
  topics: refs(s.topics as Related[]),
})

export const unionToSnapshot = (u: Union): SnapshotUnion => {
  const logo = u.logo && typeof u.logo === 'object' ? (u.logo as Media) : null
  return {
    id: u.id,
    name: u.name,
    shortName: u.shortName ?? null,
    slug: u.slug,
    website: u.website,
    joinUrl: u.joinUrl ?? null,
    description: u.description,
    nations: u.nations ?? [],
    nationsNote: u.nationsNote ?? null,
    affiliations: u.affiliations ?? [],
    independent: u.independent ?? null,
    certificationOfficerListed: u.certificationOfficerListed ?? null,
    membership: u.membership ?? null,
    membershipYear: u.membershipYear ?? null,
    ...dates(u),
    sectors: u.sectors ?? [],
    occupations: u.occupations ?? [],
    recognisedEmployers: u.recognisedEmployers ?? [],
    logo: logo?.url
      ? { url: logo.url, alt: logo.alt, width: logo.width ?? null, height: logo.height ?? null }
      : null,
    sources: sources(u.sources),
  }
}

export const networkToSnapshot = (n: Network): SnapshotNetwork => {
  const union = n.relatedUnion && typeof n.relatedUnion === 'object' ? (n.relatedUnion as Union) : null
  return {
    id: n.id,
    name: n.name,
    slug: n.slug,
    description: n.description,
    sector: n.sector,
    region: n.region,
    meets: n.meets ?? null,
    ...dates(n),
    employer: n.hideEmployer ? null : (n.employer ?? null),
    relatedUnion: union ? { slug: union.slug, name: union.name } : null,
  }
}

/** How many recent signers a petition page shows. */
export const RECENT_SIGNERS_SHOWN = 20

/**
 * What the public may see of a signer who asked to be shown: the first word of their name (so a
 * surname never leaks) and their region. Null when nothing is left to show (an anonymised name).
 * @example signerToSnapshot({ name: 'Tom  Walker', region: 'North West England' }) // { firstName: 'Tom', area: 'North West England' }
 */
export const signerToSnapshot = (s: {
  name?: string | null
  region?: string | null
}): SnapshotSigner | null => {
  const firstName = (s.name ?? '').trim().split(/\s+/)[0]?.slice(0, 40) ?? ''
  if (!firstName) return null
  return { firstName, area: s.region?.trim() || null }
}

export const petitionToSnapshot = (
  p: Petition,
  recentSigners: SnapshotSigner[] = [],
  signatories: SnapshotSignatory[] = [],
): SnapshotPetition => ({
  id: p.id,
  kind: campaignKind(p.kind),
  // An open letter's own parts; a petition has neither.
  ...(campaignKind(p.kind) === CAMPAIGN_KINDS.OPEN_LETTER
    ? { letterHtml: renderRichText(p.letter).html, signatories }
    : { letterHtml: '', signatories: [] }),
  title: p.title,
  slug: p.slug,
  summary: p.summary,
  addressedTo: p.addressedTo,
  whatWeWant: p.whatWeWant,
  goal: p.goal,
  opensAt: p.opensAt ?? null,
  closesAt: p.closesAt ?? null,
  state: p.state,
  showSignerNames: p.showSignerNames ?? false,
  signatureCount: p.signatureCount ?? 0,
  ...dates(p),
  whyHtml: renderRichText(p.why).html,
  updates: (p.updates ?? []).map((u) => ({ date: u.date, text: u.text })),
  // Never trust the caller alone: a petition that does not allow names shows none.
  recentSigners: p.showSignerNames ? recentSigners.slice(0, RECENT_SIGNERS_SHOWN) : [],
  milestones: milestoneViews(p.milestones, p.milestonesReached),
  // Counts only, small places added up: nothing here can point at a signer.
  support: {
    byNation: supportBars(publicPlaceCounts(p.countsByNation as Record<string, number> | null), PLACE_LABELS),
    byRegion: supportBars(publicPlaceCounts(p.countsByRegion as Record<string, number> | null), PLACE_LABELS),
    labels: PLACE_LABELS,
  },
})

export const settingsToSnapshot = (s: SiteSetting): SnapshotSettings => ({
  siteName: s.siteName,
  tagline: s.tagline ?? null,
  homeIntro: s.homeIntro ?? null,
  contactEmail: s.contactEmail ?? null,
  privacyHtml: renderRichText(s.privacyNotice).html,
})
