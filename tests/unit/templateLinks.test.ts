/** Guides and templates point at each other, so a worker reading either finds the other. */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadGuides, loadTemplates } from '../../cms/seed/loadSeedData'

const dir = path.resolve('scripts/seed-data')

describe('links between seeded guides and templates', async () => {
  const guides = await loadGuides(path.join(dir, 'guides'))
  const templates = await loadTemplates(path.join(dir, 'templates'))

  it.each(templates.map((t) => [t.slug, t] as const))(
    'template %s is linked from a guide that it links back to',
    (slug, t) => {
      const linkingGuides = guides.filter((g) => (g.relatedTemplates ?? []).includes(slug)).map((g) => g.slug)
      const both = linkingGuides.filter((g) => (t.relatedGuides ?? []).includes(g))
      expect(
        both.length,
        `${slug}: guides linking it ${JSON.stringify(linkingGuides)}, it links ${JSON.stringify(t.relatedGuides)}`,
      ).toBeGreaterThan(0)
    },
  )
})
