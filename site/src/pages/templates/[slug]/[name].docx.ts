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

export const GET: APIRoute = async ({ props }) => {
  const { template } = props as { template: SnapshotTemplate }
  return new Response(await blankLetterDocx(template), { headers: { 'Content-Type': DOCX_TYPE } })
}
