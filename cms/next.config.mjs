import path from 'node:path'
import { withPayload } from '@payloadcms/next/withPayload'

const root = path.resolve(/*turbopackIgnore: true*/ process.env.PROJECT_ROOT || process.cwd())

/** The CMS admin and API. The public site is static and served separately. */
const nextConfig = {
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  outputFileTracingRoot: root,
  turbopack: { root },
  typescript: { tsconfigPath: 'tsconfig.json' },
  // Loaded from node_modules at run time, not bundled: pdfkit reads its font data from its own
  // folder; workbox-build (the site's service worker, cms/publish/offline) loads babel and rollup.
  serverExternalPackages: ['pdfkit', 'workbox-build'],
  webpack: (config) => {
    config.resolve.extensionAlias = { '.js': ['.ts', '.tsx', '.js'] }
    return config
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
