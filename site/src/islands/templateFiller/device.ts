/** Taking the letter away on the device: saving a file and copying text (nothing is sent anywhere). */

/** Saves a Blob as a file on the device, through an object URL (nothing is sent anywhere). */
export const saveFile = (blob: Blob, name: string) => {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.hidden = true
  document.body.append(a)
  a.click()
  a.remove()
  // Some browsers read the URL after click() returns; let them finish first.
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}

/** Copies text, with the old select-and-copy way for browsers without the Clipboard API. */
export const copyText = async (text: string): Promise<boolean> => {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.className = 'filler-offscreen'
    document.body.append(area)
    area.select()
    const ok = document.execCommand('copy')
    area.remove()
    return ok
  }
}
