/** True for an absolute http(s) URL. */
export const isHttpUrl = (value: unknown): boolean => {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

/** A Payload field validator for an optional or required web address, naming the field. */
export const validateHttpUrl =
  (label: string) =>
  (value: unknown): true | string =>
    value == null || value === '' || isHttpUrl(value)
      ? true
      : `${label}: enter a full web address starting with https://, for example https://www.gov.uk/holiday-entitlement-rights`
