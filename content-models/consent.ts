/**
 * The consent wording people agree to, kept in one place and versioned. The version is stored
 * with every member and signature, so we can always show what someone agreed to. Change the
 * wording → change CONSENT_VERSION (and keep the old wording in CONSENT_HISTORY).
 */

/** The version of the wording below. */
export const CONSENT_VERSION = '2026-12-a'

/** The current wording, shown on the forms. */
export const CONSENT_WORDING = {
  /** Sign-up: permission to email. */
  email: 'Yes, email me about the network, training and campaigns. I can stop at any time.',
  /** Sign-up: explicit consent for special category data (UK GDPR Article 9). */
  unionInterest:
    'Yes, you may keep a record that I am interested in trade unions and organising at work. Only our organisers can see it. I can ask you to delete it at any time.',
  /** Petition: permission to send updates about this petition. */
  petitionUpdates: 'Email me updates about this petition. (Optional)',
  /** Petition: show first name and area publicly. */
  showName: 'Show my first name and area on the petition page. (Optional)',
  /** Open letter: permission to send updates about this letter. */
  letterUpdates: 'Email me updates about this open letter. (Optional)',
  /** Open letter: show name and role publicly, and in the letter handed in. */
  showNameAndRole:
    'Show my name and role on the open letter, and in the copy that is handed in. Anyone can see them, including your employer. (Optional)',
} as const

/** Every version of the wording ever shown, by version (a version may lack wording added later). */
export const CONSENT_HISTORY: Record<string, Partial<Record<keyof typeof CONSENT_WORDING, string>>> = {
  '2026-11-a': {
    email: CONSENT_WORDING.email,
    unionInterest: CONSENT_WORDING.unionInterest,
    petitionUpdates: CONSENT_WORDING.petitionUpdates,
    showName: CONSENT_WORDING.showName,
  },
  [CONSENT_VERSION]: CONSENT_WORDING,
}
