// The public site: static HTML built only from a snapshot folder (SNAPSHOT_DIR), never from the
// database. JavaScript ships only on pages that use an island (search, letter filler, sign-up,
// petitions), and only React's runtime plus that island.
import react from '@astrojs/react'
import sitemap from '@astrojs/sitemap'
import { defineConfig } from 'astro/config'
import renderAdapter from './render/adapter.ts'
import { sitemapOptions } from './sitemap.options.ts'

// SITE_BUNDLE=1 (cms/publish/buildSite.ts): build the pages once as a bundle that renders them from
// any snapshot later (site/render/), instead of writing the static pages now.
const bundle = Boolean(process.env.SITE_BUNDLE)

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  output: bundle ? 'server' : 'static',
  ...(bundle ? { adapter: renderAdapter() } : {}),
  outDir: process.env.SITE_OUT_DIR || './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', assets: 'assets' },
  compressHTML: true,
  devToolbar: { enabled: false },
  // The renderer writes the sitemap itself, with the same integration, once it knows every page.
  integrations: [react(), ...(bundle ? [] : [sitemap(sitemapOptions)])],
})
