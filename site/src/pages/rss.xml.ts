/** /rss.xml: every guide, newest change first, so readers and advice workers can follow updates. */
import rss from '@astrojs/rss'
import type { APIRoute } from 'astro'
import { urls } from '../lib/format'
import { loadSnapshot } from '../lib/snapshot'

export const GET: APIRoute = async ({ site }) => {
  const { guides, 'site-settings': settings } = loadSnapshot()
  const newestFirst = [...guides].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  return rss({
    title: `${settings.siteName || 'Better Work'}: guides to your rights at work`,
    description: 'New and updated guides to your rights at work, in plain English.',
    site: site ?? 'http://localhost:4321',
    trailingSlash: true,
    items: newestFirst.map((g) => ({
      title: g.title,
      link: urls.guide(g.slug),
      description: g.summary ?? '',
      pubDate: new Date(g.updatedAt),
      categories: g.topics.map((t) => t.title),
    })),
    customData: '<language>en-gb</language>',
  })
}
