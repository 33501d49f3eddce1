/**
 * The reviewers' typo rule: a change to the legal text counts as a typo fix when at most N
 * characters change (edit distance) and no number, date, money amount, link or nation changes,
 * and no row, box or choice changes. N comes from the Review rules global; 0 turns it off.
 */
import type { ReviewedCollection } from '../../content-models/fields/review'
import { legalContent, legalPlainText } from './legalText'

export type TypoVerdict = { ok: true; distance: number } | { ok: false; reason: string }

const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec'
const DAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday'
const NUMBER_WORDS =
  'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|half|quarter|once|twice|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|pounds?|pence|per\\s*cent|percent'

const FACT_TOKENS = new RegExp(
  [
    'https?://[^\\s<>"]+', // links
    '[^\\s<>"]+\\.(?:gov\\.uk|org\\.uk|co\\.uk|com|org|uk)\\b[^\\s<>"]*', // bare addresses
    '[£$€%]', // money and percentages
    '\\d+(?:[.,:/-]\\d+)*', // numbers, dates, times, amounts
    `\\b(?:${MONTHS}|${DAYS}|${NUMBER_WORDS})\\b`, // dates and numbers in words
  ].join('|'),
  'gi',
)

/**
 * The facts a typo fix must leave alone, in order: numbers, dates, money, links.
 * @example factTokens('Pay £12.21 from 1 April 2026, see https://www.gov.uk') // ['£', '12.21', '1', 'april', '2026', 'https://www.gov.uk']
 */
export const factTokens = (text: string): string[] =>
  (text.match(FACT_TOKENS) ?? []).map((t) => t.toLowerCase().replace(/\s+/g, ' '))

/**
 * Edit distance (insertions, deletions, substitutions) between two texts, or `max + 1` as soon
 * as it is known to exceed `max`. Only the part between the common start and end is compared,
 * in a band `max` wide, so a long guide costs little.
 */
export const editDistanceWithin = (a: string, b: string, max: number): number => {
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const x = a.slice(start, endA)
  const y = b.slice(start, endB)
  if (Math.abs(x.length - y.length) > max) return max + 1
  const INF = max + 1
  let prev = Array.from({ length: y.length + 1 }, (_, j) => (j <= max ? j : INF))
  for (let i = 1; i <= x.length; i++) {
    const row = new Array<number>(y.length + 1).fill(INF)
    row[0] = i <= max ? i : INF
    let best = row[0]
    for (let j = Math.max(1, i - max); j <= Math.min(y.length, i + max); j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1
      row[j] = Math.min(prev[j - 1] + cost, prev[j] + 1, row[j - 1] + 1, INF)
      best = Math.min(best, row[j])
    }
    if (best > max) return INF
    prev = row
  }
  return Math.min(prev[y.length], INF)
}

/** The shape of the legal content with its words blanked: rows, boxes, choices and nations. */
const shapeOf = (collection: ReviewedCollection, doc: Record<string, unknown>): string => {
  const content = legalContent(collection, doc)
  return JSON.stringify(content, (key, value: unknown) =>
    typeof value === 'string' && key !== 'nations' && !/^\d+$/.test(key) ? '' : value,
  ).concat(JSON.stringify(content.nations))
}

/**
 * Whether the change from the published version to this one is a typo fix under the rule.
 * @example checkTypoFix('guides', published, draft, 5) // { ok: true, distance: 2 }
 */
export const checkTypoFix = (
  collection: ReviewedCollection,
  published: Record<string, unknown> | null,
  next: Record<string, unknown>,
  maxChars: number,
): TypoVerdict => {
  if (!maxChars || maxChars <= 0)
    return {
      ok: false,
      reason: 'Typo fixes are turned off in the review rules (a reviewer can turn them on).',
    }
  if (!published)
    return { ok: false, reason: 'It has never been published, so there is nothing to fix a typo in.' }
  if (shapeOf(collection, published) !== shapeOf(collection, next))
    return { ok: false, reason: 'A typo fix cannot add or remove rows, or change a nation, box or choice.' }
  const before = legalPlainText(collection, published)
  const after = legalPlainText(collection, next)
  if (factTokens(before).join('\u0000') !== factTokens(after).join('\u0000'))
    return { ok: false, reason: 'A number, date, money amount or link changed, so it is not a typo fix.' }
  const distance = editDistanceWithin(before, after, maxChars)
  if (distance > maxChars)
    return {
      ok: false,
      reason: `More than ${maxChars} characters changed (the review rules' limit for a typo fix).`,
    }
  return { ok: true, distance }
}
