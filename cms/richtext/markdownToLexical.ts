/**
 * Converts the small Markdown subset of our seed content (## and ### headings, paragraphs, - and 1.
 * lists, **bold**, *italic*, [links](https://…)) to a Lexical editor state that Payload stores.
 */

import type { Guide } from '../../content-models/payload-types'

/** A rich-text value as Payload stores it (the generated type of every richText field). */
export type RichText = Guide['body']

/** A Lexical node: its type and version, and what else that type has. */
type Node = { type: string; version: number; [k: string]: unknown }

const block = (type: string, children: Node[], extra: Record<string, unknown> = {}): Node => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})

const text = (value: string, format = 0): Node => ({
  type: 'text',
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\(([^)\s]+)\)/g

/** Inline Markdown to Lexical text and link nodes. */
export const inlineToLexical = (line: string): Node[] => {
  const nodes: Node[] = []
  let last = 0
  for (const m of line.matchAll(INLINE)) {
    if (m.index! > last) nodes.push(text(line.slice(last, m.index)))
    if (m[1] !== undefined) nodes.push(text(m[1], 1))
    else if (m[2] !== undefined) nodes.push(text(m[2], 2))
    else
      nodes.push({
        ...block('link', [text(m[3])]),
        fields: { url: m[4], newTab: false, linkType: 'custom' },
      })
    last = m.index! + m[0].length
  }
  if (last < line.length) nodes.push(text(line.slice(last)))
  return nodes
}

/**
 * @example markdownToLexical('## Who can get it\n\nMost workers.').root.children.length // 2
 */
export const markdownToLexical = (markdown: string): RichText => {
  const children: Node[] = []
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n')
  let paragraph: string[] = []
  let list: { type: 'bullet' | 'number'; items: string[] } | null = null

  const flushParagraph = () => {
    if (paragraph.length)
      children.push(
        block('paragraph', inlineToLexical(paragraph.join(' ')), { textFormat: 0, textStyle: '' }),
      )
    paragraph = []
  }
  const flushList = () => {
    if (!list) return
    const tag = list.type === 'number' ? 'ol' : 'ul'
    children.push(
      block(
        'list',
        list.items.map((item, i) => block('listitem', inlineToLexical(item), { value: i + 1 })),
        { listType: list.type, start: 1, tag },
      ),
    )
    list = null
  }

  for (const raw of lines) {
    const line = raw.trimEnd()
    const heading = /^(#{2,4})\s+(.*)$/.exec(line)
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line)
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line)
    if (line.trim() === '') {
      flushParagraph()
      flushList()
    } else if (heading) {
      flushParagraph()
      flushList()
      const tag = heading[1].length === 2 ? 'h2' : heading[1].length === 3 ? 'h3' : 'h4'
      children.push(block('heading', inlineToLexical(heading[2].trim()), { tag }))
    } else if (bullet || numbered) {
      flushParagraph()
      const type = bullet ? 'bullet' : 'number'
      if (list && list.type !== type) flushList()
      list ??= { type, items: [] }
      list.items.push((bullet ?? numbered)![1])
    } else if (list && /^\s{2,}\S/.test(raw)) {
      list.items[list.items.length - 1] += ` ${line.trim()}`
    } else {
      flushList()
      paragraph.push(line.trim())
    }
  }
  flushParagraph()
  flushList()
  return { root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } }
}
