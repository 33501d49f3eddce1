/**
 * `node --import tsx scripts/bench/build/editGuide.ts <snapshot dir> [edit|add|remove]`: changes
 * the snapshot's guides as an editor's publish would, and prints the slug it changed. Run in a
 * child process by scripts/bench/build.ts, so the benchmark's own memory never holds the guides.
 * - edit: the guide in the middle gets a new title (and updatedAt);
 * - add: a new guide, a copy of the one a third of the way in with its own slug and title;
 * - remove: the guide two thirds of the way in is unpublished, and the links to it from other
 *   guides and letters go with it (as the export leaves out what is not published).
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

type Ref = { slug: string }
type Guide = { id: number | string; slug: string; title: string; updatedAt: string; relatedGuides?: Ref[] }

const [dir = '', mode = 'edit'] = process.argv.slice(2)
const file = path.join(dir, 'guides.json')
const list = JSON.parse(await readFile(file, 'utf8')) as Guide[]
const at = (share: number) => {
  const guide = list[Math.floor(list.length * share)]
  if (!guide) throw new Error(`${file} has no guide to ${mode}.`)
  return guide
}
const now = new Date().toISOString()

/** Drops the links to `slug` from every guide and letter in `dir`. */
const unlink = async (slug: string) => {
  for (const g of list) g.relatedGuides = g.relatedGuides?.filter((r) => r.slug !== slug)
  const letters = path.join(dir, 'templates.json')
  const templates = JSON.parse(await readFile(letters, 'utf8')) as { relatedGuides?: Ref[] }[]
  for (const t of templates) t.relatedGuides = t.relatedGuides?.filter((r) => r.slug !== slug)
  await writeFile(letters, JSON.stringify(templates))
}

let changed: Guide
if (mode === 'edit') {
  changed = at(1 / 2)
  changed.title = `${changed.title} (updated)`
  changed.updatedAt = now
} else if (mode === 'add') {
  const model = at(1 / 3)
  const id =
    typeof model.id === 'number' ? Math.max(...list.map((g) => Number(g.id) || 0)) + 1 : `${model.id}-added`
  changed = { ...model, id, slug: `${model.slug}-added`, title: `${model.title} (added)` }
  changed.updatedAt = now
  list.splice(list.indexOf(model) + 1, 0, changed)
} else if (mode === 'remove') {
  changed = at(2 / 3)
  list.splice(list.indexOf(changed), 1)
  await unlink(changed.slug)
} else throw new Error(`Unknown change "${mode}": use edit, add or remove.`)
await writeFile(file, JSON.stringify(list))
console.log(changed.slug)
