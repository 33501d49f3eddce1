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
  // pdfkit reads its font data from its own folder at run time: loaded from node_modules, not bundled.
  serverExternalPackages: ['pdfkit'],
  webpack: (config) => {
    config.resolve.extensionAlias = { '.js': ['.ts', '.tsx', '.js'] }
    return config
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
