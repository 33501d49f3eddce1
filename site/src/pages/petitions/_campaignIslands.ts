/**
 * Starts a petition's or open letter's islands (the pages' one script; Astro's client:* loader is
 * inline, which our Content-Security-Policy blocks), each when the reader reaches it
 * (site/src/lib/islandLoader.ts). The count and chart also start at once when the CMS's count
 * differs from the one built into the page (a signer back from confirming must see their
 * signature): the page asks for the count itself (a small request, no React), and the islands
 * share that same feed. "Copy link" is shown only when the browser can copy.
 */
import { startIslands, startOnInteraction } from '../../lib/islandLoader'
import { subscribeToCount } from '../../islands/PetitionCountFeed'

const startCounts = () => {
  const count = document.querySelector<HTMLElement>('.count-island')
  const chart = document.querySelector<HTMLElement>('.chart-island')
  const startCount =
    count &&
    startOnInteraction(count, (el) =>
      import('../../islands/PetitionCount.mount').then((m) => m.mountPetitionCount(el)),
    )
  const startChart =
    chart &&
    startOnInteraction(chart, (el) =>
      import('../../islands/PetitionCountChart.mount').then((m) => m.mountPetitionCountChart(el)),
    )
  const built = JSON.parse(count?.dataset.props ?? '{}') as {
    countUrl?: string
    initial?: number
    open?: boolean
  }
  if (built.countUrl)
    subscribeToCount(built.countUrl, built.open === true, (live) => {
      if (live.count === built.initial) return
      void startCount?.()
      void startChart?.()
    })
}

const copyLink = () => {
  const copy = document.querySelector<HTMLButtonElement>('.copy-link')
  const url = document.querySelector<HTMLInputElement>('#share-url')
  const done = document.querySelector<HTMLElement>('.copy-done')
  if (!copy || !url || !done || !navigator.clipboard) return
  copy.hidden = false
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(url.value).then(
      () => (done.textContent = 'Link copied.'),
      () => (done.textContent = 'Could not copy: select the link above and copy it.'),
    )
  })
}

/** Everything a campaign page starts. */
export const startCampaignIslands = () => {
  startCounts()
  copyLink()
  startIslands('.sign-island', (el) =>
    import('../../islands/SignPetition.mount').then((m) => m.mountSignPetition(el)),
  )
}
