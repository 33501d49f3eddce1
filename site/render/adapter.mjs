// An Astro adapter of our own, used only to build the site's pages once as a server bundle (see
// render.mjs): the bundle is kept while the site's sources are unchanged, and each content build
// renders pages with it from the new snapshot, instead of running `astro build` every time.
import { fileURLToPath } from 'node:url'

/** The integration: sets the adapter whose server entry exports `createApp` (entry.mjs). */
export default function renderAdapter() {
  return {
    name: 'better-work-render',
    hooks: {
      'astro:config:done': ({ setAdapter }) =>
        setAdapter({
          name: 'better-work-render',
          serverEntrypoint: fileURLToPath(new URL('./entry.mjs', import.meta.url)),
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
