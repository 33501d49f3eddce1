/**
 * Named vocabularies shared by the CMS (access queries, select options), the snapshot export and
 * the static site. One place, so a new state or sector is added once.
 */

/** Staff roles. A user has one or more; anonymous readers have none. */
export const ROLES = ['admin', 'editor', 'reviewer', 'organiser', 'adviser'] as const
export type Role = (typeof ROLES)[number]

/** UK nations as employment law divides them: England and Wales share one system. */
export const NATIONS = [
  { value: 'england-wales', label: 'England and Wales' },
  { value: 'scotland', label: 'Scotland' },
  { value: 'northern-ireland', label: 'Northern Ireland' },
] as const
export type Nation = (typeof NATIONS)[number]['value']

/** Sectors used by unions, networks and signups. */
export const SECTORS = [
  { value: 'care', label: 'Care' },
  { value: 'health', label: 'Health' },
  { value: 'education', label: 'Education' },
  { value: 'retail', label: 'Retail and shops' },
  { value: 'hospitality', label: 'Hospitality, pubs and restaurants' },
  { value: 'warehouse-logistics', label: 'Warehouses and logistics' },
  { value: 'transport', label: 'Transport' },
  { value: 'delivery-and-gig', label: 'Delivery and gig work' },
  { value: 'construction', label: 'Construction' },
  { value: 'manufacturing', label: 'Manufacturing' },
  { value: 'public-services', label: 'Councils and public services' },
  { value: 'civil-service', label: 'Civil service' },
  { value: 'cleaning-and-security', label: 'Cleaning and security' },
  { value: 'arts-and-media', label: 'Arts, media and entertainment' },
  { value: 'office-and-finance', label: 'Offices, banking and finance' },
  { value: 'tech-and-telecoms', label: 'Tech and telecoms' },
  { value: 'energy-and-utilities', label: 'Energy and utilities' },
  { value: 'food-and-farming', label: 'Food and farming' },
  { value: 'hair-and-beauty', label: 'Hair and beauty' },
  { value: 'post-and-comms', label: 'Post and communications' },
  { value: 'justice-and-prisons', label: 'Justice and prisons' },
  { value: 'emergency-services', label: 'Fire and emergency services' },
  { value: 'sport-and-leisure', label: 'Sport and leisure' },
  { value: 'other', label: 'Something else' },
] as const
export type Sector = (typeof SECTORS)[number]['value']

/** Union federations a union can be affiliated to. */
export const AFFILIATIONS = [
  { value: 'tuc', label: 'TUC' },
  { value: 'wales-tuc', label: 'Wales TUC' },
  { value: 'stuc', label: 'STUC (Scotland)' },
  { value: 'ictu', label: 'ICTU (Ireland and Northern Ireland)' },
] as const

/** Petition life cycle; only OPEN takes signatures. */
export const PETITION_STATES = {
  DRAFT: 'draft',
  OPEN: 'open',
  CLOSED: 'closed',
  DELIVERED: 'delivered',
} as const
export type PetitionState = (typeof PETITION_STATES)[keyof typeof PETITION_STATES]
/** States shown on the public site. */
export const PUBLIC_PETITION_STATES: readonly PetitionState[] = ['open', 'closed', 'delivered']
/** States that accept new signatures. */
export const SIGNABLE_PETITION_STATES: readonly PetitionState[] = ['open']

/** Whether a petition takes signatures at `now`: signable state, opened, not past its closing date. */
export const isSignable = (
  p: { state?: string | null; opensAt?: string | null; closesAt?: string | null },
  now = new Date(),
): boolean =>
  SIGNABLE_PETITION_STATES.includes(p.state as PetitionState) &&
  (!p.opensAt || new Date(p.opensAt) <= now) &&
  (!p.closesAt || new Date(p.closesAt) > now)

/** The states of a signature or a member, by name. */
export const RECORD_STATES = {
  PENDING: 'pending',
  CONFIRMED: 'confirmed',
  UNSUBSCRIBED: 'unsubscribed',
} as const

/** Confirmation state of a signature or a member: the values of RECORD_STATES. */
export const CONFIRMATION_STATES = [
  RECORD_STATES.PENDING,
  RECORD_STATES.CONFIRMED,
  RECORD_STATES.UNSUBSCRIBED,
] as const

/** The states of a training registration, by name. */
export const REGISTRATION_STATES = {
  /** A first-timer registered by email and has not confirmed yet (double opt-in). */
  PENDING: 'pending',
  /** Has a place. */
  REGISTERED: 'registered',
  /** On the waiting list, in `position` order. */
  WAITING: 'waiting',
  CANCELLED: 'cancelled',
} as const
export type RegistrationState = (typeof REGISTRATION_STATES)[keyof typeof REGISTRATION_STATES]

/** Every registration state, for the select field. */
export const REGISTRATION_STATE_VALUES: readonly RegistrationState[] = Object.values(REGISTRATION_STATES)

/** Training session states. */
export const SESSION_STATES = ['scheduled', 'full', 'cancelled'] as const
export const SESSION_FORMATS = [
  { value: 'online', label: 'Online' },
  { value: 'in-person', label: 'In person' },
  { value: 'hybrid', label: 'Online and in person' },
] as const

/** Site build life cycle (see the rebuild job). */
export const BUILD_STATES = ['queued', 'running', 'succeeded', 'failed', 'superseded'] as const

/** Collections published to the static site through the snapshot, in export order. */
export const PUBLIC_COLLECTIONS = [
  'topics',
  'guides',
  'templates',
  'training-sessions',
  'unions',
  'networks',
  'petitions',
] as const
export type PublicCollection = (typeof PUBLIC_COLLECTIONS)[number]

/** True for the slug of a collection published to the static site. */
export const isPublicCollection = (slug: unknown): slug is PublicCollection =>
  (PUBLIC_COLLECTIONS as readonly unknown[]).includes(slug)

/** Collections with drafts (all public ones, content-models/hooks/withDrafts.ts): only their `published` versions are public. */
export const DRAFT_COLLECTIONS: readonly PublicCollection[] = PUBLIC_COLLECTIONS
