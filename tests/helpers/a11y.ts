/** axe over a page in Chromium, held to one set of rules everywhere (style habit: axe over every page). */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/** The rules every page is held to: WCAG 2.0, 2.1 and 2.2 at A and AA, and axe's best practices. */
export const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

/** What axe finds on the page as it is now, one line each: the rule, its help and up to three elements. */
export const a11yViolations = async (page: Page): Promise<string[]> =>
  (await new AxeBuilder({ page }).withTags(A11Y_TAGS).analyze()).violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  )

/**
 * Expects axe to find nothing on the page as it is now (after whatever the test did to it).
 * @example await checkA11y(page, 'the confirm page')
 */
export const checkA11y = async (page: Page, label?: string): Promise<void> => {
  expect(await a11yViolations(page), label).toEqual([])
}
