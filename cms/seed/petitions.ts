/** Demo petitions, clearly marked, so the petition pages have something to show on a new install. */
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
]
