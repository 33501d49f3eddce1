/**
 * Starts the template filler in its placeholder element, reading the template from the element's
 * data-template attribute. The page loads this when the element scrolls into view.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import TemplateFiller, { type FillerTemplate } from './TemplateFiller'

/** Replaces the no-JavaScript text in `el` with the filler. */
export const mountTemplateFiller = (el: HTMLElement) => {
  if (el.dataset.mounted) return
  el.dataset.mounted = 'true'
  const template = JSON.parse(el.dataset.template ?? '{}') as FillerTemplate
  el.replaceChildren()
  createRoot(el).render(
    <StrictMode>
      <TemplateFiller template={template} />
    </StrictMode>,
  )
}
