/**
 * Registering for a training session. On the server it is a plain form (first name and email)
 * that posts to the CMS and works without JavaScript: we email a link to confirm. Once the page's
 * script starts it, it asks the CMS whether the reader is signed in: a signed-in member registers
 * with one button, and everyone sees the places left. Its parts are in trainingRegister/.
 */
import { ErrorSummary, FormDoneMessage, Honeypot } from './forms/parts'
import { useFormStamp } from './forms/useFormStamp'
import { useFormSubmit } from './forms/useFormSubmit'
import { EmailFields } from './trainingRegister/EmailFields'
import { MemberRegister } from './trainingRegister/MemberRegister'
import { placesWords, useSessionStatus } from './trainingRegister/useSessionStatus'

export type TrainingRegisterProps = {
  /** The CMS endpoint for registering by email. */
  action: string
  /** The CMS endpoint that says where the reader stands (with the session cookie, if any). */
  statusUrl: string
  /** The CMS endpoint with the session's places (no cookie). */
  placesUrl: string
  /** The CMS endpoint a signed-in member registers with. */
  registerUrl: string
  /** The CMS form-stamp endpoint. */
  stampUrl: string
}

const LABELS = { firstName: 'First name', email: 'Email address', form: 'The form' }

export default function TrainingRegister({ action, stampUrl, ...urls }: TrainingRegisterProps) {
  const { errors, done, sending, enhanced, doneRef, onSubmit } = useFormSubmit({
    sentMessage:
      'We have sent you an email with a link. Open it and press the button to confirm your place. If the session is full by then, we put you on the waiting list.',
    failedTitle: 'We could not register you',
  })
  const { stamp, start } = useFormStamp(stampUrl)
  const member = useSessionStatus(urls)
  const places = placesWords(member.status?.places ?? null)

  if (done) return <FormDoneMessage done={done} doneRef={doneRef} heading="h3" />

  return (
    <div className="training-register">
      {places && <p className="places-left">{places}</p>}
      {member.status?.signedIn ? (
        <MemberRegister
          standing={member.status.standing}
          message={member.message}
          sending={member.sending}
          onRegister={() => void member.register()}
        />
      ) : (
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
          <EmailFields errors={errors} />
          <Honeypot />
          <input type="hidden" name="startedAt" value={stamp} />
          <button type="submit" className="button" disabled={sending}>
            {sending ? 'Sending…' : 'Register for this session'}
          </button>
        </form>
      )}
    </div>
  )
}
