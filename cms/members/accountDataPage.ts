/**
 * "Everything we hold about you" as a readable page (the same data as the JSON download): every
 * stored field under a plain label, with a link to the JSON. Served by the CMS, so it also works
 * with JavaScript off.
 */
import { escapeHtml as e } from '../email/messages/render'
import { page } from '../api/pages'
import { siteUrl } from './tokens'
import type { HeldData } from './accountData'

/** Plain labels for the fields people most need to read; any other field shows its stored name. */
const LABELS: Record<string, string> = {
  id: 'Record number',
  firstName: 'First name',
  email: 'Email address',
  emailCanonical: 'Email address as we compare it',
  postcode: 'Postcode or area',
  sector: 'Sector',
  networks: 'Networks (record numbers)',
  displayNames: 'Display names',
  consentEmail: 'You said we may email you',
  consentUnionInterest: 'You said we may keep a record of your interest in unions',
  consentVersion: 'Version of the wording you agreed to',
  consentUnionInterestVersion: 'Version of the union-interest wording you agreed to',
  consentUnionInterestAt: 'When you gave that permission',
  state: 'State',
  createdAt: 'Created',
  updatedAt: 'Last changed',
  confirmedAt: 'Confirmed',
  petition: 'Petition',
  name: 'Name',
  region: 'Area',
  nation: 'Nation',
  showName: 'Your first name and area shown on the petition page',
  consentUpdates: 'You get emails about this petition',
  flags: 'Checks against misuse',
}

/** One value in words. */
const show = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '<em>(empty)</em>'
  if (value === true) return 'Yes'
  if (value === false) return 'No'
  if (typeof value === 'object') {
    const title = (value as { title?: unknown }).title
    return typeof title === 'string' ? e(title) : `<code>${e(JSON.stringify(value))}</code>`
  }
  return e(String(value))
}

/** A record as a list of labels and values. */
const record = (fields: Record<string, unknown>): string =>
  `<dl>${Object.entries(fields)
    .map(([key, value]) => `<dt>${e(LABELS[key] ?? key)}</dt><dd>${show(value)}</dd>`)
    .join('')}</dl>`

const section = (title: string, empty: string, records: Record<string, unknown>[]) =>
  `<h2>${e(title)}</h2>${records.length ? records.map(record).join('<hr>') : `<p>${e(empty)}</p>`}`

/** The readable page of everything held; `jsonHref` is the same data as a JSON file. */
export const heldDataPage = (data: HeldData, jsonHref: string): string =>
  page(
    'Everything we hold about you',
    [
      `<p>${e(data.note)}</p>`,
      `<p>Made on ${e(new Date(data.exportedAt).toUTCString())}. <a href="${e(jsonHref)}" download>Download the same as a JSON file</a> (for computers).</p>`,
      `<h2>About you</h2>${record(data.member)}`,
      `<h2>Your networks</h2>${
        data.networks.length
          ? `<ul>${data.networks.map((n) => `<li>${e(n.name)}</li>`).join('')}</ul>`
          : '<p>You are not in any network.</p>'
      }`,
      section(
        'Petitions you signed',
        'You have not signed a petition with this email address.',
        data.signatures,
      ),
      section('Training', 'You have no training registrations.', data.registrations),
      section('Petitions you proposed', 'You have proposed no petition.', data.proposals),
      section('What you wrote in your networks', 'You have written nothing in a network.', data.messages),
      section('Conversations you started', 'You have started no conversation.', data.threads),
      section('Conversations you follow', 'You follow no conversation.', data.follows),
      section('Messages you reported', 'You have reported no message.', data.reports),
      section('Your questions to advisers', 'You have asked no question while signed in.', data.questions),
      `<h2>Not shown</h2>${
        data.notShown.length
          ? `<p>These fields hold only security codes (for links in emails and for signing in). They say nothing about you:</p><ul>${data.notShown.map((n) => `<li><code>${e(n)}</code></li>`).join('')}</ul>`
          : '<p>Nothing.</p>'
      }`,
      `<p><a href="${e(siteUrl())}/account/">Back to My account</a></p>`,
    ].join(''),
  )
