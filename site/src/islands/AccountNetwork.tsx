/**
 * On a network's page: how many members it has (a number from the CMS, never who), and, for a
 * signed-in member, whether they are in it, with one button to join or leave. Signed out, it
 * points to My account; the page's join form stays for everyone else.
 */
import { useCallback, useEffect, useState } from 'react'
import { callApi, problem } from './account/accountApi'

export type AccountNetworkProps = { api: string; slug: string; name: string }

type Membership = 'unknown' | 'signed-out' | 'in' | 'out'

/** What joining said: joined, or asked to join a network whose organisers approve members. */
const joinedWords = (name: string, status: unknown) =>
  status === 'awaiting-approval'
    ? `You asked to join ${name}. Its organisers approve new members: you can read and post once they have.`
    : `You joined ${name}.`

export default function AccountNetwork({ api, slug, name }: AccountNetworkProps) {
  const [count, setCount] = useState<number | null>(null)
  const [membership, setMembership] = useState<Membership>('unknown')
  const [status, setStatus] = useState('')

  // After a change the count is asked for afresh (it is cached for a minute otherwise).
  const refresh = useCallback(
    async (fresh = false) => {
      const counted = await callApi<{ count?: number }>(
        api,
        `/public/networks/${slug}/count`,
        'GET',
        undefined,
        'omit',
        fresh ? 'no-cache' : 'default',
      )
      if (typeof counted.body.count === 'number') setCount(counted.body.count)
      // Answered 200 for everyone: { status: 'ok', networks } for a member, { status: 'signed-out' } otherwise.
      const mine = await callApi<{ networks?: string[] | null }>(api, '/account/networks')
      if (mine.status === 200 && mine.body.status === 'ok')
        setMembership(mine.body.networks?.includes(slug) ? 'in' : 'out')
      else setMembership('signed-out')
    },
    [api, slug],
  )

  useEffect(() => {
    void refresh()
  }, [refresh])

  const change = async (join: boolean) => {
    const answer = await callApi(api, `/account/networks/${slug}`, join ? 'POST' : 'DELETE')
    if (answer.status === 200) {
      setStatus(join ? joinedWords(name, answer.body.status) : `You left ${name}.`)
      await refresh(true)
    } else if (answer.status === 401 || answer.status === 410) {
      setStatus(problem(answer))
      setMembership('signed-out')
    } else setStatus(problem(answer))
  }

  return (
    <div className="network-membership">
      {count !== null && (
        <p>
          <strong>{count.toLocaleString('en-GB')}</strong> {count === 1 ? 'member' : 'members'}. We never show
          who they are.
        </p>
      )}
      {membership === 'in' && (
        <p>
          <a className="button" href={`/networks/${slug}/talk/`}>
            Talk with members
          </a>
        </p>
      )}
      {membership === 'in' && (
        <p>
          You are in this network.{' '}
          <button type="button" className="button" onClick={() => void change(false)}>
            Leave {name}
          </button>
        </p>
      )}
      {membership === 'out' && (
        <p>
          You are signed in.{' '}
          <button type="button" className="button" onClick={() => void change(true)}>
            Join {name}
          </button>
        </p>
      )}
      {membership === 'signed-out' && (
        <p>
          Already a member? <a href="/account/">Sign in</a> to join or leave with one click.
        </p>
      )}
      <p role="status" className="small">
        {status}
      </p>
    </div>
  )
}
