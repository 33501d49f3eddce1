/**
 * Email canonicalisation for dedupe: one signature per person per petition, however they spell
 * their address. Only providers known to ignore dots and "+tags" have them removed, because other
 * providers may deliver "a.b@x" and "ab@x" to different people.
 */

/** Providers that ignore dots in the local part and everything after a "+". */
const DOTS_AND_TAGS_IGNORED = new Map<string, string>([
  ['gmail.com', 'gmail.com'],
  ['googlemail.com', 'gmail.com'],
])

/** Providers that ignore only "+tags" (dots are significant there). */
const TAGS_IGNORED = new Set([
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'live.com',
  'live.co.uk',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'fastmail.com',
  'yahoo.com',
  'yahoo.co.uk',
])

/**
 * The canonical form of an email address: trimmed, lower case, and with dots and +tags removed
 * where the provider ignores them (googlemail.com becomes gmail.com).
 * @example canonicalEmail(' Tom.Smith+petitions@GoogleMail.com ') // 'tomsmith@gmail.com'
 */
export const canonicalEmail = (email: string): string => {
  const lower = email.trim().toLowerCase()
  const at = lower.lastIndexOf('@')
  if (at < 1) return lower
  let local = lower.slice(0, at)
  let domain = lower.slice(at + 1)
  const alias = DOTS_AND_TAGS_IGNORED.get(domain)
  if (alias) {
    domain = alias
    local = local.split('+')[0].replace(/\./g, '')
  } else if (TAGS_IGNORED.has(domain)) {
    local = local.split('+')[0]
  }
  return `${local}@${domain}`
}
