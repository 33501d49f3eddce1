/** Lower-case words of letters and digits joined by single hyphens, 1-120 characters. */
export const SLUG_PATTERN = /^(?=.{1,120}$)[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * Makes a slug from a title.
 * @example slugify('Can my boss stop my holiday pay?') // 'can-my-boss-stop-my-holiday-pay'
 */
export const slugify = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/g, '')

/** True when `value` is a valid slug. */
export const isSlug = (value: unknown): value is string =>
  typeof value === 'string' && SLUG_PATTERN.test(value)
