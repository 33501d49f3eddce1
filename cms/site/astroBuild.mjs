// Runs `astro build` for buildSite.ts in its own process (isolated, killable, its memory freed on
// exit). With SITE_RENDER_ONLY set (a JSON file of slugs per collection), the detail pages of the
// public collections render only those slugs: the rest are carried over from the previous build.
import { build } from 'astro'
import path from 'node:path'

const [siteRoot] = process.argv.slice(2)

/** Site folders of detail pages and the collection each shows. */
const ROUTES = {
  topics: 'topics',
  guides: 'guides',
  templates: 'templates',
  training: 'training-sessions',
  unions: 'unions',
  networks: 'networks',
  petitions: 'petitions',
}
const snapshotLib = path.join(siteRoot, 'src/lib/snapshot.ts')

/**
 * Wraps `getStaticPaths` of pages under <collection>/[slug]… so they return only the listed
 * slugs, through `keepStaticPath` in site/src/lib/snapshot.ts. Pages need no change.
 */
const renderOnlyPlugin = () => ({
  name: 'better-work-render-only',
  enforce: 'post',
  transform(code, id) {
    const file = id.split('?')[0].split(path.sep).join('/')
    const m = file.match(/\/src\/pages\/([^/]+)\/(.*\[slug\][^/]*(?:\/.*)?)$/)
    if (!m || !ROUTES[m[1]]) return null
    const declared = /export\s+(async\s+)?function\s+getStaticPaths\b|export\s+const\s+getStaticPaths\b/
    if (!declared.test(code)) return null
    const renamed = code
      .replace(/export\s+(async\s+)?function\s+getStaticPaths\b/, (_, a) => `${a ?? ''}function __bw_getStaticPaths`)
      .replace(/export\s+const\s+getStaticPaths\b/, 'const __bw_getStaticPaths')
    return {
      code: `${renamed}
import { keepStaticPath as __bw_keep } from ${JSON.stringify(snapshotLib)};
export async function getStaticPaths(...args) {
  const paths = await __bw_getStaticPaths(...args);
  return paths.filter((p) => __bw_keep(${JSON.stringify(ROUTES[m[1]])}, p.params));
}
`,
      map: null,
    }
  },
})

await build({
  root: siteRoot,
  logLevel: 'warn',
  // A cache of its own (under the working folder buildSite.ts made) so parallel builds never share one.
  cacheDir: path.join(process.cwd(), 'cache'),
  vite: process.env.SITE_RENDER_ONLY ? { plugins: [renderOnlyPlugin()] } : {},
})
