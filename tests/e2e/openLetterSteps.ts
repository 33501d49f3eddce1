/** An open letter with two signatories who chose to show their name (one with a role) and one who did not. */
import type { Payload } from 'payload'
import { plainToLexical } from '../../content-models/collections/petitionProposals/hooks'
import { make } from '../helpers/factories'

export const LETTER_SLUG = 'two-nurses-every-ward'

export const openLetterWithSignatories = async (payload: Payload) => {
  const letter = await make.petition(payload, {
    kind: 'open-letter',
    title: 'Two nurses on every ward',
    slug: LETTER_SLUG,
    addressedTo: 'The board of Example Hospitals Trust',
    letter: plainToLexical('Dear board,\n\nWe ask you to put two nurses on every ward, every night.'),
  })
  const signed = (name: string | null, minutesAgo: number, shown: Record<string, unknown>) =>
    make.signature(payload, letter.id, {
      ...(name ? { name } : {}),
      state: 'confirmed',
      confirmedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
      ...shown,
    })
  await signed('Amira Khan', 30, { showName: true })
  await signed('Sam Lee', 20, { showName: true, role: 'Porter, St James' })
  await signed('Quiet Signer', 10, {})
  return letter
}
