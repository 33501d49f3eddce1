/**
 * What a member writes to propose a petition (JSON from the island, or a plain form), and the
 * supporters' private link's token. Plain text only: kept as typed, always shown escaped.
 */
import { z } from 'zod'
import { PROPOSAL_LIMITS } from '../../../content-models/collections/petitionProposals/constants'
import { checkbox } from '../../abuse/validation'
import { CAMPAIGN_KINDS } from '../../../content-models/collections/Petitions/kinds'

/** Whether text holds control characters other than tabs and line breaks: no person types them. */
const hasControl = (v: string) =>
  [...v].some((c) => {
    const n = c.charCodeAt(0)
    return (n < 32 && n !== 9 && n !== 10 && n !== 13) || n === 127
  })

const words = (what: string, min: number, max: number) =>
  z
    .string({ error: `Write ${what}.` })
    .trim()
    .min(min, { message: min > 1 ? `Write ${what}, in at least ${min} characters.` : `Write ${what}.` })
    .max(max, { message: `Write ${what} in at most ${max.toLocaleString('en-GB')} characters.` })
    .refine((v) => !hasControl(v), { message: 'Use plain text only.' })

/** A proposal, new or resubmitted. */
export const proposalSchema = z.object({
  /** A petition (the default) or an open letter. */
  kind: z
    .enum([CAMPAIGN_KINDS.PETITION, CAMPAIGN_KINDS.OPEN_LETTER], {
      error: 'kind: choose "petition" or "open-letter".',
    })
    .optional()
    .transform((v) => v ?? CAMPAIGN_KINDS.PETITION),
  title: words('a title', 10, PROPOSAL_LIMITS.title),
  ask: words('what you want', 10, PROPOSAL_LIMITS.ask),
  addressedTo: words('who the petition is addressed to', 2, PROPOSAL_LIMITS.addressedTo),
  why: words('why it matters', 20, PROPOSAL_LIMITS.why),
  /** Show "Started by <first name>" on the petition. */
  showCreatorName: checkbox().optional(),
})
export type ProposalInput = z.output<typeof proposalSchema>

/** The private supporters' link's token (43 characters of base64url). */
export const supportTokenSchema = z.object({
  token: z
    .string({ error: 'The link is not complete. Open the whole link you were sent.' })
    .trim()
    .regex(/^[A-Za-z0-9_-]{20,100}$/, {
      message: 'The link is not complete. Open the whole link you were sent.',
    }),
})
