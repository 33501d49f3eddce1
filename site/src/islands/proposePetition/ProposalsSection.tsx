/**
 * My account's petition proposals: each with where it is, the editors' reason or note, the
 * petition once approved, a new supporters' link while collecting, and the form to change and
 * resubmit it when the editors asked for changes.
 */
import { useEffect, useState, type SubmitEvent } from 'react'
import { Section, Status } from '../account/parts'
import { ErrorSummary } from '../forms/parts'
import { Paragraphs } from './Paragraphs'
import { PROPOSAL_LABELS, proposalFields, proposalsApi, STATE_WORDS, type ProposalView } from './proposalApi'
import { ProposalFields } from './ProposalFields'
import { SupportLink } from './SupportLink'

function Resubmit({ p, onDone, api }: { p: ProposalView; onDone: (p: ProposalView) => void; api: string }) {
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState('')
  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault()
    const a = await proposalsApi(api).resubmit(p.id, proposalFields(event.currentTarget))
    if (a.status === 200 && a.body.proposal) return onDone(a.body.proposal)
    setErrors(a.body.errors ?? {})
    setMessage(a.body.errors ? '' : (a.body.message ?? 'Something went wrong on our side. Please try again.'))
  }
  return (
    <form className="sign-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <ErrorSummary errors={errors} labels={PROPOSAL_LABELS} />
      {message && <Status message={message} />}
      <ProposalFields errors={errors} values={p} />
      <button type="submit" className="button">
        Send it to the editors again
      </button>
    </form>
  )
}

function Proposal({
  p,
  api,
  onChange,
}: {
  p: ProposalView
  api: string
  onChange: (p: ProposalView) => void
}) {
  const [link, setLink] = useState<string | null>(null)
  const [message, setMessage] = useState('')
  const newLink = async () => {
    const a = await proposalsApi(api).newLink(p.id)
    if (a.body.supportUrl) setLink(a.body.supportUrl)
    else setMessage(a.body.message ?? 'Something went wrong on our side. Please try again.')
  }
  return (
    <details>
      <summary>
        {p.title} ({STATE_WORDS[p.state]})
      </summary>
      {p.state === 'collecting' && (
        <>
          <p>
            {p.supporterCount} of {p.supportersNeeded} supporters so far. We keep only a scrambled copy of its
            private link, so we cannot show it again: you can make a new one (the old link stops working).
          </p>
          {link ? (
            <SupportLink url={link} />
          ) : (
            <button type="button" className="button" onClick={() => void newLink()}>
              Make a new private link
            </button>
          )}
        </>
      )}
      {p.state === 'in-review' && <p>It has its supporters, and our editors are reading it.</p>}
      {p.state === 'approved' && p.petitionUrl && (
        <p>
          It is a petition now: <a href={p.petitionUrl}>see the petition</a> (it appears on the site within a
          few minutes).
        </p>
      )}
      {p.state === 'rejected' && (
        <p>Our editors could not accept it: {p.rejectionReason ?? 'see the note'}.</p>
      )}
      {p.decisionNote && (
        <>
          <p>The editors’ note:</p>
          <Paragraphs text={p.decisionNote} />
        </>
      )}
      {p.state === 'changes-requested' && <Resubmit p={p} api={api} onDone={onChange} />}
      {message && <Status message={message} />}
    </details>
  )
}

export function ProposalsSection({ api }: { api: string }) {
  const [proposals, setProposals] = useState<ProposalView[] | null>(null)
  useEffect(() => {
    void proposalsApi(api)
      .mine()
      .then((a) => setProposals(a.body.proposals ?? []))
  }, [api])
  return (
    <Section id="proposals" title="Petitions you proposed">
      {proposals === null ? (
        <p role="status">Loading your proposals…</p>
      ) : proposals.length === 0 ? (
        <p>You have not proposed a petition.</p>
      ) : (
        <ul className="account-list">
          {proposals.map((p) => (
            <li key={p.id}>
              <Proposal
                p={p}
                api={api}
                onChange={(changed) =>
                  setProposals(proposals.map((x) => (x.id === changed.id ? changed : x)))
                }
              />
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/petitions/propose/">Start a petition</a>
      </p>
    </Section>
  )
}
