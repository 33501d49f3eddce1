/** Words and dates as the site shows them: British English, Europe/London time. */

const NATION_WORDS: Record<string, string[]> = {
  'england-wales': ['England', 'Wales'],
  scotland: ['Scotland'],
  'northern-ireland': ['Northern Ireland'],
}

/** Joins words as a sentence would: "a", "a and b", "a, b and c". */
export const listWords = (words: string[]): string =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`

/**
 * The nations covered, in words.
 * @example describeNations(['england-wales', 'scotland']) // 'England, Wales and Scotland'
 */
export const describeNations = (nations: readonly string[] | null | undefined): string => {
  const order = ['england-wales', 'scotland', 'northern-ireland']
  const words = order.filter((n) => nations?.includes(n)).flatMap((n) => NATION_WORDS[n])
  return words.length === 4
    ? 'the whole of the UK (England, Wales, Scotland and Northern Ireland)'
    : listWords(words)
}

// Made once: making an Intl.DateTimeFormat costs far more than using one, and a site build formats
// hundreds of thousands of dates (every sign-up form lists the coming training sessions).
const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
})
const ISO_DAY = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: 'Europe/London',
})

/**
 * A date as "29 November 2026", in UK time.
 * @example formatDate('2026-11-29T10:00:00.000Z') // '29 November 2026'
 */
export const formatDate = (iso: string | null | undefined): string => {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return LONG_DATE.format(date)
}

/** The machine-readable date for a <time> element (YYYY-MM-DD, UK time). */
export const isoDay = (iso: string | null | undefined): string => {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return ISO_DAY.format(date)
}

/** Stable public URLs (they get shared): keep in step with DESIGN.md. */
export const urls = {
  home: () => '/',
  guides: () => '/guides/',
  guide: (slug: string) => `/guides/${slug}/`,
  topic: (slug: string) => `/topics/${slug}/`,
  template: (slug: string) => `/templates/${slug}/`,
  search: () => '/search/',
  privacy: () => '/privacy/',
}
