/** Small parts My account's sections share: a section with its heading, and a status line. */
import type { ReactNode } from 'react'

/** One section of My account, labelled by its heading. */
export const Section = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <section aria-labelledby={`${id}-heading`} className="account-section">
    <h2 id={`${id}-heading`}>{title}</h2>
    {children}
  </section>
)

/** What just happened in a section ("Saved."), read out by screen readers. */
export const Status = ({ message }: { message: string }) => (
  <p role="status" className="small">
    {message}
  </p>
)
