/**
 * The two kinds of campaign, which share signatures, counts, milestones and updates: a petition
 * (a demand with a count) and an open letter (a letter addressed to someone, with signatories who
 * may show their name and role). One place for their names, addresses and words.
 */

export const CAMPAIGN_KINDS = { PETITION: 'petition', OPEN_LETTER: 'open-letter' } as const
export type CampaignKind = (typeof CAMPAIGN_KINDS)[keyof typeof CAMPAIGN_KINDS]

/** The kind stored on a campaign, or a petition for anything else (campaigns made before kinds). */
export const campaignKind = (value: unknown): CampaignKind =>
  value === CAMPAIGN_KINDS.OPEN_LETTER ? CAMPAIGN_KINDS.OPEN_LETTER : CAMPAIGN_KINDS.PETITION

/** The folder of each kind's pages on the public site. */
const FOLDERS: Record<CampaignKind, string> = { petition: 'petitions', 'open-letter': 'open-letters' }

/**
 * A campaign's page on the public site, from the site's root.
 * @example campaignPath('open-letter', 'safe-staffing') // "/open-letters/safe-staffing/"
 */
export const campaignPath = (kind: unknown, slug: string): string =>
  `/${FOLDERS[campaignKind(kind)]}/${slug}/`

/** How each kind is named in a sentence ("sign this open letter"). */
export const KIND_WORDS: Record<CampaignKind, { noun: string; label: string }> = {
  petition: { noun: 'petition', label: 'Petition' },
  'open-letter': { noun: 'open letter', label: 'Open letter' },
}

/** The longest role a signatory may show ("Night-shift nurse, Leeds"). */
export const ROLE_MAX = 80
