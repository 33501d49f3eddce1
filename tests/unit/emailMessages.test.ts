import { describe, expect, it } from 'vitest'
import { memberConfirmEmail, memberStayEmail, signatureConfirmEmail } from '../../cms/email/messages/render'

const footer = {
  unsubscribe: 'https://cms.example/api/public/unsubscribe/signature/1/abc',
  erase: 'https://cms.example/api/public/erase/signature/1/abc',
}

describe('emails', () => {
  it('gives every email HTML and plain text, each with the confirm, unsubscribe and erase links', () => {
    for (const m of [
      signatureConfirmEmail({
        name: 'Tom',
        petitionTitle: 'Fair rotas',
        confirmUrl: 'https://cms.example/api/public/confirm/signature/tok',
        ...footer,
      }),
      memberConfirmEmail({
        firstName: 'Sara',
        confirmUrl: 'https://cms.example/api/public/confirm/member/tok',
        networkNames: ['Warehouse workers'],
        ...footer,
      }),
    ]) {
      for (const body of [m.html, m.text]) {
        expect(body).toMatch(/\/api\/public\/confirm\/(signature|member)\/tok/)
        expect(body).toContain(footer.unsubscribe)
        expect(body).toContain(footer.erase)
      }
      expect(m.html).toMatch(/^<!doctype html>/)
      expect(m.text).not.toMatch(/<[a-z]/)
    }
  })
  it('escapes what people typed in the HTML', () => {
    const m = signatureConfirmEmail({
      name: '<b>Tom</b>',
      petitionTitle: 'A & B',
      confirmUrl: 'https://x/c',
      ...footer,
    })
    expect(m.html).toContain('&lt;b&gt;Tom&lt;/b&gt;')
    expect(m.html).not.toContain('<b>Tom</b>')
  })

  it('asks a quiet member whether to stay, in HTML and text, with the keep link, the deadline and no "not you" line', () => {
    const keepUrl = 'https://cms.example/api/public/keep/member/7/tok'
    const m = memberStayEmail({ firstName: 'Sara', keepUrl, deleteInDays: 30, ...footer })
    expect(m.subject).toBe('Do you want to stay in the Better Work network?')
    for (const body of [m.html, m.text]) {
      expect(body).toContain(keepUrl)
      expect(body).toContain('we will delete your details in 30 days')
      expect(body).toContain(footer.erase)
      expect(body).not.toContain('If this was not you')
    }
    expect(m.text).toContain('Yes, keep me in the network:')
  })
})
