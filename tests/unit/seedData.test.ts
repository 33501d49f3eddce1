/**
 * The starting content is data the site depends on: every file must parse, pass the CMS's own
 * checks, cite official sources, say which nations it covers and when it was reviewed, and link
 * only to things that exist.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  loadGuides,
  loadJson,
  loadTemplates,
  parseFrontMatter,
  SeedDataError,
  type SeedUnion,
} from '../../cms/seed/loadSeedData'
import { AFFILIATIONS } from '../../content-models/constants'
import { SEED_TOPICS } from '../../cms/seed/topics'
import { isHttpUrl } from '../../content-models/validators/url'

const dir = path.resolve('scripts/seed-data')
const NATIONS = ['england-wales', 'scotland', 'northern-ireland']

/**
 * Hosts that are not a source for a union fact: party newspapers, and sites that re-post other
 * people's PDFs. Cite the union's own site, the TUC, STUC, Wales TUC, ICTU or GOV.UK instead.
 */
const UNOFFICIAL_HOSTS = [
  'morningstaronline.co.uk',
  'newworker.org',
  'docslib.org',
  'dokumen.tips',
  'fdokumen.com',
  'fdocuments.in',
  'vdocuments.net',
  'vdocuments.site',
  'vdocuments.us',
  'pdfslide.net',
  'pdfslide.us',
  'studylib.net',
  'readkong.com',
  'yumpu.com',
]
const isUnofficialCopy = (url: string) => {
  const host = new URL(url).hostname
  return UNOFFICIAL_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))
}

