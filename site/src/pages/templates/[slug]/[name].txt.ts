/** The blank letter as plain text, made at build time so it downloads without JavaScript. */
import type { APIRoute } from 'astro'
import { blankLetterText } from '../../../lib/letter'
import { loadSnapshot, type SnapshotTemplate } from '../../../lib/snapshot'

export function getStaticPaths() {
  return loadSnapshot().templates.map((template) => ({
    params: { slug: template.slug, name: template.slug },
    props: { template },
  }))
}

export const GET: APIRoute<{ template: SnapshotTemplate }> = ({ props }) =>
  new Response(blankLetterText(props.template), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
