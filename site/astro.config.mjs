// The public site: static HTML built only from a snapshot folder (SNAPSHOT_DIR), never from the
// database. No JavaScript is shipped unless a page uses an island.
import { defineConfig } from 'astro/config'

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  output: 'static',
  outDir: process.env.SITE_OUT_DIR || './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', assets: 'assets' },
  compressHTML: true,
  devToolbar: { enabled: false },
})
