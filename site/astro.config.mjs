// The public site: static HTML built only from a snapshot folder (SNAPSHOT_DIR), never from the
// database. JavaScript ships only on pages that use an island (search, letter filler, sign-up,
// petitions), and only React's runtime plus that island.
import react from '@astrojs/react'
import sitemap from '@astrojs/sitemap'
import { defineConfig } from 'astro/config'

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  output: 'static',
  outDir: process.env.SITE_OUT_DIR || './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', assets: 'assets' },
  compressHTML: true,
  devToolbar: { enabled: false },
  integrations: [react(), sitemap({ filter: (page) => !/\/(confirm|unsubscribe|erase)\//.test(page) })],
})
