/**
 * The sign form. Rendered on the server as a plain HTML form that posts to the CMS and works
 * without JavaScript; once the page's script starts it, it sends JSON instead, shows mistakes next
 * to each field and says "check your email" without leaving the page.
 */
import {
  ErrorSummary,
  errorProps,
  FieldError,
  FormDoneMessage,
  Honeypot,
  useFormStamp,
  useFormSubmit,
} from './SignPetition.form'

export type SignPetitionProps = {
  /** The CMS sign endpoint for this petition. */
  action: string
  /** The CMS form-stamp endpoint. */
  stampUrl: string
  /** Whether this petition may show signers' first names. */
  allowShowName: boolean
  wording: { petitionUpdates: string; showName: string }
}

const LABELS = {
  name: 'Your name',
  email: 'Email address',
  postcode: 'Postcode',
  consentUpdates: 'Updates',
  showName: 'Show my name',
}

export default function SignPetition({ action, stampUrl, allowShowName, wording }: SignPetitionProps) {
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
      <div className="field">
        <label htmlFor="name">Your name</label>
        <input
          id="name"
          name="name"
          type="text"
          autoComplete="name"
          required
          maxLength={100}
          {...errorProps('name', errors)}
        />
        <FieldError id="name" message={errors.name} />
      </div>
      <div className="field">
        <label htmlFor="email">Email address</label>
        <p className="hint" id="email-hint">
          We send you a link to confirm. We never show your email address.
        </p>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          required
          maxLength={254}
          {...errorProps('email', errors, 'email-hint')}
        />
        <FieldError id="email" message={errors.email} />
      </div>
      <div className="field">
        <label htmlFor="postcode">Postcode (optional)</label>
        <p className="hint" id="postcode-hint">
          This shows where support comes from. We keep only the first part, like "M1".
        </p>
        <input
          id="postcode"
          name="postcode"
          type="text"
          autoComplete="postal-code"
          maxLength={10}
          className="input-short"
          {...errorProps('postcode', errors, 'postcode-hint')}
        />
        <FieldError id="postcode" message={errors.postcode} />
      </div>
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
      <Honeypot />
      <input type="hidden" name="startedAt" value={stamp} />
      <button type="submit" className="button" disabled={sending}>
        {sending ? 'Sending…' : 'Sign this petition'}
      </button>
    </form>
  )
}
