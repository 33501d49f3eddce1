/**
 * The join form. Rendered on the server as a plain HTML form (networks as checkboxes, sessions as
 * a list) that posts to the CMS and works without JavaScript. A page can preselect a network or a
 * session (ticked in the HTML itself, so it works without JavaScript too). Once started it also
 * reads ?network= and ?session= to tick the right choices, warns about a work email address, and
 * sends JSON. State lives in signup/useSignupForm.ts, the fields beside it, sending in forms/.
 */
import { ErrorSummary, FormDoneMessage, Honeypot } from './forms/parts'
import { AboutYouFields } from './signup/AboutYouFields'
import { NetworkChoices, SessionChoice } from './signup/ChoiceFields'
import { ConsentFields } from './signup/ConsentFields'
import { useSignupForm } from './signup/useSignupForm'

export type SignupProps = {
  action: string
  stampUrl: string
  networks: { slug: string; name: string }[]
  sessions: { slug: string; title: string; when: string }[]
  sectors: { value: string; label: string }[]
  wording: { email: string; unionInterest: string }
  /** The version of the consent wording shown, sent with the form (see content-models/consent.ts). */
  consentVersion: string
  /** Choices ticked when the page loads: the network or session the page is about. */
  preselect?: { networks?: string[]; session?: string }
}

const LABELS = {
  firstName: 'First name',
  email: 'Email address',
  postcode: 'Postcode or area',
  sector: 'Sector',
  networks: 'Networks',
  session: 'Training session',
  consentEmail: 'Permission to email you',
  consentUnionInterest: 'Permission to keep a record of your interest',
}

export default function Signup({
  action,
  stampUrl,
  networks,
  sessions,
  sectors,
  wording,
  consentVersion,
  preselect,
}: SignupProps) {
  const form = useSignupForm({ networks, sessions, preselect, stampUrl })
  const { errors, done, sending, enhanced, doneRef, onSubmit, stamp, start } = form

  if (done) return <FormDoneMessage done={done} doneRef={doneRef} heading="h2" />

  return (
    <form
      className="sign-form"
      method="post"
      action={action}
      onSubmit={onSubmit}
      onFocus={start}
      noValidate
      data-enhanced={enhanced ? 'true' : undefined}
    >
      <ErrorSummary errors={errors} labels={LABELS} />
      <AboutYouFields
        errors={errors}
        sectors={sectors}
        workWarning={form.workWarning}
        onWorkWarning={form.setWorkWarning}
      />
      {networks.length > 0 && (
        <NetworkChoices networks={networks} chosen={form.chosen} toggle={form.toggle} errors={errors} />
      )}
      {sessions.length > 0 && (
        <SessionChoice
          sessions={sessions}
          session={form.session}
          setSession={form.setSession}
          errors={errors}
        />
      )}
      <ConsentFields wording={wording} errors={errors} />
      <Honeypot />
      <input type="hidden" name="consentVersion" value={consentVersion} />
      <input type="hidden" name="startedAt" value={stamp} />
      <button type="submit" className="button" disabled={sending}>
        {sending ? 'Sending…' : 'Join the network'}
      </button>
    </form>
  )
}
