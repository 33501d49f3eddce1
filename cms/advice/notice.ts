/**
 * The words shown with every adviser's reply: what a reply is (general information, not legal
 * advice) and where to get advice for a case, by the question's nation. Shown by the site's
 * islands and the CMS's own pages from the same text.
 */
import type { Nation } from '../../content-models/constants'

/** Where someone with a case gets advice, by nation. */
const FOR_A_CASE: Record<Nation, string> = {
  'england-wales':
    'For advice on your own case, contact Acas (acas.org.uk, 0300 123 1100), a union, or Citizens Advice.',
  scotland:
    'For advice on your own case, contact Acas (acas.org.uk, 0300 123 1100), a union, or Citizens Advice Scotland.',
  'northern-ireland':
    'For advice on your own case, contact the Labour Relations Agency (lra.org.uk, 03300 555 300), a union, or Advice NI or Citizens Advice.',
}

/** The plain notice every reply carries, for the question's nation. */
export const adviceNotice = (nation: string | null | undefined): string =>
  `This reply is general information, not legal advice. ${FOR_A_CASE[(nation ?? '') as Nation] ?? FOR_A_CASE['england-wales']}`
