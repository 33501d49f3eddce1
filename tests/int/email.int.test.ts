import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EmailSendError } from '../../cms/email/address'
import { resendAdapter } from '../../cms/email/resendAdapter'
import { startTestPayload, type TestPayload } from '../helpers/payload'
import { startResendStandIn } from '../helpers/resendStandIn'

describe('email through the real resend SDK', () => {
  let standIn: Awaited<ReturnType<typeof startResendStandIn>>
  let t: TestPayload

  beforeAll(async () => {
    standIn = await startResendStandIn()
    process.env.EMAIL_FROM_ADDRESS = 'hello@betterwork.example'
    process.env.EMAIL_FROM_NAME = 'Better Work'
    t = await startTestPayload({ email: resendAdapter({ apiKey: 're_test_key', baseUrl: standIn.url }) })
  })
  afterAll(async () => {
    await t?.cleanup()
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
    standIn.failWith(403, { statusCode: 403, name: 'validation_error', message: 'The betterwork.example domain is not verified.' })
    const sending = t.payload.sendEmail({ to: 'sara@example.org', subject: 'Welcome', text: 'Hello', html: '<p>Hello</p>' })
    await expect(sending).rejects.toBeInstanceOf(EmailSendError)
    await expect(sending).rejects.toThrow(/sara@example\.org not sent: Resend said "The betterwork\.example domain is not verified\." \(HTTP 403\)/)
    standIn.succeed()
  })

  it('raises a clear error when Resend cannot be reached', async () => {
    const adapter = resendAdapter({ apiKey: 're_test_key', baseUrl: 'http://127.0.0.1:9' })({ payload: t.payload })
    await expect(adapter.sendEmail({ to: 'amir@example.org', subject: 'Hi', text: 'Hi' })).rejects.toThrow(/amir@example\.org not sent/)
  })
})

describe('the offline outbox', () => {
  let t: TestPayload
  beforeAll(async () => {
    t = await startTestPayload()
  })
  afterAll(async () => t?.cleanup())

  it('writes each message, HTML and text, to the outbox folder', async () => {
    await t.payload.sendEmail({ to: 'jo@example.org', subject: 'Your session', html: '<p>See you <b>Thursday</b></p>', text: 'See you Thursday' })
    const dir = path.join(t.dir, 'outbox')
    const files = await readdir(dir)
    const json = files.find((f) => f.endsWith('.json'))!
    const message = JSON.parse(await readFile(path.join(dir, json), 'utf8'))
    expect(message).toMatchObject({ to: ['jo@example.org'], subject: 'Your session', text: 'See you Thursday', html: '<p>See you <b>Thursday</b></p>' })
    expect(files.filter((f) => f.endsWith('.txt') || f.endsWith('.html'))).toHaveLength(2)
  })

  it('refuses a message with no recipient', async () => {
    await expect(t.payload.sendEmail({ subject: 'Nobody', text: 'x' })).rejects.toThrow(/no "to" address/)
  })
})
