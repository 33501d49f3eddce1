import { describe, expect, it } from 'vitest'
import { matchPath } from '../../cms/edge/serve'

describe('matching a public endpoint path', () => {
  it('reads the named parts of a matching path', () => {
    expect(matchPath('/public/petitions/:slug/sign', '/public/petitions/fair-rotas/sign')).toEqual({
      slug: 'fair-rotas',
    })
    expect(matchPath('/public/confirm/:kind/:token', '/public/confirm/signature/abc_12')).toEqual({
      kind: 'signature',
      token: 'abc_12',
    })
  })

  it('does not match a different path, an extra or missing part, or an empty named part', () => {
    expect(matchPath('/public/petitions/:slug/sign', '/public/petitions/fair-rotas/count')).toBeNull()
    expect(matchPath('/public/petitions/:slug/sign', '/public/petitions/fair-rotas/sign/x')).toBeNull()
    expect(matchPath('/public/petitions/:slug/sign', '/public/petitions//sign')).toBeNull()
    expect(matchPath('/public/petitions/:slug/sign', '/public/petitions/%E0%A4%A/sign')).toBeNull()
  })
})
