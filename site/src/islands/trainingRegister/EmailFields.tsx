/** The register-by-email form's fields: first name and email address. */
import { errorProps, FieldError } from '../forms/parts'

export function EmailFields({ errors }: { errors: Record<string, string> }) {
  return (
    <>
      <div className="field">
        <label htmlFor="firstName">First name</label>
        <input
          id="firstName"
          name="firstName"
          type="text"
          autoComplete="given-name"
          required
          maxLength={60}
          {...errorProps('firstName', errors)}
        />
        <FieldError id="firstName" message={errors.firstName} />
      </div>
      <div className="field">
        <label htmlFor="email">Email address</label>
        <p className="hint" id="email-hint">
          We send you a link to confirm your place, and a reminder the day before.
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
    </>
  )
}
