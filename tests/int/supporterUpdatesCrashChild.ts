/**
 * The sender in a process of its own, for supporterUpdatesCrash.int.test.ts to kill with SIGKILL
 * mid-send: a second Payload on the test's SQLite file, email to its own outbox folder.
 */
import { initPayload } from '../../cms/initPayload'
import { outboxAdapter } from '../../cms/email/outboxAdapter'
import { sendUpdate } from '../../cms/campaigns/updates/send'

const payload = await initPayload({
  databaseUri: process.env.CHILD_DATABASE_URI,
  email: outboxAdapter({ dir: process.env.CHILD_OUTBOX_DIR ?? '' }),
  secret: 'integration-tests-only',
  key: 'crash-child',
})
console.log('sending')
await sendUpdate(payload, Number(process.env.CHILD_UPDATE), {
  perSecond: Number(process.env.CHILD_PER_SECOND),
})
console.log('finished')
process.exit(0)
