/**
 * Where the reader stands for a session, asked of the CMS with the session cookie (if they are
 * signed in there): signed in or not, their place or number on the waiting list, and the places
 * left. Only the island asks: the static page sets and reads no cookie.
 */
import { useCallback, useEffect, useState } from 'react'

/** A member's standing for the session. */
export type Standing = { status: 'registered' } | { status: 'waiting'; number: number }

/** The places of a session: null `capacity` means no limit. */
export type Places = { capacity: number | null; left: number | null; waiting: number }

export type SessionStatus = { signedIn: boolean; standing: Standing | null; places: Places | null }

/**
 * Reads the status once the page starts (without a cookie, from `placesUrl`, if the CMS does not
 * answer with credentials); `register` asks for a place as the signed-in member.
 */
export const useSessionStatus = ({
  statusUrl,
  placesUrl,
  registerUrl,
}: {
  statusUrl: string
  placesUrl: string
  registerUrl: string
}) => {
  const [status, setStatus] = useState<SessionStatus | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [sending, setSending] = useState(false)

  useEffect(() => {
    const json = { Accept: 'application/json' }
    fetch(statusUrl, { credentials: 'include', headers: json })
      .then((r) =>
        r.ok ? (r.json() as Promise<SessionStatus>) : Promise.reject(new Error(String(r.status))),
      )
      .catch(() =>
        fetch(placesUrl, { credentials: 'omit', headers: json })
          .then((r) => (r.ok ? (r.json() as Promise<Places>) : null))
          .then((places) => places && { signedIn: false, standing: null, places }),
      )
      .then((body) => body && setStatus(body))
      .catch(() => {
        // The CMS cannot be reached: the email form still works.
      })
  }, [statusUrl, placesUrl])

  const register = useCallback(async () => {
    setSending(true)
    try {
      const res = await fetch(registerUrl, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: '{}',
      })
      const body = (await res.json().catch(() => ({}))) as {
        status?: string
        number?: number
        message?: string
      }
      setMessage(body.message ?? 'Something went wrong. Please try again in a few minutes.')
      if (body.status === 'registered') setStatus((s) => s && { ...s, standing: { status: 'registered' } })
      if (body.status === 'waiting' && body.number)
        setStatus((s) => s && { ...s, standing: { status: 'waiting', number: body.number! } })
      if (body.status === 'signed-out') setStatus((s) => s && { ...s, signedIn: false })
    } catch {
      setMessage('We could not reach our server. Please try again, or use the form below.')
    } finally {
      setSending(false)
    }
  }, [registerUrl])

  return { status, message, sending, register }
}

/** The places left in words, or null when there is no limit or we do not know. */
export const placesWords = (places: Places | null): string | null => {
  if (!places || places.capacity === null || places.left === null) return null
  if (places.left === 0)
    return places.waiting
      ? `This session is full. ${places.waiting} ${places.waiting === 1 ? 'person is' : 'people are'} on the waiting list.`
      : 'This session is full. You can join the waiting list.'
  return `${places.left} of ${places.capacity} places left.`
}
