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

/** Official Northern Ireland sources: nidirect, the LRA, NI departments, NI law, the Equality Commission NI. */
const NI_SITES =
  /^https:\/\/(?:www\.)?(?:nidirect\.gov\.uk|lra\.org\.uk|[a-z-]+-ni\.gov\.uk|equalityni\.org|nibusinessinfo\.co\.uk|legislation\.gov\.uk\/(?:nisi|nia|nisr))/

/** The body of a guide's "## … Northern Ireland" section, up to the next `## ` heading. */
const niSection = (body: string) => {
  const m = /^## [^\n]*Northern Ireland[^\n]*\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(body)
  return m?.[1] ?? ''
}

/** Every link target in Markdown text (`[text](target)`). */
const markdownLinks = (markdown: string) => [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1])

/** The site's own pages a guide or letter may link to, as the site builds them (trailing slash). */
const IN_SITE_LINK = /^\/(guides|templates)\/([a-z0-9-]+)\/(?:#[a-z0-9-]+)?$/

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
      const links = markdownLinks(g.body).filter((u) => !u.startsWith('/'))
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
    'guide %s covers Northern Ireland or says in its own section what differs there and where to go',
    (slug, g) => {
      const niSources = (g.sources ?? []).filter((s) => NI_SITES.test(s.url))
      expect(
        niSources.length > 0 || /Northern Ireland/.test(g.body),
        `${slug}: cite an NI source (nidirect, LRA, legislation.gov.uk/nisi …) or say in the text how the guide applies in Northern Ireland`,
      ).toBe(true)
      if (g.nations.includes('northern-ireland')) return
      const section = niSection(g.body)
      expect(
        section,
        `${slug}: not tagged northern-ireland, so it needs a "## … Northern Ireland" section`,
      ).toBeTruthy()
      expect(
        section,
        `${slug}: the NI section should say where to go (LRA, nidirect, industrial tribunal)`,
      ).toMatch(/Labour Relations Agency|LRA|nidirect|industrial tribunal|Equality Commission/i)
    },
  )

  it.each(templates.map((t) => [t.slug, t] as const))(
    'letter %s covers Northern Ireland, has a Northern Ireland version, or says what to do there',
    (slug, t) => {
      if (t.nations.includes('northern-ireland')) {
        if (t.nations.length === 1)
          expect(
            (t.sources ?? []).some((s) => NI_SITES.test(s.url)),
            `${slug}: cite nidirect, the LRA or NI law`,
          ).toBe(true)
        return
      }
      const niVersion = templates.some((x) => x.slug === `${slug}-northern-ireland`)
      expect(
        niVersion || niSection(t.guidance) !== '',
        `${slug}: add a "## If you work in Northern Ireland" section to the guidance, or a ${slug}-northern-ireland letter`,
      ).toBe(true)
    },
  )

  it('links inside the site only to guides and letters that exist', () => {
    const exists = {
      guides: new Set(guides.map((g) => g.slug)),
      templates: new Set(templates.map((t) => t.slug)),
    }
    const texts = [
      ...guides.map(
        (g) => [`guide ${g.slug}`, [g.body, ...(g.steps ?? []).map((s) => s.body)].join('\n')] as const,
      ),
      ...templates.map((t) => [`letter ${t.slug}`, t.guidance] as const),
    ]
    const broken = texts.flatMap(([where, text]) =>
      markdownLinks(text)
        .filter((u) => u.startsWith('/'))
        .filter((u) => {
          const m = IN_SITE_LINK.exec(u)
          return !m || !exists[m[1] as keyof typeof exists].has(m[2])
        })
        .map((u) => `${where} -> ${u} (use /guides/<slug>/ or /templates/<slug>/ of an existing seed file)`),
    )
    expect(broken).toEqual([])
  })

  it('links every guide to its letters and back', () => {
    const oneWay = guides.flatMap((g) =>
      (g.relatedTemplates ?? [])
        .filter((t) => !(templates.find((x) => x.slug === t)?.relatedGuides ?? []).includes(g.slug))
        .map((t) => `${g.slug} -> ${t}: add ${g.slug} to the letter's relatedGuides`),
    )
    expect(oneWay).toEqual([])
  })

  it('links related guides both ways', () => {
    const oneWay = guides.flatMap((g) =>
      (g.relatedGuides ?? [])
        .filter((r) => !(guides.find((x) => x.slug === r)?.relatedGuides ?? []).includes(g.slug))
        .map((r) => `${g.slug} -> ${r}`),
    )
    expect(oneWay).toEqual([])
  })

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
