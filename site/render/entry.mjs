// The server entry of the render bundle (bundled by Astro with the pages, so it shares their copy
// of Astro's runtime). Every route is marked prerendered, so Astro calls each page's
// getStaticPaths and passes its props exactly as a static build would (Astro skips getStaticPaths
// for routes rendered on demand).
import { App } from 'astro/app'

export function createExports(manifest) {
  return {
    createApp: () => {
      for (const { routeData } of manifest.routes) routeData.prerender = true
      // The site's address is read when rendering, so one bundle serves any SITE_URL.
      if (process.env.SITE_URL) {
        if (!URL.canParse(process.env.SITE_URL))
          throw new Error(
            `SITE_URL must be the public site's web address, like https://example.org, not "${process.env.SITE_URL}".`,
          )
        manifest.site = process.env.SITE_URL
      }
      return { app: new App(manifest, false), manifest, site: manifest.site ?? 'http://localhost:4321' }
    },
  }
}
