/**
 * Spots a work email address typed into the worker's own details, so the filler can warn gently:
 * an employer may be able to read a work inbox. Only a hint: nothing is blocked. Which domains are
 * personal is the shared rule in content-models/validators/workEmail.ts.
 */
import { mayBeWorkDomain } from '../../../../content-models/validators/workEmail'

/** Words in company names that say nothing about which company it is. */
const COMMON_WORDS = new Set([
  'ltd',
  'limited',
  'plc',
  'llp',
  'inc',
  'co',
  'company',
  'the',
  'and',
  'uk',
  'group',
  'services',
  'holdings',
  'trading',
  'of',
  'gb',
  'international',
])

const EMAIL = /[^\s@<>(),;:"]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi

/** The domains of every email address in a text, lower-case. */
export const emailDomains = (text: string): string[] =>
  [...text.matchAll(EMAIL)].map((m) => m[1].toLowerCase())

/** Distinctive words of an employer's name: "Quickdrop Logistics Ltd" → ["quickdrop", "logistics"]. */
const nameWords = (name: string): string[] =>
  name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 4 && !COMMON_WORDS.has(w))

const sameOrganisation = (domain: string, other: string) =>
  domain === other || domain.endsWith(`.${other}`) || other.endsWith(`.${domain}`)

export type WorkEmailReason = 'employer-domain' | 'not-personal'

/**
 * Why an address in `text` may be a work address, or null:
 * - 'employer-domain': at the same domain as an address in the employer's details, or the domain
 *   holds a word of the employer's name;
 * - 'not-personal': not at a big personal provider, so it may belong to work.
 * @example workEmailReason('me@quickdrop.co.uk', { employerName: 'Quickdrop Logistics Ltd' }) // 'employer-domain'
 */
export const workEmailReason = (
  text: string,
  employer: { employerName?: string; employerText?: string } = {},
): WorkEmailReason | null => {
  const domains = emailDomains(text)
  if (domains.length === 0) return null
  const employerDomains = emailDomains(employer.employerText ?? '')
  const words = nameWords(employer.employerName ?? '')
  let reason: WorkEmailReason | null = null
  for (const domain of domains) {
    if (!mayBeWorkDomain(domain)) continue
    const labels = domain.split('.')
    if (
      employerDomains.some((d) => sameOrganisation(domain, d)) ||
      words.some((w) => labels.some((l) => l.includes(w)))
    )
      return 'employer-domain'
    reason = 'not-personal'
  }
  return reason
}

/** The warning shown under the field, in plain words. */
export const WORK_EMAIL_WARNING: Record<WorkEmailReason, string> = {
  'employer-domain':
    'This looks like an email address at your employer. Your employer may be able to read your work email. It is safer to use a personal email address.',
  'not-personal':
    'Is this a work email address? If it is, your employer may be able to read your work email. It is safer to use a personal email address.',
}

/** Keys of the worker's own details, where a work address is worth a warning. */
export const isOwnDetail = (key: string): boolean => key.startsWith('your_')
