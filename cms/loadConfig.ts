/**
 * Loads the Payload config module (cms/config.ts) in scripts and servers run by plain Node.
 *
 * On Node 20 the import of @payloadcms/richtext-lexical, which the config needs, sometimes never
 * finishes: each lexical package picks its build with a top-level `await import()`, and when many
 * of them load at once Node's module loader can wait forever (the process then exits with code 13
 * and no message, or hangs if anything else keeps it alive). Loading lexical's core package on its
 * own first avoids it (README, "Benchmarks", has the runs). Next bundles the config, and Vitest
 * loads it its own way, so neither needs this.
 */
export const loadConfigModule = async (): Promise<typeof import('./config')> => {
  await import('lexical')
  return import('./config')
}
