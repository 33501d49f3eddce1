/** The join form's two permissions, both needed, in the consent wording the page was built with. */
import { errorProps, FieldError } from '../forms/parts'

export function ConsentFields({
  wording,
  errors,
}: {
  wording: { email: string; unionInterest: string }
  errors: Record<string, string>
}) {
  return (
    <fieldset className="field consents">
      <legend>Your permission</legend>
      <p className="hint">
        We need both to add you to the network. You can change your mind at any time with the link in every
        email.
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
      <div className="checkbox">
        <input
          id="consentUnionInterest"
          name="consentUnionInterest"
          type="checkbox"
          required
          {...errorProps('consentUnionInterest', errors)}
        />
        <label htmlFor="consentUnionInterest">{wording.unionInterest}</label>
      </div>
      <FieldError id="consentUnionInterest" message={errors.consentUnionInterest} />
    </fieldset>
  )
}
