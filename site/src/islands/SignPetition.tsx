/**
 * The sign form. Rendered on the server as a plain HTML form that posts to the CMS and works
 * without JavaScript; once the page's script starts it, it sends JSON instead, shows mistakes next
 * to each field and says "check your email" without leaving the page. Sending lives in
 * forms/ (shared with the join form), the signer's fields in signPetition/.
 */
import { ErrorSummary, FormDoneMessage, Honeypot } from './forms/parts'
import { useFormStamp } from './forms/useFormStamp'
import { useFormSubmit } from './forms/useFormSubmit'
import { RoleField, SignerFields } from './signPetition/SignerFields'

export type SignPetitionProps = {
  /** The CMS sign endpoint for this petition. */
  action: string
  /** The CMS form-stamp endpoint. */
  stampUrl: string
  /** Whether this petition may show signers' first names (an open letter always may, with their role). */
  allowShowName: boolean
  /** The consent words for the updates and show-name boxes, as this kind of campaign words them. */
  wording: { petitionUpdates: string; showName: string }
  /** An open letter asks for a role to show with the name. */
  kind?: 'petition' | 'open-letter'
}

const LABELS = {
  name: 'Your name',
  email: 'Email address',
  postcode: 'Postcode',
  consentUpdates: 'Updates',
  showName: 'Show my name',
  role: 'Your role',
}

export default function SignPetition({
  action,
  stampUrl,
  allowShowName,
  wording,
  kind = 'petition',
}: SignPetitionProps) {
  const { errors, done, sending, enhanced, doneRef, onSubmit } = useFormSubmit({
    sentMessage:
      'We have sent you an email with a link. Open it and press the button to confirm your signature. It counts only when you confirm.',
    failedTitle: 'We could not take your signature',
  })
  const { stamp, start } = useFormStamp(stampUrl)

  if (done) return <FormDoneMessage done={done} doneRef={doneRef} heading="h3" />

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
      <SignerFields errors={errors} />
      <div className="checkbox">
        <input id="consentUpdates" name="consentUpdates" type="checkbox" />
        <label htmlFor="consentUpdates">{wording.petitionUpdates}</label>
      </div>
      {allowShowName && (
        <div className="checkbox">
          <input id="showName" name="showName" type="checkbox" />
          <label htmlFor="showName">{wording.showName}</label>
        </div>
      )}
      {kind === 'open-letter' && <RoleField errors={errors} />}
      <Honeypot />
      <input type="hidden" name="startedAt" value={stamp} />
      <button type="submit" className="button" disabled={sending}>
        {sending ? 'Sending…' : kind === 'open-letter' ? 'Sign this open letter' : 'Sign this petition'}
      </button>
    </form>
  )
}
