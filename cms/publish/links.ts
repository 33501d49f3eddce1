/**
 * The slugs a snapshot entry shows data of: every nested object with a `slug` (its topics,
 * related guides and templates, a network's union…). An entry showing a changed document's
 * title must be exported and rendered again with it.
 */
export const referencedSlugs = (value: unknown, depth = 0, out = new Set<string>()): Set<string> => {
  if (Array.isArray(value)) for (const v of value) referencedSlugs(v, depth + 1, out)
  else if (value && typeof value === 'object') {
    if (depth > 0 && typeof (value as { slug?: unknown }).slug === 'string')
      out.add((value as { slug: string }).slug)
    for (const v of Object.values(value)) if (v && typeof v === 'object') referencedSlugs(v, depth + 1, out)
  }
  return out
}
