import { afterEach, describe, expect, it } from 'vitest'
import { createConfig } from '../../cms/config'
import { secureLoginCookie } from '../../content-models/collections/Users'

const savedCmsUrl = process.env.CMS_URL

/** The users collection's auth settings as Payload sanitised them. */
const usersAuth = async (cmsUrl: string) => {
  process.env.CMS_URL = cmsUrl
  const config = await createConfig({
    databaseUri: 'file:/tmp/h2-never-opened.db',
    secret: 'unit-tests-only',
  })
  const users = config.collections.find((c) => c.slug === 'users')
  if (!users?.auth) throw new Error('The users collection has no auth settings')
  return users.auth
}

afterEach(() => {
  if (savedCmsUrl === undefined) delete process.env.CMS_URL
  else process.env.CMS_URL = savedCmsUrl
})

describe('the admin login cookie', () => {
  it('is Secure and SameSite=Lax when the CMS is served over https', async () => {
    const auth = await usersAuth('https://cms.example.org')
    expect(auth.cookies.secure).toBe(true)
    expect(auth.cookies.sameSite).toBe('Lax')
  })

  it('is not Secure for a local http CMS, so npm start can log in on http://localhost', async () => {
    const auth = await usersAuth('http://localhost:3000')
    expect(auth.cookies.secure).toBe(false)
    expect(auth.cookies.sameSite).toBe('Lax')
  })

  it('reads https in any case and ignores stray spaces, and treats no CMS_URL as http', () => {
    expect(secureLoginCookie(' HTTPS://cms.example.org ')).toBe(true)
    expect(secureLoginCookie('http://cms.example.org')).toBe(false)
    expect(secureLoginCookie(undefined)).toBe(false)
  })
})

describe('the account lock', () => {
  it('locks an account for 10 minutes after 10 wrong passwords in a row', async () => {
    const auth = await usersAuth('https://cms.example.org')
    expect(auth.maxLoginAttempts).toBe(10)
    expect(auth.lockTime).toBe(10 * 60 * 1000)
  })
})
