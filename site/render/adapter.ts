/**
 * An Astro adapter of our own, used only to build the site's pages once as a server bundle (see
 * render.ts): the bundle is kept while the site's sources are unchanged, and each content build
 * renders pages with it from the new snapshot, instead of running `astro build` every time.
 */
import type { AstroIntegration } from 'astro'
import { fileURLToPath } from 'node:url'

/** The adapter's name, as Astro reports it. */
const NAME = 'better-work-render'

/** The integration: sets the adapter whose server entry exports `createApp` (entry.ts). */
export default function renderAdapter(): AstroIntegration {
  return {
    name: NAME,
    hooks: {
      'astro:config:done': ({ setAdapter }) =>
        setAdapter({
          name: NAME,
          serverEntrypoint: fileURLToPath(new URL('./entry.ts', import.meta.url)),
          exports: ['createApp'],
          supportedAstroFeatures: {
            serverOutput: 'stable',
            staticOutput: 'stable',
            hybridOutput: 'stable',
            envGetSecret: 'unsupported',
            sharpImageService: 'stable',
          },
        }),
    },
  }
}
