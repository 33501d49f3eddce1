/** The blank letter as a Word file, made at build time so it downloads without JavaScript. */
import type { APIRoute } from 'astro'
import { blankLetterDocx } from '../../../lib/letter'
import { DOCX_TYPE } from '../../../lib/letter/docx'
import { loadSnapshot, type SnapshotTemplate } from '../../../lib/snapshot'

export function getStaticPaths() {
  return loadSnapshot().templates.map((template) => ({
    params: { slug: template.slug, name: template.slug },
    props: { template },
  }))
}

export const GET: APIRoute<{ template: SnapshotTemplate }> = async ({ props }) => {
  // A copy over a plain ArrayBuffer: the Response body type does not take a view of a shared one.
  const bytes = new Uint8Array(await blankLetterDocx(props.template))
  return new Response(bytes, { headers: { 'Content-Type': DOCX_TYPE } })
}
