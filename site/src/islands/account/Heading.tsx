import { useEffect, useRef, type ReactNode } from 'react'

/** A phase's heading, focused when the phase changes after something the member did. */
export function Heading({ children, focus }: { children: ReactNode; focus: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (focus) ref.current?.focus()
  }, [focus])
  return (
    <h2 ref={ref} tabIndex={-1}>
      {children}
    </h2>
  )
}
