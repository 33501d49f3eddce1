/**
 * Options of the official sitemap integration, shared by astro.config.mjs (`astro build`, `astro
 * dev`) and the site build's renderer (site/render/render.ts), so both list the same pages.
 */
import type { SitemapOptions } from '@astrojs/sitemap'

export const sitemapOptions: SitemapOptions = {
  // Links from emails (confirm, unsubscribe, erase) are for one person, not for search engines;
  // the offline page is what the service worker shows without signal.
  filter: (page) => !/\/(confirm|unsubscribe|erase|offline)\//.test(page),
}
