/** What the petition proposal pages say to someone not signed in (drawn by the page, then by the island). */
export const PROPOSE_SIGN_IN = {
  title: 'Sign in to start a petition',
  intro: 'Only members can start a petition. Sign in with your email address: we email you a link.',
}

export const SUPPORT_SIGN_IN = {
  title: 'Sign in to see and support this proposal',
  intro:
    'A co-worker started a petition and asks members to support it. Sign in with your email address: we email you a link. Then open this page again.',
}
