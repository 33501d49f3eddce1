/**
 * Content checks from issue 20 that run with `npm test`: letters use one placeholder vocabulary
 * (written down in scripts/seed-data/README.md), every source and link is on an official site,
 * guides read at a reading age of about 9, and no guide is due for review after a dated change
 * it mentions.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadGuides, loadTemplates, type SeedGuide } from '../../cms/seed/loadSeedData'
import { fleschReadingEase, MIN_READING_EASE } from '../../scripts/seed-data/readability'

const dir = path.resolve('scripts/seed-data')

/** Sites whose pages may be cited: UK, Scottish, Welsh and NI government, the statutory bodies. */
const OFFICIAL_SITES = [
  'gov.uk',
  'gov.scot',
  'mygov.scot',
  'gov.wales',
  'acas.org.uk',
  'lra.org.uk',
  'ico.org.uk',
  'equalityhumanrights.com',
  'equalityni.org',
  'citizensadvice.org.uk',
  'nibusinessinfo.co.uk',
]
const isOfficial = (url: string) => {
  const { protocol, hostname } = new URL(url)
  return protocol === 'https:' && OFFICIAL_SITES.some((s) => hostname === s || hostname.endsWith(`.${s}`))
}

/** The placeholder vocabulary: the README's `| \`key\` | type | … |` rows under its heading. */
const readVocabulary = async () => {
  const readme = await readFile(path.join(dir, 'README.md'), 'utf8')
  const start = readme.indexOf('## Placeholder vocabulary')
  if (start < 0) throw new Error('scripts/seed-data/README.md has no "## Placeholder vocabulary" section')
  const end = readme.indexOf('\n## ', start + 1)
  const section = readme.slice(start, end < 0 ? undefined : end)
  return new Map(
    [...section.matchAll(/^\|\s*`([a-z][a-z0-9_]*)`\s*\|\s*(text|date)\s*\|/gm)].map((m) => [m[1], m[2]]),
  )
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]
const DATE = new RegExp(`\\b(?:(\\d{1,2}) )?(${MONTHS.join('|')}) (20\\d\\d)\\b`, 'g')

/** A change expected in a year with no month ("expected in 2027", "from 2027") could start on its 1 January. */
const YEAR_ONLY = /\b(?:in|from|during) (20\d\d)\b(?! to )/gi

/**
 * Dates a guide's reader sees (body, summary, key facts, steps), as YYYY-MM-DD; a month alone is
 * its 1st, a year alone its 1 January.
 */
const datesMentioned = (g: SeedGuide) => {
  const text = [g.summary, g.body, ...(g.keyFacts ?? []), ...(g.steps ?? []).map((s) => s.body)].join('\n')
  const dated = [...text.matchAll(DATE)].map(([, day, month, year]) => {
    const mm = String(MONTHS.indexOf(month) + 1).padStart(2, '0')
    return `${year}-${mm}-${String(day ?? 1).padStart(2, '0')}`
  })
  return [...dated, ...[...text.matchAll(YEAR_ONLY)].map(([, year]) => `${year}-01-01`)]
}

describe('seed content checks', async () => {
  const guides = await loadGuides(path.join(dir, 'guides'))
  const templates = await loadTemplates(path.join(dir, 'templates'))
  const vocabulary = await readVocabulary()

  it('reads a placeholder vocabulary from the seed-data README', () => {
    expect(vocabulary.size).toBeGreaterThan(20)
    expect(vocabulary.get('employer_name')).toBe('text')
    expect(vocabulary.get('letter_date')).toBe('date')
  })

  it.each(templates.map((t) => [t.slug, t] as const))(
    'letter %s uses only placeholders from the vocabulary, with their type',
    (slug, t) => {
      const problems = t.placeholders.flatMap((p) => {
        const type = vocabulary.get(p.key)
        if (!type)
          return [
            `${slug}: "${p.key}" is not in the placeholder vocabulary (scripts/seed-data/README.md); use a listed key that means the same, or add a row there`,
          ]
        if ((p.type ?? 'text') !== type)
          return [`${slug}: "${p.key}" is type ${p.type ?? 'text'}, the vocabulary says ${type}`]
        return []
      })
      expect(problems).toEqual([])
    },
  )

  it('lists no placeholder that no letter uses', () => {
    const used = new Set(templates.flatMap((t) => t.placeholders.map((p) => p.key)))
    expect([...vocabulary.keys()].filter((k) => !used.has(k))).toEqual([])
  })

  it.each(guides.map((g) => [g.slug, g] as const))(
    'guide %s cites and links only official sites',
    (_slug, g) => {
      const links = [...g.body.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1])
      const urls = [...(g.sources ?? []).map((s) => s.url), ...links]
      expect(urls.filter((u) => !u.startsWith('https://') || !isOfficial(u))).toEqual([])
    },
  )

  it.each(templates.map((t) => [t.slug, t] as const))('letter %s cites only official sites', (_slug, t) => {
    expect((t.sources ?? []).map((s) => s.url).filter((u) => !isOfficial(u))).toEqual([])
  })

  it.each(guides.map((g) => [g.slug, g] as const))(
    `guide %s reads at Flesch reading ease ${MIN_READING_EASE} or more`,
    (slug, g) => {
      const score = Math.round(fleschReadingEase(g.body) * 10) / 10
      expect(
        score,
        `${slug} scores ${score}: use shorter sentences and shorter words`,
      ).toBeGreaterThanOrEqual(MIN_READING_EASE)
    },
  )

  it.each(guides.map((g) => [g.slug, g] as const))(
    'guide %s is due for review before any later date it mentions',
    (slug, g) => {
      const later = datesMentioned(g)
        .filter((d) => d > (g.lastReviewed ?? ''))
        .sort()
      const next = later[0]
      if (next)
        expect(
          g.reviewDue! <= next,
          `${slug}: review due ${g.reviewDue}, but it mentions ${next}; set reviewDue on or before that date`,
        ).toBe(true)
    },
  )
})
