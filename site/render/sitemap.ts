/**
 * The sitemap of a render (site/render/render.ts): sitemap-index.xml and sitemap-0.xml, written by
 * the official @astrojs/sitemap integration with the options astro.config.mjs gives it, so the
 * files are the ones `astro build` writes.
 */
import sitemap from '@astrojs/sitemap'
import type { AstroConfig, AstroIntegrationLogger, IntegrationResolvedRoute } from 'astro'
import { pathToFileURL } from 'node:url'
import { sitemapOptions } from '../sitemap.options'

/**
 * The three hooks of @astrojs/sitemap (3.7) called here, given only what the integration reads:
 * Astro's types ask for its whole config and build context, which exist only inside `astro build`.
 * The config fields are astro.config.mjs's (site from SITE_URL, base '/', trailingSlash 'always',
 * build.format 'directory'); the routes are left empty because every page is passed in `pages`.
 */
type SitemapHooks = {
  'astro:routes:resolved': (options: { routes: IntegrationResolvedRoute[] }) => void | Promise<void>
  'astro:config:done': (options: {
    config: Pick<AstroConfig, 'site' | 'base' | 'trailingSlash'> & {
      build: Pick<AstroConfig['build'], 'format'>
    }
  }) => void | Promise<void>
  'astro:build:done': (options: {
    dir: URL
    pages: { pathname: string }[]
    logger: Pick<AstroIntegrationLogger, 'info' | 'warn' | 'error'>
  }) => void | Promise<void>
}

/** Warnings and errors only, as `astro build --logLevel warn` would print. */
const quiet: Pick<AstroIntegrationLogger, 'info' | 'warn' | 'error'> = {
  info() {},
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
}

/**
 * Writes sitemap-index.xml and sitemap-0.xml into `outDir` with the official integration, for
 * the pages at `pathnames` (pages only, not endpoints; in the order they were listed).
 */
export const writeSitemap = async (
  site: string,
  outDir: string,
  pathnames: readonly string[],
): Promise<void> => {
  // A narrower view of the same hooks (see SitemapHooks): the integration reads nothing else.
  const hooks = sitemap(sitemapOptions).hooks as SitemapHooks
  await hooks['astro:routes:resolved']({ routes: [] })
  await hooks['astro:config:done']({
    config: { site, base: '/', trailingSlash: 'always', build: { format: 'directory' } },
  })
  await hooks['astro:build:done']({
    dir: pathToFileURL(`${outDir}/`),
    pages: pathnames.map((p) => ({ pathname: p.replace(/^\//, '') })),
    logger: quiet,
  })
}
