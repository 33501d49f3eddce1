/**
 * The consent wording people agree to, kept in one place and versioned. The version is stored
 * with every member and signature, so we can always show what someone agreed to. Change the
 * wording → change CONSENT_VERSION (and keep the old wording in CONSENT_HISTORY).
 */

/** The version of the wording below. */
export const CONSENT_VERSION = '2026-11-a'

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
} as const

/** Every version of the wording ever shown, by version. */
export const CONSENT_HISTORY: Record<string, typeof CONSENT_WORDING> = {
  [CONSENT_VERSION]: CONSENT_WORDING,
}
