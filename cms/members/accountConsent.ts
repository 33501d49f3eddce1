/**
 * The union-interest consent (UK GDPR Art. 9), given or withdrawn in My account: never needed to
 * join, register or sign in. Giving it stores the version of the wording shown
 * (content-models/consent.ts) and when; withdrawing clears all three.
 */
import type { Payload } from 'payload'
import { CONSENT_VERSION } from '../../content-models/consent'
import type { Member } from '../../content-models/payload-types'
import type { FieldErrors } from '../abuse/validation'
import type { AccountMember } from './accountMember'

const YES = new Set([true, 'true', 'on', 'yes', '1'])
const NO = new Set([false, 'false', 'off', 'no', '0', ''])

/** Reads { unionInterest: true | false } (JSON, or a form's "on" / "off"); errors name the field. */
export const checkConsent = (
  raw: Record<string, unknown>,
): { ok: true; give: boolean } | { ok: false; errors: FieldErrors } => {
  const value =
    typeof raw.unionInterest === 'string' ? raw.unionInterest.trim().toLowerCase() : raw.unionInterest
  if (YES.has(value as string | boolean)) return { ok: true, give: true }
  if (NO.has(value as string | boolean)) return { ok: true, give: false }
  return {
    ok: false,
    errors: { unionInterest: 'Send true to give your permission or false to withdraw it.' },
  }
}

/** The stored form of the union-interest consent, given now under the current wording. */
export const unionInterestConsent = (now = new Date()) => ({
  consentUnionInterest: true,
  consentUnionInterestVersion: CONSENT_VERSION,
  consentUnionInterestAt: now.toISOString(),
})

/** Gives or withdraws the union-interest consent on the member's own record. */
export const setUnionInterest = async (
  payload: Payload,
  member: AccountMember,
  give: boolean,
  now = new Date(),
): Promise<void> => {
  const changes: Partial<AccountMember> = give
    ? unionInterestConsent(now)
    : { consentUnionInterest: false, consentUnionInterestVersion: null, consentUnionInterestAt: null }
  const data: Partial<Member> = changes
  await payload.update({ collection: 'members', id: member.id, data, overrideAccess: true, depth: 0 })
  payload.logger.info({
    msg: `Member ${member.id} ${give ? `gave the union-interest consent (${CONSENT_VERSION})` : 'withdrew the union-interest consent'}`,
  })
}
