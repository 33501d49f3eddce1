/**
 * The snapshot: the only interface between the CMS and the static site. Each public collection is
 * exported to data/snapshot/<collection>.json as an array of these shapes, derived from the
 * generated payload-types.ts, with relationships flattened to links and rich text rendered to safe
 * HTML. The site imports only these types, never Payload.
 */
import type { MilestoneView, SupportBar } from './collections/Petitions/progress'
import type { CampaignKind } from './collections/Petitions/kinds'
import type {
  Guide,
  Network,
  Petition,
  SiteSetting,
  Template,
  Topic,
  TrainingSession,
  Union,
} from './payload-types'

/**
 * The version of the snapshot's shapes below, written into every snapshot's meta.json by the
 * export and checked by the site when it loads one, so a site never builds from a snapshot it
 * would misread. Raise it when a change here would break a site reading an older snapshot (a
 * field renamed, removed or retyped, or a new field the site needs); an optional addition does
 * not need it.
 */
export const SNAPSHOT_SCHEMA_VERSION = 1

/** A heading in a guide's table of contents. */
export type TocEntry = { id: string; text: string; level: 2 | 3 }

/** A link to another snapshot document. */
export type SnapshotRef = { slug: string; title: string; summary?: string | null }
export type SnapshotSource = { title: string; url: string }

type Dates = { createdAt: string; updatedAt: string }

export type SnapshotTopic = Pick<Topic, 'id' | 'title' | 'slug' | 'description' | 'order'> & Dates

export type SnapshotGuide = Pick<
  Guide,
  | 'id'
  | 'title'
  | 'slug'
  | 'summary'
  | 'nations'
  | 'nationsNote'
  | 'lastReviewed'
  | 'reviewDue'
  | 'publishedAt'
> &
  Dates & {
    alsoSearchedAs: string[]
    topics: SnapshotRef[]
    keyFacts: string[]
    bodyHtml: string
    /** Plain text of the body, for search. */
    bodyText: string
    toc: TocEntry[]
    steps: { title: string; html: string }[]
    relatedGuides: SnapshotRef[]
    relatedTemplates: SnapshotRef[]
    sources: SnapshotSource[]
    history: { date: string; note: string }[]
    reviewedBy: string | null
  }

export type SnapshotTemplate = Pick<
  Template,
  | 'id'
  | 'title'
  | 'slug'
  | 'summary'
  | 'kind'
  | 'subject'
  | 'nations'
  | 'nationsNote'
  | 'body'
  | 'lastReviewed'
  | 'reviewDue'
> &
  Dates & {
    topics: SnapshotRef[]
    guidanceHtml: string
    placeholders: {
      key: string
      label: string
      hint: string | null
      example: string | null
      required: boolean
      multiline: boolean
      type: 'text' | 'date'
    }[]
    optionalSections: { key: string; label: string; group: string | null; default: boolean }[]
    relatedGuides: SnapshotRef[]
    sources: SnapshotSource[]
  }

export type SnapshotTrainingSession = Pick<
  TrainingSession,
  | 'id'
  | 'title'
  | 'slug'
  | 'summary'
  | 'format'
  | 'start'
  | 'end'
  | 'venue'
  | 'address'
  | 'region'
  | 'accessibility'
  | 'capacity'
  | 'registration'
  | 'externalUrl'
  | 'facilitator'
  | 'status'
> &
  Dates & { descriptionHtml: string; topics: SnapshotRef[] }

export type SnapshotUnion = Pick<
  Union,
  | 'id'
  | 'name'
  | 'shortName'
  | 'slug'
  | 'website'
  | 'joinUrl'
  | 'description'
  | 'nations'
  | 'nationsNote'
  | 'affiliations'
  | 'independent'
  | 'certificationOfficerListed'
  | 'membership'
  | 'membershipYear'
> &
  Dates & {
    sectors: string[]
    occupations: string[]
    recognisedEmployers: string[]
    logo: { url: string; alt: string; width: number | null; height: number | null } | null
    sources: SnapshotSource[]
  }

export type SnapshotNetwork = Pick<
  Network,
  'id' | 'name' | 'slug' | 'description' | 'sector' | 'region' | 'meets'
> &
  Dates & { employer: string | null; relatedUnion: { slug: string; name: string } | null }

export type SnapshotPetition = Pick<
  Petition,
  | 'id'
  | 'title'
  | 'slug'
  | 'summary'
  | 'addressedTo'
  | 'whatWeWant'
  | 'goal'
  | 'opensAt'
  | 'closesAt'
  | 'state'
  | 'showSignerNames'
  | 'signatureCount'
> &
  Dates & {
    whyHtml: string
    updates: { date: string; text: string }[]
    /**
     * The latest confirmed signers who asked to be shown, only when the petition allows it:
     * first name and region, nothing else. Empty for every other petition. Optional because
     * snapshots made before it existed (and hand-written fixtures) do not have it.
     */
    recentSigners?: SnapshotSigner[]
    /** Milestones in order of count, each with when it was reached (null until then). Optional for older snapshots. */
    milestones?: MilestoneView[]
    /**
     * Where support comes from, as bars (places with fewer than 5 signatures added up as
     * "other"), and the names of every place a later count may show. Optional for older snapshots.
     */
    support?: { byNation: SupportBar[]; byRegion: SupportBar[]; labels: Record<string, string> }
    /** Petition or open letter (collections/Petitions/kinds.ts). Optional for older snapshots: a petition. */
    kind?: CampaignKind
    /** An open letter's letter, as HTML (empty for a petition). */
    letterHtml?: string
    /** An open letter's latest signatories who chose to be shown, newest first (empty for a petition). */
    signatories?: SnapshotSignatory[]
  }

export type { MilestoneView, SupportBar }

/** A signatory shown on an open letter, by their choice: their name and, if they gave one, their role. */
export type SnapshotSignatory = { name: string; role: string | null }

/** A signer shown on a petition page: a first name and a region, never a surname, email or postcode. */
export type SnapshotSigner = { firstName: string; area: string | null }

export type SnapshotSettings = Pick<SiteSetting, 'siteName' | 'tagline' | 'homeIntro' | 'contactEmail'> & {
  privacyHtml: string
}

/** Written last: when the snapshot was made and what it holds. */
export type SnapshotMeta = {
  generatedAt: string
  counts: Record<string, number>
  /** The SNAPSHOT_SCHEMA_VERSION of the code that exported it. */
  schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION
  /** Entries copied unchanged from the previous snapshot (an incremental export), if any. */
  reused?: number
}

/** Every file of a snapshot, by name. */
export type Snapshot = {
  topics: SnapshotTopic[]
  guides: SnapshotGuide[]
  templates: SnapshotTemplate[]
  'training-sessions': SnapshotTrainingSession[]
  unions: SnapshotUnion[]
  networks: SnapshotNetwork[]
  petitions: SnapshotPetition[]
  'site-settings': SnapshotSettings
  meta: SnapshotMeta
}
