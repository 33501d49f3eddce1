/**
 * Document numbers that stay the same from build to build. Every posting, title block and summary
 * block names documents by number; if the numbers were places in the snapshot's order, adding or
 * removing one guide would renumber every document after it and rewrite nearly every file of the
 * index (and every reader would fetch them all again). Instead a build reads the live build's
 * table of numbers (its manifest and title blocks: which address has which number) and keeps
 * each surviving document's number; a removed document leaves its number empty, and new documents
 * take the empty numbers, lowest first, then the numbers after the last.
 *
 * The numbering is a function of the documents and that table alone, so it is deterministic: a
 * full build given the same live build numbers as an incremental one does (both are given it by
 * cms/publish/makeBuild.ts), and a build with no live build numbers in the snapshot's order.
 * Scores do not depend on the numbers (an empty number is not a document: bm25.ts counts only
 * `documentCount`); only the order of results with exactly the same score does, as in lunr, where
 * it is the order the documents were added.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { SearchDocument } from './documents'
import { docUrl, readTitleEntry, searchIndexPaths, type SearchManifest, type TitleBlock } from './files'

/** Per document number, the address of the document that has it; null for a number left empty. */
export type DocTable = (string | null)[]

/**
 * When more than this share of the numbers would be empty, the documents are numbered afresh, in
 * the snapshot's order: every file changes once, and the index stops carrying the empty numbers.
 */
export const MAX_EMPTY_SHARE = 0.25

/**
 * The documents by number: those in `previous` keep their numbers, new ones take the empty
 * numbers (lowest first) and then the numbers after the last; a null is a number left empty.
 * Without `previous`, the documents in the order given.
 * @example numberDocuments([b, c], ['/a/', '/b/']) // [c, b]: b keeps 1, c takes a's empty 0
 */
export const numberDocuments = (
  docs: readonly SearchDocument[],
  previous?: DocTable,
): (SearchDocument | null)[] => {
  const byUrl = new Map(docs.map((d) => [d.url, d]))
  // Two documents at one address cannot be told apart across builds: number them afresh.
  if (!previous || byUrl.size !== docs.length) return [...docs]
  const placed = new Set<string>()
  const slots = previous.map((url) => {
    const doc = url === null || placed.has(url) ? undefined : byUrl.get(url)
    if (!doc) return null
    placed.add(url!)
    return doc
  })
  const empty = slots.flatMap((d, i) => (d ? [] : [i]))
  let next = 0
  for (const d of docs) {
    if (placed.has(d.url)) continue
    if (next < empty.length) slots[empty[next++]] = d
    else slots.push(d)
  }
  while (slots.length && slots[slots.length - 1] === null) slots.pop()
  const left = slots.reduce((n, d) => (d ? n : n + 1), 0)
  return left > slots.length * MAX_EMPTY_SHARE ? [...docs] : slots
}

/** The table of numbers of an index: each number's address, rebuilt from the manifest and the title blocks. */
export const docTableOf = (
  manifest: Pick<SearchManifest, 'docTypes' | 'urlAffixes' | 'titleBlockSize'>,
  titleBlock: (block: number) => TitleBlock,
): DocTable =>
  manifest.docTypes.map((type, doc) => {
    if (type < 0) return null
    const [middle] = readTitleEntry(
      titleBlock(Math.floor(doc / manifest.titleBlockSize))[doc % manifest.titleBlockSize],
    )
    return docUrl(manifest, doc, middle)
  })

/**
 * The table of numbers of the index written in `buildDir` (its search-index/ folder); none when
 * there is no index there. An index that cannot be read is reported and not used: the documents
 * are numbered afresh, which is always right, only every file of the index changes.
 */
export const readDocTable = (buildDir: string): DocTable | undefined => {
  const file = (p: string): unknown =>
    JSON.parse(readFileSync(path.join(buildDir, 'search-index', p), 'utf8'))
  try {
    const manifest = file(searchIndexPaths.manifest()) as SearchManifest
    const blocks = new Map<number, TitleBlock>()
    return docTableOf(manifest, (n) => {
      if (!blocks.has(n)) blocks.set(n, file(searchIndexPaths.titles(n)) as TitleBlock)
      return blocks.get(n)!
    })
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT' || !/manifest\.json/.test(String(cause)))
      console.warn(
        `The search index in ${buildDir} could not be read (${(cause as Error).message}): numbering its documents afresh, so every search file changes once.`,
      )
    return undefined
  }
}
