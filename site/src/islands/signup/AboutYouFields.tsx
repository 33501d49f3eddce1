/** The join form's questions about the person: first name, email (with the work-email hint), postcode and sector. */
import { looksLikeWorkEmail, WORK_EMAIL_WARNING } from '../../../../content-models/validators/workEmail'
import { errorProps, FieldError } from '../forms/parts'

export type AboutYouFieldsProps = {
  errors: Record<string, string>
  sectors: { value: string; label: string }[]
  workWarning: boolean
  onWorkWarning: (on: boolean) => void
}

export function AboutYouFields({ errors, sectors, workWarning, onWorkWarning }: AboutYouFieldsProps) {
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
          Use a personal address if you can. Your employer may read your work email.
        </p>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          required
          maxLength={254}
          onBlur={(e) =>
            onWorkWarning(e.currentTarget.value.includes('@') && looksLikeWorkEmail(e.currentTarget.value))
          }
          {...errorProps('email', errors, 'email-hint')}
        />
        <FieldError id="email" message={errors.email} />
        <div aria-live="polite">{workWarning && <p className="warning">{WORK_EMAIL_WARNING}</p>}</div>
      </div>
      <div className="field">
        <label htmlFor="postcode">Postcode or area (optional)</label>
        <p className="hint" id="postcode-hint">
          For example "NG1" or "Nottingham". It helps us find people near you.
        </p>
        <input
          id="postcode"
          name="postcode"
          type="text"
          autoComplete="postal-code"
          maxLength={60}
          className="input-short"
          {...errorProps('postcode', errors, 'postcode-hint')}
        />
        <FieldError id="postcode" message={errors.postcode} />
      </div>
      <div className="field">
        <label htmlFor="sector">The kind of work you do (optional)</label>
        <select id="sector" name="sector" defaultValue="" {...errorProps('sector', errors)}>
          <option value="">Choose one</option>
          {sectors.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <FieldError id="sector" message={errors.sector} />
      </div>
    </>
  )
}
