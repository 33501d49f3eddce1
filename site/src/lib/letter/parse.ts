/**
 * Parses a letter template once into a tree, so it can be rendered on every key press without
 * scanning the text again. Syntax (checked by the CMS when an editor saves, see
 * content-models/validators/templatePlaceholders.ts): `{{key}}` is a value the worker types;
 * `{{#key}} … {{/key}}` is an optional section.
 */

/** A part of a parsed template. */
export type LetterNode =
  | { type: 'text'; text: string }
  | { type: 'field'; key: string }
  | {
      type: 'section'
      key: string
      children: LetterNode[]
      /** The opening / closing tag stood alone on its line, so the line goes with it. */
      openAlone: boolean
      closeAlone: boolean
    }

const TAG = /\{\{\s*([#/]?)\s*([a-z][a-z0-9_]*)\s*\}\}/g

type OpenSection = Extract<LetterNode, { type: 'section' }>

/**
 * The template as a tree. A tag that stands alone on its line takes its line break with it, so an
 * optional section left out leaves no empty line behind. The CMS refuses broken templates; if one
 * gets through anyway, a stray closing tag is kept as text and an unclosed section ends with the
 * letter, so the page still shows the words rather than failing the whole site build.
 * @example parseTemplate('Dear {{name}}') // [{ type: 'text', text: 'Dear ' }, { type: 'field', key: 'name' }]
 */
export const parseTemplate = (source: string): LetterNode[] => {
  const text = source.replace(/\r\n?/g, '\n')
  const root: LetterNode[] = []
  const stack: { node: OpenSection | null; children: LetterNode[] }[] = [{ node: null, children: root }]
  const top = () => stack[stack.length - 1]
  const pushText = (t: string) => {
    if (!t) return
    const children = top().children
    const last = children[children.length - 1]
    if (last?.type === 'text') last.text += t
    else children.push({ type: 'text', text: t })
  }
  let at = 0
  for (const match of text.matchAll(TAG)) {
    const [whole, mark, key] = match
    const start = match.index
    let end = start + whole.length
    const alone =
      mark !== '' && (start === 0 || text[start - 1] === '\n') && (end === text.length || text[end] === '\n')
    pushText(text.slice(at, start))
    if (alone && text[end] === '\n') end += 1
    at = end
    if (mark === '#') {
      const node: OpenSection = { type: 'section', key, children: [], openAlone: alone, closeAlone: false }
      top().children.push(node)
      stack.push({ node, children: node.children })
    } else if (mark === '/') {
      const open = top().node
      if (open && open.key === key) {
        open.closeAlone = alone
        stack.pop()
      } else {
        pushText(whole + (alone && text[start + whole.length] === '\n' ? '\n' : ''))
      }
    } else {
      top().children.push({ type: 'field', key })
    }
  }
  pushText(text.slice(at))
  return root
}

/** Every placeholder key in the tree, in order of first use; with `chosen`, only those in included sections. */
export const fieldsUsed = (nodes: LetterNode[], chosen?: ReadonlySet<string>): string[] => {
  const keys: string[] = []
  const walk = (list: LetterNode[]) => {
    for (const n of list) {
      if (n.type === 'field' && !keys.includes(n.key)) keys.push(n.key)
      else if (n.type === 'section' && (!chosen || chosen.has(n.key))) walk(n.children)
    }
  }
  walk(nodes)
  return keys
}
