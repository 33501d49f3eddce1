/**
 * `npm run outbox`: shows the latest emails in the offline outbox (data/outbox/emails.mbox, used
 * when no RESEND_API_KEY is set), so a confirmation link can be opened while working offline.
 *
 * Usage: npm run outbox [-- how-many=1] [-- --to someone@example.org]
 */
import path from 'node:path'
import { dataDir } from '../content-models/paths'
import { OUTBOX_FILE, readOutbox } from '../cms/email/outboxAdapter'
import { runCli } from './lib/cli'
import { loadDotEnv } from './lib/env'

loadDotEnv()
runCli(async () => {
  const args = process.argv.slice(2)
  const toAt = args.indexOf('--to')
  const to = toAt >= 0 ? args[toAt + 1]?.toLowerCase() : undefined
  if (toAt >= 0 && !to)
    throw new Error('--to needs an email address, for example: npm run outbox -- --to tom@example.org')
  const countArg = args.find((a, i) => !a.startsWith('--') && !(toAt >= 0 && i === toAt + 1))
  const count = countArg === undefined ? 1 : Number(countArg)
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`How many emails to show must be a whole number of at least 1; got "${countArg}".`)
  const dir = process.env.OUTBOX_DIR || path.join(dataDir(), 'outbox')
  const all = await readOutbox(dir)
  const chosen = (to ? all.filter((m) => m.to.some((a) => a.toLowerCase().includes(to))) : all).slice(-count)
  if (chosen.length === 0) {
    console.log(
      all.length === 0
        ? `No emails in ${path.join(dir, OUTBOX_FILE)} yet.`
        : `No emails to ${to} among the ${all.length} in ${path.join(dir, OUTBOX_FILE)}.`,
    )
    return
  }
  for (const m of chosen) {
    console.log(
      `──────── ${m.sentAt}\nFrom:    ${m.from}\nTo:      ${m.to.join(', ')}\nSubject: ${m.subject}\n\n${m.text}\n`,
    )
  }
  console.log(
    `(${chosen.length} of ${all.length} emails in ${path.join(dir, OUTBOX_FILE)}; any mail program can open that file too)`,
  )
})
