/** The questions the search bench asks: worker questions in their own words. */

/** What workers type, in their own words. */
export const WORKER_QUERIES = [
  'can my boss stop my holiday pay',
  'sacked for being off sick',
  'how much is statutory sick pay',
  'zero hours contract rights',
  'boss wont give me a payslip',
  'redundancy pay how much',
  'how many hours can i work',
  'maternity leave pay',
  'unfair dismissal tribunal time limit',
  'bullied by my manager',
  'can i bring a union rep to a meeting',
  'minimum wage for apprentices',
  'flexible working request refused',
  'agency worker holiday',
  'whistleblowing protection',
  'pregnant and sacked',
  'grievance letter',
  'rest breaks on a long shift',
  'tupe transfer new employer',
  'subject access request',
]

/** Realistic worker questions for the Chromium figures (more than the Node ones, each typed in a fresh browser). */
export const BROWSER_QUERIES = [
  ...WORKER_QUERIES,
  'sacked while off sick',
  'do i get paid for bank holidays',
  'my employer has not paid me',
  'can they cut my hours without asking',
  'is it legal to work 60 hours a week',
  'what is the national living wage',
  'how much notice do i have to give',
  'sick note from the doctor',
  'forced to work on my day off',
  'paternity leave how long',
  'my boss shouts at me',
  'fired for joining a union',
  'how do i make a tribunal claim',
  'acas early conciliation',
  'night shift breaks',
  'working in the rain health and safety',
  'can i see my personnel file',
  'race discrimination at work',
  'pregnant can they sack me',
]
