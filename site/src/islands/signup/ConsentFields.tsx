/**
 * The join form's permissions, in the consent wording the page was built with: email (needed, to
 * send the link) and, apart from it and optional, the union-interest permission (UK GDPR Art. 9).
 * Joining never needs the second; a member can give or take it back in My account.
 */
import { errorProps, FieldError } from '../forms/parts'

export function ConsentFields({
  wording,
  errors,
}: {
  wording: { email: string; unionInterest: string }
  errors: Record<string, string>
}) {
  return (
    <>
      <fieldset className="field consents">
        <legend>Your permission</legend>
        <p className="hint">
          We need this to send you the link to confirm. You can stop our emails at any time with the link in
          every email.
        </p>
        <div className="checkbox">
          <input
            id="consentEmail"
            name="consentEmail"
            type="checkbox"
            required
            {...errorProps('consentEmail', errors)}
          />
          <label htmlFor="consentEmail">{wording.email}</label>
        </div>
        <FieldError id="consentEmail" message={errors.consentEmail} />
      </fieldset>
      <fieldset className="field consents">
        <legend>Your interest in unions (optional)</legend>
        <p className="hint" id="consentUnionInterest-hint">
          You do not need to tick this to join. If you tick it, our organisers can put you in touch with a
          union. You can change your mind in My account.
        </p>
        <div className="checkbox">
          <input
            id="consentUnionInterest"
            name="consentUnionInterest"
            type="checkbox"
            {...errorProps('consentUnionInterest', errors, 'consentUnionInterest-hint')}
          />
          <label htmlFor="consentUnionInterest">{wording.unionInterest}</label>
        </div>
        <FieldError id="consentUnionInterest" message={errors.consentUnionInterest} />
      </fieldset>
    </>
  )
}
