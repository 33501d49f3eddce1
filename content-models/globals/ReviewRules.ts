import type { GlobalConfig } from 'payload'
import { isReviewer } from '../access/isReviewer'
import { isStaff } from '../access/isStaff'

/** Typo fixes allowed by default: none, so every legal change is reviewed until reviewers say otherwise. */
export const DEFAULT_TYPO_MAX_CHARS = 0

/**
 * Rules the legal reviewers set for the review gate. Only reviewers and admins change them: an
 * editor cannot widen what counts as a typo.
 */
export const ReviewRules: GlobalConfig = {
  slug: 'review-rules',
  label: 'Review rules',
  admin: { group: 'Content' },
  access: { read: isStaff, update: isReviewer },
  fields: [
    {
      name: 'typoMaxChars',
      type: 'number',
      min: 0,
      max: 200,
      label: 'A typo fix changes at most this many characters',
      admin: {
        description:
          'A change counts as a typo fix when at most this many characters change in the legal text and no number, date, money amount, link or nation changes. 0 turns typo fixes off: every legal change then needs a review.',
      },
    },
  ],
}
