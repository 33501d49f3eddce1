import path from 'node:path'
import type { EmailAdapter } from 'payload'
import { dataDir } from '../../content-models/paths'
import { outboxAdapter } from './outboxAdapter'
import { resendAdapter } from './resendAdapter'

/** Resend when RESEND_API_KEY is set, otherwise the offline outbox in data/outbox/. */
export const emailAdapter = (): EmailAdapter =>
  process.env.RESEND_API_KEY
    ? resendAdapter({ apiKey: process.env.RESEND_API_KEY, baseUrl: process.env.RESEND_BASE_URL || undefined })
    : outboxAdapter({ dir: process.env.OUTBOX_DIR || path.join(dataDir(), 'outbox') })
