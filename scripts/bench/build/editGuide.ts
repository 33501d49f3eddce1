/**
 * `node --import tsx scripts/bench/build/editGuide.ts <snapshot dir>`: edits the guide in the
 * middle of the snapshot's guides.json as an editor's publish would (title and updatedAt), and
 * prints its slug. Run in a child process by scripts/bench/build.ts, so the benchmark's own
 * memory never holds the parsed guides.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

const file = path.join(process.argv[2] ?? '', 'guides.json')
const list = JSON.parse(await readFile(file, 'utf8')) as { slug: string; title: string; updatedAt: string }[]
const edited = list[Math.floor(list.length / 2)]
if (!edited) throw new Error(`${file} has no guide to edit.`)
edited.title = `${edited.title} (updated)`
edited.updatedAt = new Date().toISOString()
await writeFile(file, JSON.stringify(list))
console.log(edited.slug)
