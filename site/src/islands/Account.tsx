/**
 * My account: a static shell on the site, this island inside it. It asks the CMS who is signed in
 * (the session cookie is the CMS's; the site sets none), then shows the sign-in form, or the
 * member's details, networks, training, petitions, emails, union-interest permission, data and
 * erasure. Each part is in account/; the calls in account/accountApi.ts.
 */
import { useRef } from 'react'
import { callApi } from './account/accountApi'
import { ConsentSection } from './account/ConsentSection'
import { DataSection } from './account/DataSection'
import { NetworksSection } from './account/NetworksSection'
import { PetitionsSection } from './account/PetitionsSection'
import { ProfileSection } from './account/ProfileSection'
import { Heading } from './account/Heading'
import { SignInPanel } from './account/SignInForm'
import { TrainingSection } from './account/TrainingSection'
import { QuestionsSection } from './ask/QuestionsSection'
import { ProposalsSection } from './proposePetition/ProposalsSection'
import { type AccountPhase, useAccount } from './account/useAccount'

export type AccountProps = {
  /** The CMS's API, `${CMS_URL}/api`. */
  api: string
  /** The CMS's sign-in endpoint. */
  signIn: string
  sectors: { value: string; label: string }[]
  /** Every network on the site, to join from here. */
  networks: { slug: string; name: string }[]
}

function NotSignedIn({ state, signIn, focus }: { state: AccountPhase; signIn: string; focus: boolean }) {
  if (state.phase === 'erased')
    return (
      <div role="status">
        <Heading focus={focus}>Your account is erased</Heading>
        <p>{state.message}</p>
        {state.kept.length > 0 && (
          <>
            <p>We keep only this:</p>
            <ul>
              {state.kept.map((k) => (
                <li key={k}>{k}</li>
              ))}
            </ul>
          </>
        )}
        <p>
          <a href="/join/">Join again</a> whenever you like.
        </p>
      </div>
    )
  if (state.phase === 'unreachable')
    return (
      <div role="alert">
        <Heading focus={focus}>We cannot show your account just now</Heading>
        <p>{state.message}</p>
      </div>
    )
  return <SignInPanel signIn={signIn} focus={focus} />
}

export default function Account({ api, signIn, sectors, networks }: AccountProps) {
  const { state, setState, act } = useAccount(api)
  const acted = useRef(false)
  const signOut = async (everywhere: boolean) => {
    acted.current = true
    await callApi(api, everywhere ? '/account/sign-out-everywhere' : '/account/sign-out', 'POST')
    setState({ phase: 'signed-out' })
  }
  if (state.phase === 'checking') return <p role="status">Checking whether you are signed in…</p>
  if (state.phase !== 'signed-in') return <NotSignedIn state={state} signIn={signIn} focus={acted.current} />
  const { data } = state
  return (
    <>
      <p>
        You are signed in as <strong>{data.member.email}</strong>.{' '}
        <button type="button" className="button" onClick={() => void signOut(false)}>
          Sign out
        </button>{' '}
        <button type="button" className="button" onClick={() => void signOut(true)}>
          Sign out on every device
        </button>
      </p>
      <ProfileSection member={data.member} sectors={sectors} act={act} />
      <NetworksSection networks={data.networks} all={networks} act={act} />
      <TrainingSection registrations={data.registrations} act={act} />
      <PetitionsSection signatures={data.signatures} emails={data.emails} />
      <QuestionsSection api={api} />
      <ProposalsSection api={api} />
      <ConsentSection consent={data.consent} act={act} />
      <DataSection
        api={api}
        erasureKeeps={data.erasureKeeps}
        onErased={(message, kept) => {
          acted.current = true
          setState({ phase: 'erased', message, kept })
        }}
        onSignedOut={(status, message) => {
          acted.current = true
          setState(status === 410 ? { phase: 'erased', message, kept: [] } : { phase: 'signed-out' })
        }}
      />
    </>
  )
}
