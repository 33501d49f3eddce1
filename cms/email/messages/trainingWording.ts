/**
 * Every word of the training emails, in plain English (reading age about 9). trainingEmails.ts
 * lays them out as HTML and plain text with the usual footer.
 */

export const TRAINING = {
  greeting: (name: string) => `Hello ${name},`,
  when: (when: string) => `When: ${when}.`,
  where: (where: string) => `Where: ${where}.`,
  cancelAction: 'If you cannot come, please cancel so someone else can have your place:',
  cancelButton: 'Cancel my place',
  waitingCancelAction: 'If you do not want to wait any more, you can leave the waiting list:',
  waitingCancelButton: 'Leave the waiting list',
  account: (url: string) => `You can also see and cancel your sessions in My account: ${url}`,
}

export const REGISTRATION_CONFIRM = {
  subject: (title: string) => `Please confirm your place: ${title}`,
  lead: (title: string) => `You asked for a place at the training session "${title}".`,
  action: 'Please confirm your email address. Open this link and press the button:',
  button: 'Confirm my place',
  later: 'If the session is full when you confirm, we will put you on the waiting list.',
}

export const REGISTERED = {
  subject: (title: string) => `You have a place: ${title}`,
  lead: (title: string) => `You have a place at "${title}".`,
  reminder: 'We will email you again the day before, with everything you need.',
}

export const WAITING = {
  subject: (title: string) => `You are on the waiting list: ${title}`,
  lead: (title: string) => `"${title}" is full, so we have put you on the waiting list.`,
  position: (n: number) => `You are number ${n} on the waiting list.`,
  promise: 'If someone cancels, you will move up. We will email you if you get a place.',
}

export const MOVED_UP = {
  subject: (title: string) => `Good news: you have a place at ${title}`,
  lead: (title: string) => `Someone cancelled, so you now have a place at "${title}".`,
  reminder: 'We will email you again the day before, with everything you need.',
}

export const REMINDER = {
  subject: (title: string) => `Reminder: ${title} is tomorrow`,
  lead: (title: string) => `This is a reminder that "${title}" is tomorrow.`,
  joining: 'To join online, open this link a few minutes before the start:',
  joinButton: 'Join the session',
  joiningLater: 'We will send you the link to join online before the start.',
  calendar: 'We have attached a calendar file. Open it to add the session to your calendar.',
}

export const SESSION_CANCELLED = {
  subject: (title: string) => `Cancelled: ${title}`,
  lead: (title: string) =>
    `We are sorry. The training session "${title}" is cancelled. It will not go ahead.`,
  reason: (reason: string) => `Why: ${reason}`,
  next: 'You do not need to do anything. Look on our website for another date.',
}
