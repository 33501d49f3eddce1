import type { PayloadRequest } from 'payload'
import { DEFAULT_TYPO_MAX_CHARS } from '../../content-models/globals/ReviewRules'

/** The reviewers' typo limit (Review rules), 0 (off) until a reviewer sets it. */
export const typoRuleMaxChars = async (req: PayloadRequest): Promise<number> => {
  const rules = await req.payload.findGlobal({ slug: 'review-rules', depth: 0, overrideAccess: true, req })
  const n = Number(rules?.typoMaxChars ?? DEFAULT_TYPO_MAX_CHARS)
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0
}
