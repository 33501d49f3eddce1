import { ValidationError, type CollectionBeforeValidateHook } from 'payload'
import { CAMPAIGN_KINDS } from '../kinds'

/** Whether a rich-text value holds any words. */
const hasText = (node: unknown): boolean => {
  if (!node || typeof node !== 'object') return false
  const n = node as { text?: unknown; children?: unknown[]; root?: unknown }
  if (typeof n.text === 'string' && n.text.trim()) return true
  if (n.root) return hasText(n.root)
  return Array.isArray(n.children) && n.children.some(hasText)
}

/** An open letter needs its letter: the words that are handed in, above the signatories. */
export const requireLetter: CollectionBeforeValidateHook = ({ data, originalDoc }) => {
  const kind = data?.kind ?? originalDoc?.kind
  const letter = data && 'letter' in data ? data.letter : originalDoc?.letter
  if (kind === CAMPAIGN_KINDS.OPEN_LETTER && !hasText(letter))
    throw new ValidationError({
      collection: 'petitions',
      errors: [{ path: 'letter', message: 'An open letter needs its letter: write the words to hand in.' }],
    })
  return data
}
