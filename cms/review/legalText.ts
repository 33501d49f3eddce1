/**
 * The legal content of a guide or letter as plain data: rich text reduced to its words and links
 * (formatting is not legal content), array rows without their ids. Its fingerprint is what a
 * reviewer approves; its text is what the typo rule compares.
 */
import { createHash } from 'node:crypto'
import { LEGAL_FIELDS, type ReviewedCollection } from '../../content-models/fields/review'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type LexicalNode = {
  type?: string
  text?: string
  children?: LexicalNode[]
  fields?: { url?: string }
  url?: string
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'listitem', 'quote', 'list', 'table', 'tablerow'])

/** The words of a Lexical tree, blocks on their own lines, each link's address after its text. */
const lexicalText = (node: LexicalNode): string => {
  if (typeof node.text === 'string') return node.text
  const inner = (node.children ?? []).map(lexicalText).join('')
  const url = node.type === 'link' || node.type === 'autolink' ? (node.fields?.url ?? node.url) : undefined
  const withUrl = url ? `${inner} <${url}>` : inner
  return node.type && BLOCK_TYPES.has(node.type) ? `${withUrl}\n` : withUrl
}

const isLexical = (v: unknown): v is { root: LexicalNode } =>
  Boolean(v && typeof v === 'object' && 'root' in v && (v as { root: unknown }).root)

/** A value as it matters legally: rich text as text, rows without ids, keys in order, no empties. */
const normalise = (value: unknown): Json => {
  if (value === undefined || value === null || value === '') return null
  if (isLexical(value)) return lexicalText(value.root).trim() || null
  if (Array.isArray(value)) return value.map(normalise)
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {}
    for (const key of Object.keys(value).sort()) {
      if (key === 'id') continue
      const v = normalise((value as Record<string, unknown>)[key])
      if (v !== null) out[key] = v
    }
    return out
  }
  return value as Json
}

/** The legal fields of a document (draft or published), normalised, in the order of LEGAL_FIELDS. */
export const legalContent = (collection: ReviewedCollection, doc: Record<string, unknown>) =>
  Object.fromEntries(LEGAL_FIELDS[collection].map((name) => [name, normalise(doc[name])]))

/**
 * A fingerprint (SHA-256) of the legal fields: equal exactly when a reader would see the same legal
 * content. A reviewer's approval is of this; any later edit to the legal text changes it.
 */
export const legalFingerprint = (collection: ReviewedCollection, doc: Record<string, unknown>): string =>
  createHash('sha256')
    .update(JSON.stringify(legalContent(collection, doc)))
    .digest('hex')

/** The legal fields whose content differs between two versions (for the refusal message). */
export const changedLegalFields = (
  collection: ReviewedCollection,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): string[] => {
  const a = before ? legalContent(collection, before) : {}
  const b = legalContent(collection, after)
  return LEGAL_FIELDS[collection].filter(
    (name) => JSON.stringify(a[name] ?? null) !== JSON.stringify(b[name]),
  )
}

/** The legal content as one text, for the typo rule: every string in it, in order. */
export const legalPlainText = (collection: ReviewedCollection, doc: Record<string, unknown>): string => {
  const parts: string[] = []
  const walk = (v: Json) => {
    if (v === null) return
    if (Array.isArray(v)) v.forEach(walk)
    else if (typeof v === 'object') Object.values(v).forEach(walk)
    else parts.push(String(v))
  }
  walk(legalContent(collection, doc) as Json)
  return parts.join('\n')
}
