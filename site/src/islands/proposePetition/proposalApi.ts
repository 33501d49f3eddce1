/**
 * The petition proposals' calls to the CMS (My account's API, with the member's session cookie)
 * and what they answer. Never throws: a network failure is status 0 (see account/accountApi.ts).
 */
import { callApi } from '../account/accountApi'

/** A proposal as its proposer sees it (cms/campaigns/proposals/view.ts). */
export type ProposalView = {
  id: number | string
  kind: 'petition' | 'open-letter'
  title: string
  ask: string
  addressedTo: string
  why: string
  state: 'collecting' | 'in-review' | 'approved' | 'rejected' | 'changes-requested'
  showCreatorName: boolean
  supporterCount: number
  supportersNeeded: number
  rejectionReason: string | null
  decisionNote: string | null
  petitionUrl: string | null
}

/** What a supporter sees at the private link. */
export type SupporterView = Pick<
  ProposalView,
  'kind' | 'title' | 'ask' | 'addressedTo' | 'why' | 'state' | 'supporterCount' | 'supportersNeeded'
>

/** The field names and labels of the form, for the list of mistakes. */
export const PROPOSAL_LABELS: Record<string, string> = {
  kind: 'What you are starting',
  title: 'Title',
  ask: 'What we want',
  addressedTo: 'Addressed to',
  why: 'Why it matters',
}

/** The form's values (the island's form, or a resubmission). */
export const proposalFields = (form: HTMLFormElement) => {
  const data = new FormData(form)
  return {
    kind: data.get('kind') === 'open-letter' ? 'open-letter' : 'petition',
    title: String(data.get('title') ?? ''),
    ask: String(data.get('ask') ?? ''),
    addressedTo: String(data.get('addressedTo') ?? ''),
    why: String(data.get('why') ?? ''),
    showCreatorName: data.get('showCreatorName') === 'on',
  }
}

export const proposalsApi = (api: string) => ({
  mine: () =>
    callApi<{ proposals?: ProposalView[] }>(
      api,
      '/account/proposals',
      'GET',
      undefined,
      'include',
      'no-store',
    ),
  propose: (body: unknown) =>
    callApi<{ proposal?: ProposalView; supportUrl?: string }>(api, '/account/proposals', 'POST', body),
  resubmit: (id: ProposalView['id'], body: unknown) =>
    callApi<{ proposal?: ProposalView }>(api, `/account/proposals/${id}`, 'PATCH', body),
  newLink: (id: ProposalView['id']) =>
    callApi<{ supportUrl?: string }>(api, `/account/proposals/${id}/link`, 'POST', {}),
  read: (token: string) =>
    callApi<{ proposal?: SupporterView }>(api, '/account/proposals/support/read', 'POST', { token }),
  support: (token: string) =>
    callApi<{ proposal?: SupporterView }>(api, '/account/proposals/support', 'POST', { token }),
})

/** A state in plain words, for the proposer. */
export const STATE_WORDS: Record<ProposalView['state'], string> = {
  collecting: 'waiting for supporters',
  'in-review': 'with our editors',
  approved: 'approved',
  rejected: 'not accepted',
  'changes-requested': 'changes asked for',
}
