import { describe, expect, it } from 'vitest'
import { renderRichText, safeHref } from '../../cms/richtext/lexicalToHtml'
import { markdownToLexical } from '../../cms/richtext/markdownToLexical'

const render = (md: string) => renderRichText(markdownToLexical(md))

describe('rich text to safe HTML', () => {
  it('renders headings with ids and a contents list, paragraphs, lists and links', () => {
    const out = render(
      '## Who can get it\n\nMost **workers** can. See [GOV.UK](https://www.gov.uk/holiday-entitlement-rights).\n\n### If you work shifts\n\n- one\n- two\n\n1. first\n2. second',
    )
    expect(out.html).toBe(
      '<h2 id="who-can-get-it">Who can get it</h2>' +
        '<p>Most <strong>workers</strong> can. See <a href="https://www.gov.uk/holiday-entitlement-rights" rel="noopener noreferrer">GOV.UK</a>.</p>' +
        '<h3 id="if-you-work-shifts">If you work shifts</h3>' +
        '<ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol>',
    )
    expect(out.toc).toEqual([
      { id: 'who-can-get-it', text: 'Who can get it', level: 2 },
      { id: 'if-you-work-shifts', text: 'If you work shifts', level: 3 },
    ])
  })
  it('gives repeated headings distinct ids', () => {
    expect(render('## Pay\n\n## Pay').toc.map((e) => e.id)).toEqual(['pay', 'pay-2'])
  })
  it('escapes markup typed as text, so a script stays text', () => {
    expect(render('<script>alert(1)</script> & <img src=x onerror=alert(2)>').html).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;</p>',
    )
  })
  it('keeps only safe link targets', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull()
    expect(safeHref(' JaVaScRiPt:alert(1)')).toBeNull()
    expect(safeHref('data:text/html,<b>x</b>')).toBeNull()
    expect(safeHref('//evil.example/x')).toBeNull()
    expect(safeHref('/guides/holiday-pay/')).toBe('/guides/holiday-pay/')
    expect(safeHref('mailto:help@example.org')).toBe('mailto:help@example.org')
    expect(safeHref('https://www.acas.org.uk/"onmouseover="x')).toBe(
      'https://www.acas.org.uk/%22onmouseover=%22x',
    )
  })
  it('drops a link with an unsafe target but keeps its words', () => {
    expect(render('[click me](javascript:void0)').html).toBe('<p>click me</p>')
  })
  it('keeps the text of node types it does not know, never their markup', () => {
    const state = {
      root: {
        type: 'root',
        children: [{ type: 'html-embed', children: [{ type: 'text', text: '<b>hi</b>' }] }],
      },
    }
    expect(renderRichText(state).html).toBe('&lt;b&gt;hi&lt;/b&gt;')
  })
  it('returns empty output for empty or missing rich text', () => {
    expect(renderRichText(null)).toEqual({ html: '', toc: [], text: '' })
  })
})
