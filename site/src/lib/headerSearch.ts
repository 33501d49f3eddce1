/**
 * The header's search box, run on every page. Without JavaScript it goes to the CMS's search
 * (GET ${CMS_URL}/search, which answers with results: see site/src/pages/search/), so a reader
 * whose script failed still gets results. With JavaScript it goes to the site's own search page
 * instead, where the island searches on the device: faster, and it works offline over what is saved.
 */
export const useSiteSearch = (doc: Document = document) => {
  for (const form of doc.querySelectorAll<HTMLFormElement>('form[data-site-action]'))
    form.action = form.dataset.siteAction ?? form.action
}

useSiteSearch()
