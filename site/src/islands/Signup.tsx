/**
 * The join form. Rendered on the server as a plain HTML form (networks as checkboxes, sessions as
 * a list) that posts to the CMS and works without JavaScript. A page can preselect a network or a
 * session (ticked in the HTML itself, so it works without JavaScript too). Once started it also
 * reads ?network= and ?session= to tick the right choices, warns about a work email address, and
 * sends JSON.
 */
import { useEffect, useState } from 'react'
import { looksLikeWorkEmail, WORK_EMAIL_WARNING } from '../../../content-models/validators/workEmail'
import {
  ErrorSummary,
  errorProps,
  FieldError,
  FormDoneMessage,
  Honeypot,
  useFormStamp,
  useFormSubmit,
} from './SignPetition.form'

export type SignupProps = {
  action: string
  stampUrl: string
  networks: { slug: string; name: string }[]
  sessions: { slug: string; title: string; when: string }[]
  sectors: { value: string; label: string }[]
  wording: { email: string; unionInterest: string }
  /** The version of the consent wording shown, sent with the form (see cms/members/consent.ts). */
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
  const [chosen, setChosen] = useState<Set<string>>(
    () => new Set((preselect?.networks ?? []).filter((s) => networks.some((n) => n.slug === s))),
  )
  const [session, setSession] = useState(() =>
    preselect?.session && sessions.some((x) => x.slug === preselect.session) ? preselect.session : '',
  )
  const [workWarning, setWorkWarning] = useState(false)
  const { errors, done, sending, enhanced, doneRef, onSubmit } = useFormSubmit({
    sentMessage:
      'We have sent you an email with a link. Open it and press the button to join. If you do not confirm within 7 days, we delete your details.',
    failedTitle: 'We could not sign you up',
  })
  const { stamp, start } = useFormStamp(stampUrl)

  // Preselect what the link asked for (/join/?network=…&session=…).
  useEffect(() => {
    const params = new URLSearchParams(window.location.search)
    const wanted = params.getAll('network').filter((s) => networks.some((n) => n.slug === s))
    if (wanted.length) setChosen(new Set(wanted))
    const s = params.get('session')
    if (s && sessions.some((x) => x.slug === s)) setSession(s)
  }, [networks, sessions])

  const toggle = (slug: string) =>
    setChosen((prev) => {
      const next = new Set(prev)
      if (next.has(slug)) next.delete(slug)
      else next.add(slug)
      return next
    })

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
            setWorkWarning(e.currentTarget.value.includes('@') && looksLikeWorkEmail(e.currentTarget.value))
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
      {networks.length > 0 && (
        <fieldset
          className="field"
          id="networks"
          aria-describedby={errors.networks ? 'networks-error' : undefined}
        >
          <legend>Networks to join (optional)</legend>
          {networks.map((n) => (
            <div className="checkbox" key={n.slug}>
              <input
                id={`network-${n.slug}`}
                name="networks"
                type="checkbox"
                value={n.slug}
                checked={chosen.has(n.slug)}
                onChange={() => toggle(n.slug)}
              />
              <label htmlFor={`network-${n.slug}`}>{n.name}</label>
            </div>
          ))}
          <FieldError id="networks" message={errors.networks} />
        </fieldset>
      )}
      {sessions.length > 0 && (
        <div className="field">
          <label htmlFor="session">A training session you want to go to (optional)</label>
          <select
            id="session"
            name="session"
            value={session}
            onChange={(e) => setSession(e.currentTarget.value)}
            {...errorProps('session', errors)}
          >
            <option value="">None for now</option>
            {sessions.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.title} ({s.when})
              </option>
            ))}
          </select>
          <FieldError id="session" message={errors.session} />
        </div>
      )}
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
      <Honeypot />
      <input type="hidden" name="consentVersion" value={consentVersion} />
      <input type="hidden" name="startedAt" value={stamp} />
      <button type="submit" className="button" disabled={sending}>
        {sending ? 'Sending…' : 'Join the network'}
      </button>
    </form>
  )
}
