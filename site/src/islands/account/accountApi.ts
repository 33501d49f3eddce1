/**
 * My account's calls to the CMS: JSON with the session cookie (credentials: 'include'; the cookie
 * belongs to the CMS, the site never sets or reads one). A 401 means signed out, a 410 an erased
 * account: each call says so, and the island shows it.
 */

/** What the CMS answered: its status and JSON body. */
export type ApiAnswer<T = Record<string, unknown>> = { status: number; body: T & ApiStatus }

/** The fields every answer may carry. */
export type ApiStatus = { status?: string; message?: string; errors?: Record<string, string> }

/** One registration, as the training room lists it. */
export type Registration = {
  id: number | string
  state: 'registered' | 'waiting' | 'cancelled'
  waitingNumber: number | null
  session: { title: string; slug: string; when: string; cancelled: boolean }
}

/** The answer to GET /api/account/me. */
export type AccountData = {
  member: {
    id: number | string
    firstName: string
    email: string
    postcode: string | null
    sector: string | null
  }
  networks: { slug: string; name: string; displayName: string | null }[]
  registrations: Registration[]
  signatures: {
    id: number | string
    petition: { title: string; slug: string } | null
    state: string
    showName: boolean
    updates: boolean
  }[]
  emails: (
    | { kind: 'network'; on: boolean }
    | { kind: 'petition'; on: boolean; petition: string }
    | { kind: 'training'; on: boolean; session: string }
  )[]
  consent: {
    unionInterest: { given: boolean; version: string | null; wording: string }
    current: { version: string; wording: string }
  }
  erasureKeeps: string[]
}

/** Calls the CMS's API (`api` is `${CMS_URL}/api`); never throws: a network failure is status 0. */
export const callApi = async <T = Record<string, unknown>>(
  api: string,
  path: string,
  method = 'GET',
  body?: unknown,
  credentials: RequestCredentials = 'include',
  cache: RequestCache = 'default',
): Promise<ApiAnswer<T>> => {
  try {
    const res = await fetch(`${api}${path}`, {
      method,
      credentials,
      cache,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json().catch(() => ({}))) as T & ApiStatus }
  } catch {
    return {
      status: 0,
      body: { message: 'We could not reach our server. Check your internet connection and try again.' } as T &
        ApiStatus,
    }
  }
}

/** A plain message for an answer that did not work. */
export const problem = (answer: ApiAnswer): string =>
  answer.body.message ?? 'Something went wrong on our side. Please try again in a few minutes.'
