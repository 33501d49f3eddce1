import { spawnSync } from 'node:child_process'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EmailSendError } from '../../cms/email/address'
import {
  formatOutboxMessage,
  OUTBOX_FILE,
  outboxAdapter,
  parseOutbox,
  readOutbox,
} from '../../cms/email/outboxAdapter'
import { resendAdapter } from '../../cms/email/resendAdapter'
import { startHarness, type Harness } from '../helpers/harness'
import { startResendStandIn } from '../helpers/resendStandIn'

describe('email through the real resend SDK', () => {
  let standIn: Awaited<ReturnType<typeof startResendStandIn>>
  let t: Harness

  beforeAll(async () => {
    standIn = await startResendStandIn()
    process.env.EMAIL_FROM_ADDRESS = 'hello@betterwork.example'
    process.env.EMAIL_FROM_NAME = 'Better Work'
    t = await startHarness({ email: resendAdapter({ apiKey: 're_test_key', baseUrl: standIn.url }) })
  })
  afterAll(async () => {
    await t?.close()
    await standIn?.close()
  })

  it('sends the HTML and text of a message to Resend with our key and sender', async () => {
    const result = await t.payload.sendEmail({
      to: 'tom@example.org',
      subject: 'Please confirm your signature',
      html: '<p>Press the button to confirm.</p>',
      text: 'Open the link to confirm.',
    })
    expect(result).toEqual({ id: 're_1' })
    expect(standIn.requests).toHaveLength(1)
    const [request] = standIn.requests
    expect(request.method).toBe('POST')
    expect(request.url).toBe('/emails')
    expect(request.headers.authorization).toBe('Bearer re_test_key')
    expect(request.body).toMatchObject({
      from: 'Better Work <hello@betterwork.example>',
      to: ['tom@example.org'],
      subject: 'Please confirm your signature',
      html: '<p>Press the button to confirm.</p>',
      text: 'Open the link to confirm.',
    })
  })

  it('raises a clear error when Resend refuses the message, instead of dropping it', async () => {
    standIn.failWith(403, {
      statusCode: 403,
      name: 'validation_error',
      message: 'The betterwork.example domain is not verified.',
    })
    const sending = t.payload.sendEmail({
      to: 'sara@example.org',
      subject: 'Welcome',
      text: 'Hello',
      html: '<p>Hello</p>',
    })
    await expect(sending).rejects.toBeInstanceOf(EmailSendError)
    await expect(sending).rejects.toThrow(
      /^Email not sent: Resend said "The betterwork\.example domain is not verified\." \(HTTP 403\)/,
    )
    standIn.succeed()
  })

  it("keeps the address out of the error when Resend's refusal quotes it", async () => {
    standIn.failWith(422, {
      statusCode: 422,
      name: 'validation_error',
      message: 'Invalid `to` field: sara.k@example.org',
    })
    const sending = t.payload.sendEmail({ to: 'sara.k@example.org', subject: 'Welcome', text: 'Hello' })
    await expect(sending).rejects.toThrow(
      'Email not sent: Resend said "Invalid `to` field: [address]" (HTTP 422)',
    )
    standIn.succeed()
  })

  it('raises a clear error when Resend cannot be reached', async () => {
    const adapter = resendAdapter({ apiKey: 're_test_key', baseUrl: 'http://127.0.0.1:9' })({
      payload: t.payload,
    })
    await expect(adapter.sendEmail({ to: 'amir@example.org', subject: 'Hi', text: 'Hi' })).rejects.toThrow(
      /^Email not sent: Resend/,
    )
  })
})

