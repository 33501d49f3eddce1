/**
 * The server entry of the render bundle (bundled by Astro with the pages, so it shares their copy
 * of Astro's runtime). Every route is marked prerendered, so Astro calls each page's
 * getStaticPaths and passes its props exactly as a static build would (Astro skips getStaticPaths
 * for routes rendered on demand).
 */
import type { SSRManifest } from 'astro'
import { App } from 'astro/app'

/** What the bundle's `createApp` gives render.ts: Astro's app, its manifest and the site's address. */
export type RenderApp = { app: App; manifest: SSRManifest; site: string }

/** The exports of the built server entry (server/entry.mjs), as render.ts imports them. */
export type RenderEntry = { createApp: () => RenderApp }

/** Called by Astro's build with the manifest of every route; `exports: ['createApp']` in adapter.ts. */
export function createExports(manifest: SSRManifest): RenderEntry {
  return {
    createApp: () => {
      for (const { routeData } of manifest.routes) routeData.prerender = true
      // The site's address is read when rendering, so one bundle serves any SITE_URL.
      const site = process.env.SITE_URL
      if (site) {
        if (!URL.canParse(site))
          throw new Error(
            `SITE_URL must be the public site's web address, like https://example.org, not "${site}".`,
          )
        manifest.site = site
      }
      return { app: new App(manifest, false), manifest, site: manifest.site ?? 'http://localhost:4321' }
    },
  }
}
