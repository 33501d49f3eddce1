import type { SendEmailOptions } from 'payload'

type AddressLike = SendEmailOptions['to']

/** Flattens Payload's/nodemailer's address forms ("a@b", {name, address}, arrays) to strings. */
export const addressList = (value: AddressLike | SendEmailOptions['from']): string[] => {
  if (value == null) return []
  const list = Array.isArray(value) ? value : [value]
  return list.flatMap((item) => {
    if (typeof item === 'string')
      return item
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    if (item && typeof item === 'object' && 'address' in item) {
      const { name, address } = item as { name?: string; address: string }
      return [name ? `${name} <${address}>` : address]
    }
    return []
  })
}

/** The default sender, from EMAIL_FROM_ADDRESS / EMAIL_FROM_NAME. */
export const defaultFrom = () => ({
  address: process.env.EMAIL_FROM_ADDRESS || 'hello@localhost',
  name: process.env.EMAIL_FROM_NAME || 'Better Work',
})

/** A send that failed. Never swallowed: the caller decides whether to retry or tell the person. */
export class EmailSendError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'EmailSendError'
  }
}
