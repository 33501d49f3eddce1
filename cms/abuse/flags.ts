/**
 * Silent fraud flags. A flagged submission is stored and answered like any other; the person is
 * never told. Some flags also stop the confirmation email (see SUPPRESS_EMAIL_FLAGS).
 */
import { hmac } from '../members/tokens'
import { checkFormStamp } from './formStamp'

export const FLAGS = {
  /** The hidden field was filled in: a script, not a person. */
  HONEYPOT: 'honeypot',
  /** Sent sooner after the form was started than a person could. */
  TOO_FAST: 'too-fast',
  /** The form stamp was made up. */
  FORGED_STAMP: 'forged-stamp',
  /** No form stamp (JavaScript off, or a script). Information only. */
  NO_STAMP: 'no-stamp',
  /** Over the per-IP rate limit. */
  RATE_LIMIT: 'rate-limit',
} as const
export type Flag = (typeof FLAGS)[keyof typeof FLAGS]

/** Flags that mean no confirmation email is sent (so a script cannot flood inboxes through us). */
export const SUPPRESS_EMAIL_FLAGS: readonly Flag[] = [FLAGS.HONEYPOT, FLAGS.RATE_LIMIT]

/** The honeypot field's name: a hidden "website" field people never see. */
export const HONEYPOT_FIELD = 'website'
/** The form stamp field's name. */
export const STAMP_FIELD = 'startedAt'

/** Flags from the honeypot and the form stamp. */
export const formFlags = (
  input: { honeypot?: string; stamp?: string },
  secret: string,
  now = Date.now(),
): Flag[] => {
  const flags: Flag[] = []
  if (input.honeypot && input.honeypot.trim() !== '') flags.push(FLAGS.HONEYPOT)
  const verdict = checkFormStamp(secret, input.stamp, now)
  if (verdict === 'too-fast') flags.push(FLAGS.TOO_FAST)
  else if (verdict === 'forged') flags.push(FLAGS.FORGED_STAMP)
  else if (verdict === 'missing') flags.push(FLAGS.NO_STAMP)
  return flags
}

/** Whether these flags stop the confirmation email. */
export const suppressesEmail = (flags: readonly string[]): boolean =>
  flags.some((f) => (SUPPRESS_EMAIL_FLAGS as readonly string[]).includes(f))

/** An IP address hashed with the secret: enough to spot floods, useless for finding a person. */
export const hashIp = (secret: string, ip: string): string => hmac(secret, `ip:${ip}`).slice(0, 22)
