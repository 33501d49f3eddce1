/**
 * The budgets the pages benchmark holds the build to (gzip bytes). Over any of them, the bench
 * fails. Islands carry React's client runtime (about 60 KB gzip) with them; a budget is what the
 * island downloads when the reader starts it, so a new dependency shows up here first.
 */

/** Every page, before any interaction: HTML, CSS, images and the scripts it runs at once. */
export const PAGE_BUDGET = 30 * 1024

/**
 * Member-only pages (a member's account and conversations, the private links of a question's reply
 * and a proposal's supporters, proposing a petition): for a reader not signed in (or a reply page
 * without its code) they are pages like any other, held to the page budget; for a signed-in member
 * (or with the code) they start their island as they open, because there is nothing to read without
 * it, so they are also held to the page budget plus their island's.
 */
export const APP_PAGES: [page: RegExp, island: string][] = [
  [/^\/account\/$/, 'Account'],
  [/^\/ask\/reply\/$/, 'AskReply'],
  [/^\/petitions\/propose\/$/, 'ProposePetition'],
  [/^\/petitions\/propose\/support\/$/, 'ProposePetitionSupport'],
  [/^\/networks\/[^/]+\/talk\/$/, 'Conversations'],
]

/** Per island, what starting it may download (gzip bytes): measured 2026-12-07 plus about 5 %. */
export const ISLAND_BUDGETS: Record<string, number> = {
  Account: 82 * 1024,
  AccountNetwork: 73 * 1024,
  AskForm: 75 * 1024,
  AskReply: 75 * 1024,
  Conversations: 81 * 1024,
  PetitionCount: 75 * 1024,
  PetitionCountChart: 75 * 1024,
  ProposePetition: 76 * 1024,
  ProposePetitionSupport: 75 * 1024,
  Search: 85 * 1024,
  // The sign-in form of a member-only page: measured 69.9 KB on 2026-12-07.
  SignIn: 74 * 1024,
  SignPetition: 75 * 1024,
  Signup: 76 * 1024,
  // The letter filler also writes .docx files on the device (its zip library).
  TemplateFiller: 128 * 1024,
  TrainingRegister: 75 * 1024,
  UnionFinder: 74 * 1024,
}
