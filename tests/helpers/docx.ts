import JSZip from 'jszip'

/** The paragraphs of a .docx as text: each <w:p>, its <w:t> runs joined, <w:br/> as a line break. */
export const docxParagraphs = async (bytes: Uint8Array | Buffer): Promise<string[]> => {
  const zip = await JSZip.loadAsync(bytes)
  const xml = await zip.file('word/document.xml')!.async('string')
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:br\/>|<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>/g)]
      .map((m) => (m[0] === '<w:br/>' ? '\n' : decode(m[1])))
      .join(''),
  )
}
