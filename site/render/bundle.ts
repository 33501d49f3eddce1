/**
 * Builds the site's pages as a render bundle (see adapter.ts and render.ts): `astro build` with
 * SITE_BUNDLE set, into SITE_OUT_DIR. Run by cms/publish/renderBundle.ts in a child process of its
 * own (isolated, killable, its memory freed on exit), only when the site's sources change:
 *
 *   node --import tsx bundle.ts <siteRoot>
 */
import { build } from 'astro'
import path from 'node:path'

const [siteRoot] = process.argv.slice(2)
if (!siteRoot) throw new Error('Usage: node --import tsx site/render/bundle.ts <site folder>')

await build({
  root: siteRoot,
  logLevel: 'warn',
  // A cache of its own (under the working folder renderBundle.ts made) so parallel builds never share one.
  cacheDir: path.join(process.cwd(), 'cache'),
})
