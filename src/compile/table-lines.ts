/**
 * A section that is only a pipe table, read from its lines into the tree GFM gives: rows and cells
 * split at pipes; the cells' inline content is read by the caller (recover-tables.ts `inlineCells`).
 * Only the simplest tables are read this way (every line between a leading and a trailing pipe, a
 * delimiter row as wide as the header, no backslash or tab); any other section is left to remark.
 * A section of pipe lines whose delimiter row is wider or narrower than its header is a table GFM
 * rejects: where its paragraph lies is all that table recovery needs.
 */
import type {PhrasingContent, Table, TableCell, TableRow} from 'mdast'
import type {Point} from 'unist'
import {delimiterAlign, isDelimiterRow, splitRow} from './row.js'
import type {PageSection} from './sections.js'

/** A simple table read from its lines, its cells' inline content still to read. */
export interface TableLines {
  /** Every cell's text and where it starts, row by row. */
  cells: Array<{text: string; start: Point}>
  /** The table node, given the inline content of `cells` (as `inlineCells` reads it). */
  build: (contents: PhrasingContent[][]) => Table
}

/** The lines of a section made only of pipe lines (header and delimiter first), or undefined. */
function pipeLines(section: PageSection): string[] | undefined {
  const {text} = section
  if (text.charCodeAt(0) !== 0x7c || text.includes('\\') || text.includes('\t') || text.includes('\r')) return undefined
  const lines = text.replace(/\n+$/, '').split('\n')
  if (lines.length < 2 || !lines.every((line) => line.length >= 2 && line.startsWith('|'))) return undefined
  return isDelimiterRow(lines[1]!.trimEnd()) ? lines : undefined
}

/**
 * Where the paragraph GFM makes of a section of pipe lines lies, when its delimiter row is not as
 * wide as its header (GFM rejects the table; table recovery reads it), or undefined.
 */
export function rejectedTableLines(section: PageSection): {start: Point; end: Point} | undefined {
  const lines = pipeLines(section)
  if (!lines || splitRow(lines[0]!.trimEnd()).length === splitRow(lines[1]!.trimEnd()).length) return undefined
  const last = lines[lines.length - 1]!
  const end = section.offset + lines.reduce((sum, line) => sum + line.length + 1, 0) - 1
  return {start: {line: section.line, column: 1, offset: section.offset}, end: {line: section.line + lines.length - 1, column: last.length + 1, offset: end}}
}

/** A section that is one simple table, split into rows and cells (positions in the page), or undefined. */
export function tableLines(section: PageSection): TableLines | undefined {
  const lines = pipeLines(section)
  // Spaces after the closing pipe belong to the row and its last cell, as in GFM.
  if (!lines || !lines.every((line) => line.trimEnd().endsWith('|'))) return undefined
  const [header, delimiter] = lines.map((line) => line.trimEnd()) as [string, string]
  const align = delimiterAlign(delimiter)
  if (splitRow(header).length !== align.length) return undefined

  const rows: Array<{line: number; offset: number; text: string}> = []
  let offset = section.offset
  lines.forEach((line, index) => {
    if (index !== 1) rows.push({line: section.line + index, offset, text: line})
    offset += line.length + 1
  })
  const at = (row: (typeof rows)[number], index: number): Point => ({line: row.line, column: index + 1, offset: row.offset + index})
  // The table ends with its last line: the delimiter row when there is no body.
  const end = {line: section.line + lines.length - 1, column: lines[lines.length - 1]!.length + 1, offset: offset - 1}

  // GFM's cell runs from its pipe to the next; the last also holds the closing pipe.
  const cells = rows.map((row) => {
    const text = row.text.trimEnd()
    const pipes = pipesOf(text)
    return splitRow(text).map((cell, index) => ({
      text: cell.text,
      start: at(row, cell.start),
      from: at(row, pipes[index]!),
      to: at(row, index === pipes.length - 2 ? row.text.length : pipes[index + 1]!)
    }))
  })

  const build = (contents: PhrasingContent[][]): Table => {
    let index = 0
    const children: TableRow[] = rows.map((row, number) => ({
      type: 'tableRow',
      children: cells[number]!.map((cell): TableCell => ({type: 'tableCell', children: contents[index++]!, position: {start: cell.from, end: cell.to}})),
      position: {start: at(row, 0), end: at(row, row.text.length)}
    }))
    return {type: 'table', align, children, position: {start: at(rows[0]!, 0), end}}
  }
  return {cells: cells.flat().map(({text, start}) => ({text, start})), build}
}

/** Offsets of a line's pipes (no pipe is escaped: the section has no backslash). */
function pipesOf(line: string): number[] {
  const pipes: number[] = []
  for (let index = line.indexOf('|'); index !== -1; index = line.indexOf('|', index + 1)) pipes.push(index)
  return pipes
}
