// Options of the official sitemap integration, shared by astro.config.mjs (`astro build`, `astro
// dev`) and the site build's renderer (site/render/render.mjs), so both list the same pages.

/** @type {import('@astrojs/sitemap').SitemapOptions} */
export const sitemapOptions = {
  // Links from emails (confirm, unsubscribe, erase) are for one person, not for search engines.
  filter: (page) => !/\/(confirm|unsubscribe|erase)\//.test(page),
}
