/** The signer's details on the sign form: name, email address and (optional) postcode. */
import { errorProps, FieldError } from '../forms/parts'

export function SignerFields({ errors }: { errors: Record<string, string> }) {
  return (
    <>
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
    </>
  )
}
