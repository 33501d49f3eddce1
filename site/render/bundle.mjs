// Builds the site's pages as a render bundle (see adapter.mjs and render.mjs): `astro build` with
// SITE_BUNDLE set, into SITE_OUT_DIR. Run by buildSite.ts in a child process of its own (isolated,
// killable, its memory freed on exit), only when the site's sources change.
import { build } from 'astro'
import path from 'node:path'

const [siteRoot] = process.argv.slice(2)

await build({
  root: siteRoot,
  logLevel: 'warn',
  // A cache of its own (under the working folder buildSite.ts made) so parallel builds never share one.
  cacheDir: path.join(process.cwd(), 'cache'),
})
