/**
 * The one rule for "is this a work email address?", used by the join form (and its endpoint) and
 * by the letter filler. An employer can read mail sent to a work address, so we warn (never
 * refuse): the person may have good reasons to use it.
 */

/** Personal email providers common in the UK: an address here is very likely the person's own. */
export const PERSONAL_PROVIDERS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'live.com',
  'live.co.uk',
  'msn.com',
  'yahoo.com',
  'yahoo.co.uk',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'aol.co.uk',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'tutanota.com',
  'tuta.io',
  'fastmail.com',
  'hey.com',
  'zoho.com',
  'yandex.com',
  'gmx.com',
  'gmx.co.uk',
  'mail.com',
  'btinternet.com',
  'btopenworld.com',
  'sky.com',
  'virginmedia.com',
  'ntlworld.com',
  'blueyonder.co.uk',
  'talktalk.net',
  'tiscali.co.uk',
  'plus.net',
  'zen.co.uk',
  // The documentation domains (RFC 2606), used in our examples and tests.
  'example.org',
  'example.com',
])

/** Domains that are always an employer's (public sector and NHS). */
const WORK_SUFFIXES = ['.gov.uk', '.nhs.uk', 'nhs.net', '.police.uk', '.mod.uk', '.sch.uk', '.ac.uk']

/**
 * True when a domain (lower case) is not a personal provider, so it may belong to work.
 * @example mayBeWorkDomain('quickdrop.co.uk') // true
 */
export const mayBeWorkDomain = (domain: string): boolean => {
  if (!domain) return false
  if (WORK_SUFFIXES.some((s) => domain === s.replace(/^\./, '') || domain.endsWith(s))) return true
  return !PERSONAL_PROVIDERS.has(domain)
}

/**
 * True when an address looks like a work one (not a known personal provider).
 * @example looksLikeWorkEmail('sam@quickdrop.co.uk') // true
 */
export const looksLikeWorkEmail = (email: string): boolean =>
  mayBeWorkDomain(email.trim().toLowerCase().split('@')[1] ?? '')

/** The warning shown next to a work-looking address on the join form, in plain words. */
export const WORK_EMAIL_WARNING =
  'This looks like a work email address. Your employer may be able to read it. You can use a personal address instead.'
