/**
 * The signer's details on the sign form: name, email address and (optional) postcode. An address
 * that looks like a work one gets the join form's gentle warning (the same rule and list,
 * content-models/validators/workEmail.ts) when the signer leaves the field: never a block.
 */
import { useState } from 'react'
import { looksLikeWorkEmail, WORK_EMAIL_WARNING } from '../../../../content-models/validators/workEmail'
import { errorProps, FieldError } from '../forms/parts'

export function SignerFields({ errors }: { errors: Record<string, string> }) {
  const [workWarning, setWorkWarning] = useState(false)
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
          We send you a link to confirm. We never show your email address. Use a personal address if you can:
          your employer may read your work email.
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
            setWorkWarning(e.currentTarget.value.includes('@') && looksLikeWorkEmail(e.currentTarget.value))
          }
          {...errorProps('email', errors, 'email-hint')}
        />
        <FieldError id="email" message={errors.email} />
        <div aria-live="polite">{workWarning && <p className="warning">{WORK_EMAIL_WARNING}</p>}</div>
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

/** An open letter's signatory's role, shown with their name only if they tick the box above. */
export function RoleField({ errors }: { errors: Record<string, string> }) {
  return (
    <div className="field">
      <label htmlFor="role">Your role (optional)</label>
      <p className="hint" id="role-hint">
        Your job and where, like "Night-shift nurse, Leeds". We show it with your name only if you tick the
        box above. Do not name your employer if you would rather they did not know.
      </p>
      <input id="role" name="role" type="text" maxLength={80} {...errorProps('role', errors, 'role-hint')} />
      <FieldError id="role" message={errors.role} />
    </div>
  )
}
