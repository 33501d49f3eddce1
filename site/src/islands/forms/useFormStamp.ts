/** The form stamp, fetched from the CMS when the person starts typing, for the minimum fill time. */
import { useCallback, useRef, useState } from 'react'

/** Fetches a signed start time once, on the first focus inside the form. */
export const useFormStamp = (stampUrl: string) => {
  const [stamp, setStamp] = useState('')
  const asked = useRef(false)
  const start = useCallback(() => {
    if (asked.current) return
    asked.current = true
    fetch(stampUrl, { credentials: 'omit' })
      .then((r) => (r.ok ? r.json() : null))
      .then((body) => body?.startedAt && setStamp(String(body.startedAt)))
      .catch(() => {
        // No stamp is fine: the form still works, the CMS simply notes it.
      })
  }, [stampUrl])
  return { stamp, start }
}
