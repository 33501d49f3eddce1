/**
 * The minimum fill time. The form carries a stamp: the time it was started, signed by the CMS so it
 * cannot be made up. A submission sooner than MIN_FILL_SECONDS after its stamp is flagged.
 */
import { timingSafeEqual } from 'node:crypto'
import { hmac } from '../members/tokens'

/** People take longer than this to fill in a form; scripts do not. FORM_MIN_FILL_SECONDS overrides. */
export const minFillSeconds = (env: NodeJS.ProcessEnv = process.env): number =>
  Number(env.FORM_MIN_FILL_SECONDS || 3)

/** A stamp older than this is treated as missing (the page sat open for a day). */
export const STAMP_MAX_AGE_SECONDS = 24 * 60 * 60

const sign = (secret: string, time: string) => hmac(secret, `form-stamp:${time}`).slice(0, 22)

/** A new stamp for a form started now: "<ms>.<signature>". */
export const issueFormStamp = (secret: string, now = Date.now()): string =>
  `${now}.${sign(secret, String(now))}`

/** What a stamp says about a submission. */
export type StampVerdict = 'ok' | 'missing' | 'forged' | 'too-fast'

/** Checks a stamp against the time of submission. */
export const checkFormStamp = (
  secret: string,
  stamp: string | undefined,
  now = Date.now(),
  minSeconds = minFillSeconds(),
): StampVerdict => {
  if (!stamp) return 'missing'
  const [time, signature] = stamp.split('.')
  if (!time || !signature || !/^\d+$/.test(time)) return 'forged'
  const expected = Buffer.from(sign(secret, time))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'forged'
  const age = (now - Number(time)) / 1000
  if (age < minSeconds) return 'too-fast'
  if (age > STAMP_MAX_AGE_SECONDS) return 'missing'
  return 'ok'
}
