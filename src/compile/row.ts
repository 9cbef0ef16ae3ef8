/**
 * Splitting a pipe-table line into cells, the way GFM and markdig do: cells are separated by
 * unescaped pipes, a leading and a trailing pipe are optional, and cell text is trimmed.
 * One splitter serves both the recovery of rejected tables and the check for extra cells.
 */

export interface RawCell {
  /** Cell text, trimmed. */
  text: string
  /** Offset of the first character of `text` within the line (or where it would be, if empty). */
  start: number
}

/** Split one table line into its cells. */
export function splitRow(line: string): RawCell[] {
  const cells: RawCell[] = []
  let index = 0
  while (index < line.length && isSpace(line.charCodeAt(index))) index++
  if (line.charAt(index) === '|') index++
  let cellStart = index
  let escaped = false
  for (; index < line.length; index++) {
    const char = line.charAt(index)
    if (escaped) {
      escaped = false
    } else if (char === '\\') {
      escaped = true
    } else if (char === '|') {
      cells.push(trimCell(line, cellStart, index))
      cellStart = index + 1
    }
  }

  const rest = trimCell(line, cellStart, line.length)
  // A trailing pipe closes the last cell rather than opening an empty one.
  if (rest.text !== '' || cells.length === 0) cells.push(rest)
  return cells
}

/** Whether a line is a delimiter row (`| --- | :-: |`), and so whether the line before it heads a table. */
export function isDelimiterRow(line: string): boolean {
  if (!line.includes('-')) return false
  const cells = splitRow(line)
  if (cells.length === 1 && !line.includes('|')) return false
  return cells.every((cell) => /^:?-+:?$/.test(cell.text))
}

/** Alignment of each delimiter cell, as mdast spells it. */
export function delimiterAlign(line: string): Array<'left' | 'right' | 'center' | null> {
  return splitRow(line).map((cell) => {
    const left = cell.text.startsWith(':')
    const right = cell.text.endsWith(':')
    return left && right ? 'center' : left ? 'left' : right ? 'right' : null
  })
}

function trimCell(line: string, from: number, to: number): RawCell {
  let start = from
  let end = to
  while (start < end && isSpace(line.charCodeAt(start))) start++
  while (end > start && isSpace(line.charCodeAt(end - 1))) end--
  return {text: line.slice(start, end), start}
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9
}

/**
 * Whether cell text has no markdown at all (`login.microsoftonline.com`, `TCP 443`): GFM reads it
 * as one text node of exactly that text, so it need not be parsed. No character that opens inline
 * markup (emphasis, code, links, HTML, entities, escapes, autolinks) and no start of a block.
 */
export function isPlainText(text: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9 .,;:/()'"%+=?#$-]*$/.test(text) && !/^\d{1,9}[.)]|www\.|:\/\//i.test(text)
}
