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
} from '../../cms/seed/loadSeedData'
import { SEED_TOPICS } from '../../cms/seed/topics'
import { isHttpUrl } from '../../content-models/validators/url'

const dir = path.resolve('scripts/seed-data')
const NATIONS = ['england-wales', 'scotland', 'northern-ireland']

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

  it('reports a broken file by name and problem', () => {
    expect(() => parseFrontMatter('guides/broken.md', 'no front matter')).toThrow(SeedDataError)
    expect(() => parseFrontMatter('guides/broken.md', '---\ntitle: [unclosed\n---\nBody')).toThrow(
      /guides\/broken\.md: front matter is not valid YAML/,
    )
  })
})
