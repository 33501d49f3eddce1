/** The petitions you signed with this email address, and the emails you get from us. */
import type { AccountData } from './accountApi'
import { Section } from './parts'

const emailLine = (e: AccountData['emails'][number]): string => {
  if (e.kind === 'network')
    return e.on
      ? 'News about the network, training and campaigns.'
      : 'No news about the network: you said no.'
  if (e.kind === 'petition')
    return e.on
      ? `Updates about the petition "${e.petition}".`
      : `No updates about the petition "${e.petition}".`
  return `Reminders about the training "${e.session}".`
}

export function PetitionsSection({ signatures, emails }: Pick<AccountData, 'signatures' | 'emails'>) {
  return (
    <>
      <Section id="petitions" title="Petitions you signed">
        {signatures.length ? (
          <ul className="account-list">
            {signatures.map((s) => (
              <li key={s.id}>
                {s.petition ? (
                  <a href={`/petitions/${s.petition.slug}/`}>{s.petition.title}</a>
                ) : (
                  'A petition'
                )}
                {s.state === 'pending' ? ': not confirmed yet. Open the link in our email to count.' : '.'}
                {s.showName && ' Your first name and area are on the petition page.'}
              </li>
            ))}
          </ul>
        ) : (
          <p>You have not signed a petition with this email address.</p>
        )}
      </Section>
      <Section id="emails" title="Emails you get">
        <ul className="account-list">
          {emails.map((e, i) => (
            <li key={i}>{emailLine(e)}</li>
          ))}
        </ul>
        <p className="small">
          Every email we send has a link to stop those emails. Training emails stop when you cancel your
          place.
        </p>
      </Section>
    </>
  )
}