describe('seed content', async () => {
  const guides = await loadGuides(path.join(dir, 'guides'))
  const templates = await loadTemplates(path.join(dir, 'templates'))
  const guideSlugs = new Set(guides.map((g) => g.slug))
  const templateSlugs = new Set(templates.map((t) => t.slug))
  const topicSlugs = new Set<string>(SEED_TOPICS.map((t) => t.slug))

  it('has at least 30 guides and 20 templates', () => {
    expect(guides.length).toBeGreaterThanOrEqual(30)
    expect(templates.length).toBeGreaterThanOrEqual(20)
  })

  it.each(guides.map((g) => [g.slug, g] as const))(
    'guide %s is complete and links only to what exists',
    (_slug, g) => {
      expect(g.nations.length).toBeGreaterThan(0)
      expect(g.nations.every((n) => NATIONS.includes(n))).toBe(true)
      expect(g.topics.every((t) => topicSlugs.has(t))).toBe(true)
      expect(g.sources?.length ?? 0).toBeGreaterThan(0)
      expect(g.sources!.every((s) => isHttpUrl(s.url) && s.url.startsWith('https://'))).toBe(true)
      expect(g.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(g.reviewDue).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect((g.relatedGuides ?? []).filter((s) => !guideSlugs.has(s))).toEqual([])
      expect((g.relatedTemplates ?? []).filter((s) => !templateSlugs.has(s))).toEqual([])
      expect(g.body).toMatch(/^## /m)
    },
  )

  it.each(templates.map((t) => [t.slug, t] as const))(
    'template %s cites sources and links only to guides that exist',
    (_slug, t) => {
      expect(t.sources?.length ?? 0).toBeGreaterThan(0)
      expect((t.relatedGuides ?? []).filter((s) => !guideSlugs.has(s))).toEqual([])
      if (t.kind === 'email') expect(t.subject).toBeTruthy()
    },
  )

  it('links every template to its guides and back', () => {
    const oneWay = templates.flatMap((t) =>
      (t.relatedGuides ?? [])
        .filter((g) => !(guides.find((x) => x.slug === g)?.relatedTemplates ?? []).includes(t.slug))
        .map((g) => `${t.slug} -> ${g}`),
    )
    expect(oneWay).toEqual([])
  })

  it('has unions with real websites and unique slugs', async () => {
    const { unions } = await loadJson<{ unions: { slug: string; website: string }[] }>(
      path.join(dir, 'unions.json'),
      { unions: [] },
    )
    expect(unions.length).toBeGreaterThanOrEqual(48)
    expect(new Set(unions.map((u) => u.slug)).size).toBe(unions.length)
    expect(unions.filter((u) => !isHttpUrl(u.website)).map((u) => u.slug)).toEqual([])
  })

  it('gives each union its affiliations, nations, sectors and sources, and a year with every membership figure', async () => {
    const { unions } = await loadJson<{ unions: SeedUnion[] }>(path.join(dir, 'unions.json'), { unions: [] })
    const affiliations = new Set<string>(AFFILIATIONS.map((a) => a.value))
    const problems = unions.flatMap((u) => [
      ...(u.affiliations ?? [])
        .filter((a) => !affiliations.has(a))
        .map((a) => `${u.slug}: unknown affiliation ${a}`),
      ...((u.nations ?? []).length === 0 ? [`${u.slug}: no nations`] : []),
      ...((u.sectors ?? []).length === 0 ? [`${u.slug}: no sectors`] : []),
      ...((u.sources ?? []).length === 0 ? [`${u.slug}: no sources`] : []),
      ...(u.membership != null && u.membershipYear == null ? [`${u.slug}: membership without its year`] : []),
    ])
    expect(problems).toEqual([])
  })

  it('takes membership figures only from the Certification Officer on GOV.UK, with their year', async () => {
    const { unions } = await loadJson<{ unions: SeedUnion[] }>(path.join(dir, 'unions.json'), { unions: [] })
    const govUk = /^https:\/\/(www|assets\.publishing\.service)\.gov\.uk\//
    const problems = unions.flatMap((u) => {
      const sources = u.sources ?? []
      const official = sources.some(
        (s) =>
          govUk.test(s.url) &&
          s.title.startsWith('Certification Officer') &&
          s.title.includes(String(u.membershipYear)),
      )
      const unofficial = sources
        .filter((s) => !govUk.test(s.url) && /membership [\d,]+/i.test(s.title))
        .map((s) => `${u.slug}: membership figure from ${s.url}`)
      return [
        ...(u.membership != null && !official
          ? [`${u.slug}: membership without a Certification Officer source`]
          : []),
        ...unofficial,
      ]
    })
    expect(problems).toEqual([])
  })

  it('cites no Wikipedia, nor copies of it, for any union', async () => {
    const { unions } = await loadJson<{ unions: SeedUnion[] }>(path.join(dir, 'unions.json'), { unions: [] })
    const wiki = /^https?:\/\/([a-z-]+\.)?(wikipedia\.org|wikimili\.com)\//
    expect(
      unions.flatMap((u) =>
        (u.sources ?? []).filter((s) => wiki.test(s.url)).map((s) => `${u.slug}: ${s.url}`),
      ),
    ).toEqual([])
  })

  it('cites no party newspapers nor document-copy sites for any union', async () => {
    const { unions } = await loadJson<{ unions: SeedUnion[] }>(path.join(dir, 'unions.json'), { unions: [] })
    expect(
      unions.flatMap((u) =>
        (u.sources ?? []).filter((s) => isUnofficialCopy(s.url)).map((s) => `${u.slug}: ${s.url}`),
      ),
    ).toEqual([])
  })

  it.each([
    'https://morningstaronline.co.uk/article/two-years-recruitment-resistance-and-results',
    'http://www.newworker.org/archive2021/nw20210827/bma_a_venerable_trade_union.html',
    'https://docslib.org/doc/3611639/biennial-delegate-conference-2021',
    'https://dokumen.tips/documents/form-ar21-gov-uk.html',
  ])('treats %s as an unofficial copy', (url) => {
    expect(isUnofficialCopy(url)).toBe(true)
  })

  it.each(['https://www.tuc.org.uk/', 'https://stuc.org.uk/', 'https://www.gov.uk/', 'https://www.ictu.ie/'])(
    'accepts %s as a source',
    (url) => {
      expect(isUnofficialCopy(url)).toBe(false)
    },
  )

  it('lists the big unions and professional bodies workers ask about, and employers that recognise the largest', async () => {
    const { unions } = await loadJson<{ unions: SeedUnion[] }>(path.join(dir, 'unions.json'), { unions: [] })
    const slugs = new Set(unions.map((u) => u.slug))
    expect(
      ['rcn', 'bma', 'nipsa', 'into', 'utu', 'ssta', 'pda-union', 'british-dental-association'].filter(
        (s) => !slugs.has(s),
      ),
    ).toEqual([])
    const recognisedBy = (employer: string) =>
      unions.filter((u) => (u.recognisedEmployers ?? []).includes(employer)).map((u) => u.slug)
    expect(recognisedBy('Royal Mail')).toContain('cwu')
    expect(recognisedBy('Tesco')).toContain('usdaw')
    expect(recognisedBy('NHS').length).toBeGreaterThanOrEqual(2)
    expect(recognisedBy('Asda')).toEqual(expect.arrayContaining(['usdaw', 'gmb']))
    expect(recognisedBy('BT')).toContain('cwu')
  })

  it('reports a broken file by name and problem', () => {
    expect(() => parseFrontMatter('guides/broken.md', 'no front matter')).toThrow(SeedDataError)
    expect(() => parseFrontMatter('guides/broken.md', '---\ntitle: [unclosed\n---\nBody')).toThrow(
      /guides\/broken\.md: front matter is not valid YAML/,
    )
  })
})
