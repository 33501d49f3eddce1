/**
 * Plain words for each silent flag (cms/abuse/flags.ts) and the "released" note, as organisers see
 * them in the Flags column. Kept apart from flags.ts so the admin's browser code does not pull in
 * node:crypto; a unit test checks every flag has words here.
 */
export const FLAG_LABELS: Record<string, string> = {
  honeypot: 'Hidden field filled in (a script, not a person): no email sent',
  'too-fast': 'Sent faster than a person could fill the form',
  'forged-stamp': 'Form stamp made up',
  'no-stamp': 'No form stamp (JavaScript off, or a script): information only',
  'rate-limit': 'Over the per-address limit: no email sent',
  released: 'Released by an organiser',
}

/** The words for a flag, or the flag itself when it has none. */
export const flagLabel = (flag: string): string => FLAG_LABELS[flag] ?? flag

/** The list's filter for flagged records, as a query string: every record with any flag. */
export const FLAGGED_FILTER = 'where[flags][exists]=true'
