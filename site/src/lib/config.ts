/** Build-time settings of the site. Read only in page frontmatter (at build), never in the browser. */

/** The CMS's public address: forms post to it and the count island reads from it. */
export const cmsUrl = (process.env.CMS_URL || 'http://localhost:3000').replace(/\/$/, '')

/** The CMS endpoints the site's forms and islands use. */
export const cmsEndpoints = {
  sign: (slug: string) => `${cmsUrl}/api/public/petitions/${slug}/sign`,
  count: (slug: string) => `${cmsUrl}/api/public/petitions/${slug}/count`,
  join: () => `${cmsUrl}/api/public/join`,
  formStamp: () => `${cmsUrl}/api/public/form-stamp`,
  /** An open letter with its signatories, to hand in: `pdf` or `docx`. */
  openLetterFile: (slug: string, format: 'pdf' | 'docx') =>
    `${cmsUrl}/api/public/open-letters/${slug}/letter.${format}`,
}
