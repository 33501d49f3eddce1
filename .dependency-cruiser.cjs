/**
 * The house rule of the project's rooms (README, "Folders"), checked by dependency-cruiser in
 * `npm test` (`npm run check:imports`): arrows point one way, site → content-models ← cms, and
 * scripts → cms. content-models is the shared vocabulary and imports nothing of ours.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'content-models-imports-nothing-of-ours',
      comment:
        'content-models/ is the vocabulary both sides share: it may not import cms/, site/ or scripts/ (inject what a hook needs).',
      severity: 'error',
      from: { path: '^content-models/' },
      to: { path: '^(cms|site|scripts)/' },
    },
    {
      name: 'site-never-imports-the-cms',
      comment:
        'The site builds from the snapshot alone: site/ may import content-models/, never cms/ or scripts/.',
      severity: 'error',
      from: { path: '^site/' },
      to: { path: '^(cms|scripts)/' },
    },
    {
      name: 'cms-never-imports-the-site-or-scripts',
      comment:
        'The CMS runs the site build by path (site/render/), never by import; scripts/ call the CMS, not the other way.',
      severity: 'error',
      from: { path: '^cms/' },
      to: { path: '^(site|scripts)/' },
    },
    {
      name: 'publish-through-its-front-door',
      comment:
        'cms/publish/ is one pipeline (export → render → check → switch → serve): the rest of cms/ and scripts/ use its index, not its inner files.',
      severity: 'error',
      from: { path: '^(cms|scripts)/', pathNot: '^cms/publish/' },
      to: { path: '^cms/publish/', pathNot: '^cms/publish/index\\.ts$' },
    },
    {
      name: 'sql-through-the-rows-module',
      comment:
        'SQL that bypasses Payload lives in cms/db/rows.ts: nothing else reaches the typed SQLite handle or the signature upsert.',
      severity: 'error',
      from: { path: '^(cms|scripts)/', pathNot: '^cms/db/' },
      to: { path: '^cms/db/(sqlHandle|signatureUpsert)\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|\\.next|\\.astro|dist)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.mjs', '.js'],
    },
  },
}
