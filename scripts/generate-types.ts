/**
 * Regenerates content-models/payload-types.ts and the admin import map from the collections.
 * `--check` regenerates into memory and fails when the committed files are stale (CI runs it).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { generateImportMap } from 'payload'
import { generateTypes } from 'payload/node'
import { loadConfigModule } from '../cms/loadConfig'

const check = process.argv.includes('--check')
const root = process.cwd()
const typesFile = path.join(root, 'content-models/payload-types.ts')
const importMapFile = path.join(root, 'cms/app/(payload)/admin/importMap.js')
const before = { types: readFileSync(typesFile, 'utf8'), importMap: readFileSync(importMapFile, 'utf8') }

const { createConfig } = await loadConfigModule()
const config = await createConfig({ secret: 'type-generation' })
await generateTypes(config, { log: false })
await generateImportMap(config, { force: true, log: false })

const after = { types: readFileSync(typesFile, 'utf8'), importMap: readFileSync(importMapFile, 'utf8') }
if (check) {
  const stale = (['types', 'importMap'] as const).filter((k) => before[k] !== after[k])
  // Put the committed versions back: a check must not change the tree.
  writeFileSync(typesFile, before.types)
  writeFileSync(importMapFile, before.importMap)
  if (stale.length) {
    console.error(
      `Stale generated files: ${stale.map((k) => (k === 'types' ? 'content-models/payload-types.ts' : 'cms/app/(payload)/admin/importMap.js')).join(', ')}. Run "npm run generate:types" and commit the result.`,
    )
    process.exit(1)
  }
  console.log('Generated types and import map are up to date.')
} else {
  console.log('Wrote content-models/payload-types.ts and the admin import map.')
}
process.exit(0)