describe('the offline outbox', () => {
  let t: Harness
  beforeAll(async () => {
    t = await startHarness()
  })
  afterAll(async () => t?.close())

  it('appends each message, HTML and text, to one mbox file that reads back the same', async () => {
    const dir = path.join(t.dir, 'outbox')
    await t.payload.sendEmail({
      to: 'jo@example.org',
      subject: 'Your session',
      html: '<p>See you <b>Thursday</b></p>',
      text: 'See you Thursday',
    })
    await t.payload.sendEmail({
      to: ['"Smith, Zoë" <zoe@example.org>', 'sam@example.org'],
      subject: 'Rota – café shifts',
      html: '<p>Ça va</p>',
      text: 'From Monday your rota changes.\n>From the manager\nLine three',
    })
    expect(await readdir(dir)).toEqual([OUTBOX_FILE])
    const messages = await readOutbox(dir)
    expect(messages).toHaveLength(2)
    expect(messages[0]).toMatchObject({
      to: ['jo@example.org'],
      subject: 'Your session',
      text: 'See you Thursday',
      html: '<p>See you <b>Thursday</b></p>',
    })
    // Commas inside a quoted name, text outside ASCII and lines starting "From " all survive.
    expect(messages[1]).toMatchObject({
      to: ['"Smith, Zoë" <zoe@example.org>', 'sam@example.org'],
      subject: 'Rota – café shifts',
      html: '<p>Ça va</p>',
      text: 'From Monday your rota changes.\n>From the manager\nLine three',
    })
    // In the file, a body line starting "From " is quoted, so it cannot start a new message.
    const raw = await readFile(path.join(dir, OUTBOX_FILE), 'utf8')
    expect(raw.match(/^From /gm)).toHaveLength(2)
    expect(raw).toContain('\n>From Monday your rota changes.\n>>From the manager\n')
  })

  it('npm run outbox prints the latest email to someone, with its text and links', async () => {
    const dir = path.join(t.dir, 'outbox')
    await t.payload.sendEmail({
      to: 'kim@example.org',
      subject: 'Confirm your signature',
      text: 'Press http://localhost:3000/api/public/confirm/signature/abc',
    })
    await t.payload.sendEmail({ to: 'lee@example.org', subject: 'Someone else', text: 'Not for Kim' })
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/outbox.ts', ...args], {
        env: { ...process.env, OUTBOX_DIR: dir },
        encoding: 'utf8',
      })
    const shown = run('--to', 'kim@example.org')
    expect(shown.status).toBe(0)
    expect(shown.stdout).toContain('Subject: Confirm your signature')
    expect(shown.stdout).toContain('http://localhost:3000/api/public/confirm/signature/abc')
    expect(shown.stdout).not.toContain('Not for Kim')
    const bad = run('none')
    expect(bad.status).toBe(1)
    expect(bad.stderr).toMatch(/whole number of at least 1; got "none"/)
  })

  it('leaves out a message whose writing was cut short', async () => {
    const whole = formatOutboxMessage({
      id: 'a1',
      sentAt: new Date().toISOString(),
      from: 'x@example.org',
      to: ['a@example.org'],
      subject: 'One',
      text: 'Hi',
      html: '<p>Hi</p>',
    })
    const cut = formatOutboxMessage({
      id: 'b2',
      sentAt: new Date().toISOString(),
      from: 'x@example.org',
      to: ['b@example.org'],
      subject: 'Two',
      text: 'Hi',
      html: '<p>Hi</p>',
    })
    expect(parseOutbox(whole + cut.slice(0, cut.length - 20)).map((m) => m.subject)).toEqual(['One'])
  })

  it('says which file it could not write, and the next message still gets through', async () => {
    const dir = path.join(t.dir, 'blocked')
    await writeFile(dir, 'a file where the outbox folder should be')
    const adapter = outboxAdapter({ dir })({ payload: t.payload })
    await expect(adapter.sendEmail({ to: 'amir@example.org', subject: 'Hi', text: 'Hi' })).rejects.toThrow(
      /^Email [a-z0-9]+-[a-z0-9]+ not written to the outbox .*blocked/,
    )
    await rm(dir)
    await adapter.sendEmail({ to: 'amir@example.org', subject: 'Hi again', text: 'Hi' })
    expect((await readOutbox(dir)).map((m) => m.subject)).toEqual(['Hi again'])
  })

  it('refuses a message with no recipient', async () => {
    await expect(t.payload.sendEmail({ subject: 'Nobody', text: 'x' })).rejects.toThrow(/no "to" address/)
  })
})
