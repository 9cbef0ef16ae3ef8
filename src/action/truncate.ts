/**
 * Fitting markdown into a size limit: cut between lines, so that no table row, escape or code
 * span is split, and say where the rest is.
 */

/** Measures text: UTF-16 code units (never fewer than GitHub's characters), or bytes. */
export type Measure = (text: string) => number

export const characters: Measure = (text) => text.length
export const utf8Bytes: Measure = (text) => Buffer.byteLength(text, 'utf8')

/**
 * Return `text` when it fits in `limit`, else its longest run of whole leading lines followed by
 * a blank line and `note`, together within `limit`.
 */
export function truncateLines(text: string, limit: number, note: string, measure: Measure = characters): string {
  if (measure(text) <= limit) return text
  const budget = limit - measure('\n\n' + note + '\n')
  const lines = text.split('\n')
  let kept = 0
  let size = 0
  for (const line of lines) {
    const next = size + measure(line) + 1
    if (next > budget) break
    size = next
    kept++
  }
  while (kept > 0 && lines[kept - 1]!.trim() === '') kept--
  const head = lines.slice(0, kept).join('\n')
  return (head === '' ? '' : head + '\n\n') + note + '\n'
}
