/** Demo petitions and an open letter, clearly marked, so the campaign pages have something to show on a new install. */
export const SEED_PETITIONS = [
  {
    title: 'Give every worker their rota two weeks ahead (demo)',
    slug: 'rota-two-weeks-ahead-demo',
    summary: 'Shifts posted the night before make it impossible to plan childcare, study or a second job.',
    addressedTo: 'The directors of Example Retail Ltd (a made-up company for this demo)',
    whatWeWant:
      "Publish every rota at least 14 days before the first shift, and pay for any shift cancelled with less than 48 hours' notice.",
    why: "Many of us find out our hours the night before. We cannot plan childcare, a second job or a doctor's visit.\n\nA fair rota costs the company very little. It would change our lives.",
    goal: 1000,
    state: 'open' as const,
    showSignerNames: true,
  },
  {
    title: 'Sick pay from the first day for agency staff (demo)',
    slug: 'sick-pay-first-day-agency-demo',
    summary: 'Agency workers come in sick because they cannot afford to stay at home.',
    addressedTo: 'Example Staffing Agency (a made-up company for this demo)',
    whatWeWant:
      'Pay company sick pay from the first day off sick to every agency worker placed for more than four weeks.',
    why: "When we are ill we lose a day's pay or more. So people come to work sick, and illness spreads.",
    goal: 500,
    state: 'closed' as const,
    showSignerNames: false,
  },
  {
    kind: 'open-letter' as const,
    title: 'Safe staffing on night shifts (demo)',
    slug: 'safe-staffing-night-shifts-demo',
    summary: 'One nurse for a whole ward at night is not safe for patients or for staff.',
    addressedTo: 'The board of Example Hospitals Trust (a made-up trust for this demo)',
    whatWeWant: 'At least two registered nurses on every ward, every night, from April.',
    why: 'Night staff are often alone with a full ward. Breaks are missed and mistakes happen when people are stretched too thin.',
    letter:
      'Dear members of the board,\n\nWe work nights on your wards. Too often one registered nurse looks after a whole ward on their own. We miss breaks, we cannot answer every call bell, and we go home worried about the patients we could not reach.\n\nWe ask you to put at least two registered nurses on every ward, every night, from April, and to tell staff each month how many nights you met this.\n\nWe would welcome a meeting to talk about how to make this happen.\n\nYours sincerely,\n\nThe staff who have signed below',
    goal: 500,
    milestones: [
      { count: 100, whatHappens: 'We ask the board for a meeting' },
      { count: 500, whatHappens: 'We hand the letter in at the board meeting' },
    ],
    state: 'open' as const,
    showSignerNames: false,
  },
]
