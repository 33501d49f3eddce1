/** The scale corpus for search benchmarks: deterministic, unique addresses, the snapshot's shape. */
import { describe, expect, it } from 'vitest'
import { generateCorpus } from '../../scripts/generate-corpus'
import { documentsFromSnapshot } from '../../site/src/lib/search/documents'

// More guides than the seed data holds (60), so some are made up: their structure is checked.
const size = { guides: 70, templates: 30, sessions: 20, unions: 60, petitions: 5, networks: 8 }

describe('generated search corpus', () => {
  it('writes the same corpus every time for the same size', async () => {
    const [a, b] = await Promise.all([generateCorpus(size), generateCorpus(size)])
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
    // Two corpora from the whole seed data: about 1 s alone, over 5 s on a loaded 2-core machine.
  }, 30_000)

  it('holds the requested numbers, each with a unique address, and guides of real structure', async () => {
    const c = await generateCorpus(size)
    expect(c.meta.counts).toMatchObject({
      guides: 70,
      templates: 30,
      'training-sessions': 20,
      unions: 60,
      petitions: 5,
      networks: 8,
      topics: 12,
    })
    for (const list of [c.guides, c.templates, c['training-sessions'], c.unions, c.networks, c.petitions]) {
      const slugs = (list as { slug: string }[]).map((x) => x.slug)
      expect(new Set(slugs).size).toBe(slugs.length)
    }
    const made = c.guides[65]
    expect(made.toc.length).toBeGreaterThanOrEqual(6)
    expect(made.bodyHtml).toContain(`<h2 id="${made.toc[0].id}">`)
    expect(made.bodyText.split(' ').length).toBeGreaterThan(300)
    expect(made.alsoSearchedAs.length).toBeGreaterThanOrEqual(4)
    expect(documentsFromSnapshot(c)).toHaveLength(70 + 30 + 20 + 60 + 8)
  })
})
