import path from 'node:path'
import { withPayload } from '@payloadcms/next/withPayload'

const root = path.resolve(/*turbopackIgnore: true*/ process.env.PROJECT_ROOT || process.cwd())

/** The CMS admin and API. The public site is static and served separately. */
const nextConfig = {
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  outputFileTracingRoot: root,
  turbopack: { root },
  // `npm test` type-checks the whole project (cms/ included) with tsc before anything is built:
  // Next checking it again made every admin build about a minute longer.
  typescript: { tsconfigPath: 'tsconfig.json', ignoreBuildErrors: true },
  // The admin is built once per change of its sources (scripts/lib/cmsBuild.ts): a cache for the
  // next build is written, not read, and writing it took about a minute on a fresh clone.
  experimental: { turbopackFileSystemCacheForBuild: false },
  // Loaded from node_modules at run time, not bundled: pdfkit reads its font data from its own
  // folder; workbox-build (the site's service worker, cms/publish/offline) loads babel and rollup.
  serverExternalPackages: ['pdfkit', 'workbox-build'],
  webpack: (config) => {
    config.resolve.extensionAlias = { '.js': ['.ts', '.tsx', '.js'] }
    return config
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
