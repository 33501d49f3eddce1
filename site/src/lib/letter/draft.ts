/**
 * A draft of a filled-in letter kept in the browser's own storage, only when the worker asks for
 * it. Nothing is kept otherwise, and "forget what I typed" removes it.
 */

export type Draft = { values: Record<string, string>; chosen: string[] }

/** The storage key of one template's draft. */
export const draftKey = (slug: string) => `better-work:letter-draft:${slug}`

/** The saved draft, or null when there is none or it cannot be read. */
export const loadDraft = (storage: Pick<Storage, 'getItem'> | undefined, slug: string): Draft | null => {
  try {
    const raw = storage?.getItem(draftKey(slug))
    if (!raw) return null
    const data = JSON.parse(raw) as Partial<Draft>
    const values: Record<string, string> = {}
    for (const [k, v] of Object.entries(data.values ?? {})) if (typeof v === 'string') values[k] = v
    const chosen = Array.isArray(data.chosen)
      ? data.chosen.filter((k): k is string => typeof k === 'string')
      : []
    return { values, chosen }
  } catch {
    // Storage can be switched off (private browsing) or hold something broken: start empty.
    return null
  }
}

/** Keeps the draft; false when the browser refuses (storage full or switched off). */
export const saveDraft = (
  storage: Pick<Storage, 'setItem'> | undefined,
  slug: string,
  draft: Draft,
): boolean => {
  try {
    storage?.setItem(draftKey(slug), JSON.stringify(draft))
    return Boolean(storage)
  } catch {
    return false
  }
}

/** Removes the draft. */
export const forgetDraft = (storage: Pick<Storage, 'removeItem'> | undefined, slug: string): void => {
  try {
    storage?.removeItem(draftKey(slug))
  } catch {
    // Nothing was stored if storage is switched off.
  }
}
