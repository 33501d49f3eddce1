/**
 * The join form's state: the networks ticked and the session chosen (preselected by the page, or
 * by ?network= and ?session= once the island runs), the work-email hint, and sending the form.
 */
import { useEffect, useState } from 'react'
import { useFormStamp } from '../forms/useFormStamp'
import { useFormSubmit } from '../forms/useFormSubmit'

export type SignupChoices = {
  networks: { slug: string }[]
  sessions: { slug: string }[]
  preselect?: { networks?: string[]; session?: string }
  stampUrl: string
}

export const useSignupForm = ({ networks, sessions, preselect, stampUrl }: SignupChoices) => {
  const [chosen, setChosen] = useState<Set<string>>(
    () => new Set((preselect?.networks ?? []).filter((s) => networks.some((n) => n.slug === s))),
  )
  const [session, setSession] = useState(() =>
    preselect?.session && sessions.some((x) => x.slug === preselect.session) ? preselect.session : '',
  )
  const [workWarning, setWorkWarning] = useState(false)
  const submit = useFormSubmit({
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

  return { ...submit, stamp, start, chosen, toggle, session, setSession, workWarning, setWorkWarning }
}
