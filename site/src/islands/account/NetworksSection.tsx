/**
 * Your networks: leave one, choose the display name other members see in it, or join another
 * (from the list the site was built with).
 */
import { useState, type SubmitEvent } from 'react'
import { errorProps, FieldError } from '../forms/parts'
import { type AccountData, problem } from './accountApi'
import type { AccountActions } from './useAccount'
import { Section, Status } from './parts'

type Mine = AccountData['networks'][number]

function MyNetwork({
  network,
  act,
  say,
}: {
  network: Mine
  act: AccountActions['act']
  say: (m: string) => void
}) {
  const field = `displayNames.${network.slug}`
  const [error, setError] = useState('')
  const save = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault()
    const name = String(new FormData(event.currentTarget).get('displayName') ?? '')
    const answer = await act('PATCH', '/account/me', { displayNames: { [network.slug]: name } })
    setError(answer.status === 200 ? '' : (answer.body.errors?.[field] ?? problem(answer)))
    say(answer.status === 200 ? `Display name saved for ${network.name}.` : 'Display name not saved.')
  }
  const leave = async () => {
    const answer = await act('DELETE', `/account/networks/${network.slug}`)
    say(answer.status === 200 ? `You left ${network.name}.` : problem(answer))
  }
  return (
    <li>
      <h3>
        <a href={`/networks/${network.slug}/`}>{network.name}</a>
      </h3>
      <form className="sign-form" onSubmit={save} noValidate>
        <div className="field">
          <label htmlFor={field}>Your display name in this network</label>
          <p className="hint" id={`${field}-hint`}>
            Other members see this name, never your real name or email address. Leave it empty to have none.
          </p>
          <input
            id={field}
            name="displayName"
            type="text"
            defaultValue={network.displayName ?? ''}
            {...errorProps(field, error ? { [field]: error } : {}, `${field}-hint`)}
          />
          <FieldError id={field} message={error} />
        </div>
        <button type="submit" className="button">
          Save display name
        </button>{' '}
        <button type="button" className="button" onClick={() => void leave()}>
          Leave {network.name}
        </button>
      </form>
    </li>
  )
}

export function NetworksSection({
  networks,
  all,
  act,
}: {
  networks: Mine[]
  all: { slug: string; name: string }[]
  act: AccountActions['act']
}) {
  const [status, setStatus] = useState('')
  const others = all.filter((n) => !networks.some((m) => m.slug === n.slug))
  const join = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault()
    const slug = String(new FormData(event.currentTarget).get('network') ?? '')
    if (!slug) return setStatus('Choose a network from the list first.')
    const answer = await act('POST', `/account/networks/${slug}`)
    setStatus(
      answer.status === 200
        ? `You joined ${all.find((n) => n.slug === slug)?.name ?? slug}.`
        : problem(answer),
    )
  }
  return (
    <Section id="networks" title="Your networks">
      {networks.length ? (
        <ul className="account-list">
          {networks.map((n) => (
            <MyNetwork key={n.slug} network={n} act={act} say={setStatus} />
          ))}
        </ul>
      ) : (
        <p>You are not in a network yet.</p>
      )}
      {others.length > 0 && (
        <form className="sign-form" onSubmit={join}>
          <div className="field">
            <label htmlFor="join-network">Join another network</label>
            <select id="join-network" name="network" defaultValue="">
              <option value="">Choose a network</option>
              {others.map((n) => (
                <option key={n.slug} value={n.slug}>
                  {n.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            Join this network
          </button>
        </form>
      )}
      {status && <Status message={status} />}
    </Section>
  )
}
