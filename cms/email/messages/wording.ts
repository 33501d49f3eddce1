/**
 * Every word of every email we send, in one place, in plain English (reading age about 9).
 * render.ts turns these into HTML and plain text.
 */

export const FOOTER = {
  why: 'You are getting this email because someone used this address on Better Work.',
  unsubscribe: 'Stop emails from us',
  erase: 'Delete everything we hold about you',
  notYou: 'If this was not you, do nothing. We will delete the details in 7 days.',
}

export const SIGNATURE_CONFIRM = {
  subject: (title: string) => `Please confirm your signature: ${title}`,
  greeting: (name: string) => `Hello ${name},`,
  lead: (title: string) => `Thank you for signing the petition "${title}".`,
  action: 'Your signature counts only when you confirm it. Open this link and press the button:',
  button: 'Confirm my signature',
}

export const SIGNATURE_ALREADY_SIGNED = {
  subject: (title: string) => `You have already signed: ${title}`,
  greeting: (name: string) => `Hello ${name},`,
  lead: (title: string) => `Someone tried to sign "${title}" again with this email address.`,
  action: 'Your signature is already confirmed and counted. You do not need to do anything.',
}

export const MEMBER_CONFIRM = {
  subject: 'Please confirm you want to join Better Work',
  greeting: (name: string) => `Hello ${name},`,
  lead: 'Thank you for joining the Better Work network.',
  networks: (names: string[]) => `You asked to join: ${names.join(', ')}.`,
  session: (title: string) => `You asked about the training session: ${title}.`,
  action: 'Please confirm your email address. Open this link and press the button:',
  button: 'Confirm and join',
}

export const MEMBER_ALREADY_JOINED = {
  subject: 'You are already in the Better Work network',
  greeting: (name: string) => `Hello ${name},`,
  lead: 'Someone tried to join again with this email address.',
  action: 'You are already a member. You do not need to do anything.',
}

export const MEMBER_STAY = {
  subject: 'Do you want to stay in the Better Work network?',
  greeting: (name: string) => `Hello ${name},`,
  lead: 'You joined the Better Work network. We have not heard from you for a long time.',
  why: 'We only keep your details while you want us to.',
  action: 'Do you want to stay? Open this link and press the button:',
  button: 'Yes, keep me in the network',
  ifNot: (days: number) =>
    `If you do nothing, we will delete your details in ${days} days. You can also delete them now with the link at the bottom.`,
}
