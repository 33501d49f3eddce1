/** The starting topics, in the order the home page shows them. Editors own them afterwards. */
export const SEED_TOPICS = [
  {
    slug: 'pay',
    title: 'Pay and payslips',
    description: 'Getting paid the right amount, on time, with a payslip that shows how it was worked out.',
  },
  {
    slug: 'holidays',
    title: 'Holidays and holiday pay',
    description: 'How much holiday you get, when you can take it, and what you should be paid for it.',
  },
  {
    slug: 'sickness',
    title: 'Sick pay and being off sick',
    description: 'What you get when you are too ill to work, and what your employer can ask for.',
  },
  {
    slug: 'working-hours',
    title: 'Working hours and breaks',
    description: 'How long you can be made to work, and the breaks and rest you are owed.',
  },
  {
    slug: 'contracts',
    title: 'Contracts and employment status',
    description: 'Whether you are an employee, a worker or self-employed, and what your contract must say.',
  },
  {
    slug: 'family',
    title: 'Pregnancy, parents and carers',
    description: 'Time off and pay when you are pregnant, have a child or care for someone.',
  },
  {
    slug: 'discrimination',
    title: 'Discrimination, harassment and bullying',
    description: 'Being treated unfairly because of who you are, and what to do about it.',
  },
  {
    slug: 'losing-your-job',
    title: 'Dismissal, redundancy and notice',
    description: 'Your rights when your job is at risk or comes to an end.',
  },
  {
    slug: 'problems-at-work',
    title: 'Raising a problem and going to a tribunal',
    description: 'Complaining at work, getting support at meetings, and taking a claim further.',
  },
  {
    slug: 'health-and-safety',
    title: 'Health and safety',
    description: 'Staying safe at work and speaking up when something is dangerous.',
  },
  {
    slug: 'unions',
    title: 'Trade unions and organising',
    description: 'Joining a union, getting it recognised, and organising with the people you work with.',
  },
  {
    slug: 'data-and-privacy',
    title: 'Your data and your rights',
    description: 'Seeing what your employer holds about you, and how they may use it.',
  },
] as const
