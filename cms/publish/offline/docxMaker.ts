/**
 * A fingerprint of the code that makes the blank Word letters (.docx) at build time: the module
 * that writes them and every module it imports (not those imported for types alone), with the
 * version of each package they use. The library manifest hashes a .docx by what it is made from
 * (see libraryManifest.ts), so a deploy that changes other code does not make every saved library
 * fetch every letter again, and one that changes how letters are made does.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { projectRoot } from '../../../content-models/paths'

/** The page that writes each blank letter's .docx. */
export const DOCX_ENTRY = 'site/src/pages/templates/[slug]/[name].docx.ts'

/** Imports and re-exports that bring code (`import type` and `export type` bring none). */
const IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm

const resolveModule = async (from: string, spec: string): Promise<string | null> => {
  const base = path.resolve(path.dirname(from), spec)
  for (const file of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (/\.tsx?$/.test(file) && (await readFile(file).catch(() => null))) return file
  }
  return null
}

/** The name of the package an import names: docx → docx, @scope/name/sub → @scope/name. */
const packageOf = (spec: string) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/')

/**
 * The files (relative to `root`) and packages (name@version) the .docx are made with.
 * @example (await docxMakers()).packages → ['astro@5.18.0', 'docx@9.5.1']
 */
export const docxMakers = async (root = projectRoot()): Promise<{ files: string[]; packages: string[] }> => {
  const files = new Set<string>()
  const packages = new Set<string>()
  const queue = [path.join(root, DOCX_ENTRY)]
  for (let file = queue.shift(); file; file = queue.shift()) {
    if (files.has(file)) continue
    files.add(file)
    for (const [, spec] of (await readFile(file, 'utf8')).matchAll(IMPORT)) {
      if (spec!.startsWith('.')) {
        const next = await resolveModule(file, spec!)
        if (!next) throw new Error(`${spec} (imported by ${path.relative(root, file)}) was not found`)
        queue.push(next)
      } else if (!spec!.startsWith('node:')) {
        const name = packageOf(spec!)
        const manifest = path.join(root, 'node_modules', name, 'package.json')
        const { version } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string }
        packages.add(`${name}@${version}`)
      }
    }
  }
  return { files: [...files].map((f) => path.relative(root, f)).sort(), packages: [...packages].sort() }
}

/** A fingerprint of the code that makes the .docx letters (16 hex digits). */
export const docxMakerFingerprint = async (root = projectRoot()): Promise<string> => {
  const { files, packages } = await docxMakers(root)
  const hash = createHash('sha256')
  for (const file of files) hash.update(`${file}\n`).update(await readFile(path.join(root, file)))
  for (const p of packages) hash.update(`${p}\n`)
  return hash.digest('hex').slice(0, 16)
}
