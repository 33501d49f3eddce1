import { describe, expect, it } from 'vitest'
import { assertDeploymentReady, isProductionDeployment } from '../../cms/deployment'

const httpsCms = { CMS_URL: 'https://cms.example.org' }
const ready = {
  RESEND_API_KEY: 're_123',
  ADMIN_EMAIL: 'ops@example.org',
  ADMIN_PASSWORD: 'a-long-passphrase',
}

describe('telling a production deployment from a local one', () => {
  it('is not production for npm start with no settings, nor with its own http CMS_URL', () => {
    expect(isProductionDeployment({})).toBe(false)
    expect(isProductionDeployment({ CMS_URL: 'http://localhost:3000' })).toBe(false)
  })
  it('is production when CMS_URL is https, in any case', () => {
    expect(isProductionDeployment(httpsCms)).toBe(true)
    expect(isProductionDeployment({ CMS_URL: 'HTTPS://cms.example.org' })).toBe(true)
  })
  it('is production when the operator sets DEPLOYMENT=production, even on http', () => {
    expect(isProductionDeployment({ DEPLOYMENT: 'production', CMS_URL: 'http://10.0.0.5:3000' })).toBe(true)
  })
})

describe('checking a deployment is ready before it serves', () => {
  it('lets npm start with no settings and an empty database start, outbox and generated admin as today', () => {
    expect(() => assertDeploymentReady({}, { userCount: 0 })).not.toThrow()
    expect(() => assertDeploymentReady({ CMS_URL: 'http://localhost:3000' }, { userCount: 0 })).not.toThrow()
  })
  it('refuses production with no RESEND_API_KEY, saying to set it or EMAIL_OUTBOX=true', () => {
    expect(() =>
      assertDeploymentReady({ ...httpsCms, ADMIN_EMAIL: 'ops@example.org' }, { userCount: 0 }),
    ).toThrow(
      /production deployment \(CMS_URL is https \(https:\/\/cms\.example\.org\)\).*Set RESEND_API_KEY.*or set EMAIL_OUTBOX=true/,
    )
  })
  it('accepts production with the outbox when EMAIL_OUTBOX=true says it is wanted, and only then', () => {
    expect(() => assertDeploymentReady({ ...httpsCms, EMAIL_OUTBOX: 'true' }, { userCount: 3 })).not.toThrow()
    expect(() => assertDeploymentReady({ ...httpsCms, EMAIL_OUTBOX: 'yes' }, { userCount: 3 })).toThrow(
      /EMAIL_OUTBOX=true/,
    )
  })
  it('refuses production on an empty database without ADMIN_EMAIL, naming ADMIN_EMAIL and ADMIN_PASSWORD', () => {
    expect(() =>
      assertDeploymentReady({ DEPLOYMENT: 'production', RESEND_API_KEY: 're_123' }, { userCount: 0 }),
    ).toThrow(
      /production deployment \(DEPLOYMENT=production\).*no users and ADMIN_EMAIL or ADMIN_PASSWORD \(at least 12 characters\) is not set\. Set both/,
    )
  })
  it('names both problems in one message when both are missing', () => {
    let message = ''
    try {
      assertDeploymentReady(httpsCms, { userCount: 0 })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain('RESEND_API_KEY is not set')
    expect(message).toContain('Also, the database has no users and ADMIN_EMAIL or ADMIN_PASSWORD')
  })
  it('needs no ADMIN_EMAIL once the database has users, or when the caller does not know the count', () => {
    expect(() =>
      assertDeploymentReady({ ...httpsCms, RESEND_API_KEY: 're_123' }, { userCount: 1 }),
    ).not.toThrow()
    expect(() => assertDeploymentReady({ ...httpsCms, RESEND_API_KEY: 're_123' })).not.toThrow()
  })
  it('refuses a first admin without a password of at least 12 characters in production, rather than print a generated one', () => {
    expect(() =>
      assertDeploymentReady({ ...httpsCms, ...ready, ADMIN_PASSWORD: '' }, { userCount: 0 }),
    ).toThrow(/ADMIN_PASSWORD \(at least 12 characters\)/)
    expect(() =>
      assertDeploymentReady({ ...httpsCms, ...ready, ADMIN_PASSWORD: 'short' }, { userCount: 0 }),
    ).toThrow(/ADMIN_PASSWORD/)
  })
  it('accepts a production deployment with Resend and a first admin', () => {
    expect(() => assertDeploymentReady({ ...httpsCms, ...ready }, { userCount: 0 })).not.toThrow()
  })
  it('refuses a DEPLOYMENT other than production, so a typo cannot skip the checks', () => {
    expect(() => assertDeploymentReady({ DEPLOYMENT: 'prod' }, { userCount: 1 })).toThrow(
      'DEPLOYMENT is "prod": set DEPLOYMENT=production for a production deployment, or leave it empty.',
    )
  })
})
