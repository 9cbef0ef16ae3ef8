/**
 * Table recovery: a transformer that makes the tables a reader of the docs site sees.
 *
 * - A paragraph holding a header row and a delimiter row is a table GFM rejected (most often
 *   because the delimiter row has more cells than the header); the docs site renders it, so it is
 *   rebuilt as a `table` node with every row and exact source positions.
 * - A body row with more cells than its header loses the extra cells in GFM; the docs site shows
 *   them, so they are put back.
 * - An HTML comment line inside a table ends it in GFM; the docs site shows nothing for the
 *   comment, and the rows after it are put back into the table.
 */
import type {Html, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {Point} from 'unist'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {report} from '../report.js'
import {batches} from './batches.js'
import {parsed} from './limits.js'
import {simpleInline} from './simple-inline.js'
import {delimiterAlign, isDelimiterRow, isPlainText, splitRow, type RawCell} from './row.js'

const inlineProcessor = unified().use(remarkParse).use(remarkGfm).freeze()

/** A page's lines and the offset each starts at, computed once for all its sections. */
export interface PageLines {
  lines: string[]
  offsets: number[]
}

/** Split a page into its lines (`\r\n`, `\r` and `\n` each end one) and their offsets. */
export function pageLines(value: string): PageLines {
  return {lines: value.split(/\r?\n|\r/), offsets: lineOffsets(value)}
}

/** Recover rejected tables and the extra cells of rows in `tree` (all or part of the page `file`, positions in the page). */
export function recoverTables(tree: Root, file: VFile, {lines, offsets}: PageLines): void {
  visit(tree, (node, index, parent) => {
    if (node.type === 'table') {
      restoreExtraCells(node, lines, offsets)
      if (parent && index !== undefined) rejoinAfterComments(node, parent.children as RootContent[], index, lines, offsets, file)
      return 'skip'
    }
    if (node.type !== 'paragraph' || parent === undefined || index === undefined) return
    const replacement = recoverParagraph(node, lines, offsets, file)
    if (!replacement) return
    parent.children.splice(index, 1, ...replacement)
    return index + replacement.length
  })
}

/**
 * The table a section of pipe lines makes when GFM rejects it (see `recoverTables`), read from its
 * lines: GFM reads such lines as one paragraph, and recovery reads a paragraph from its lines only.
 */
export function recoverLines(position: {start: Point; end: Point}, file: VFile, {lines, offsets}: PageLines): Table | undefined {
  const tables = recoverParagraph({type: 'paragraph', children: [], position}, lines, offsets, file)
  return tables?.length === 1 && tables[0]!.type === 'table' ? tables[0] : undefined
}

/** One source line of a container: the text from `column` onward, and where that is. */
interface SourceLine {
  text: string
  line: number
  column: number
  offset: number
}

function recoverParagraph(
  node: Paragraph,
  lines: string[],
  offsets: number[],
  file: VFile
): Array<Paragraph | Table> | undefined {
  const start = node.position?.start
  const end = node.position?.end
  if (!start || !end || start.line === end.line) return undefined

  // Lines after the first share its indentation inside a list item or block quote.
  const source: SourceLine[] = []
  for (let line = start.line; line <= end.line; line++) {
    const full = lines[line - 1] ?? ''
    const column = Math.min(start.column, full.length + 1)
    const text = line === end.line ? full.slice(column - 1, end.column - 1) : full.slice(column - 1)
    source.push({text, line, column, offset: (offsets[line - 1] ?? 0) + column - 1})
  }

  const headerIndex = source.findIndex(
    (line, i) => line.text.includes('|') && i + 1 < source.length && isDelimiterRow(source[i + 1]!.text)
  )
  if (headerIndex === -1) return undefined

  const header = source[headerIndex]!
  const delimiter = source[headerIndex + 1]!
  const headerCells = splitRow(header.text)
  const delimiterCells = splitRow(delimiter.text)
  const align = delimiterAlign(delimiter.text).slice(0, headerCells.length)
  while (align.length < headerCells.length) align.push(null)

  const table: Table = {
    type: 'table',
    align,
    children: buildRows([header, ...source.slice(headerIndex + 2)]),
    position: {start: point(header, 0), end: {...end}}
  }

  report(
    file,
    'table-delimiter-mismatch',
    delimiterCells.length === headerCells.length
      ? 'Unexpected table that GFM does not render here, expected a blank line before it; recovered as the docs site renders it'
      : `Unexpected ${delimiterCells.length} cells in delimiter row, expected ${headerCells.length} (as in the header row); recovered the table as the docs site renders it`,
    {start: point(delimiter, 0), end: point(delimiter, delimiter.text.length)}
  )

  if (headerIndex === 0) return [table]
  // Text before the header stays a paragraph of its own.
  const before = source.slice(0, headerIndex)
  const last = before[before.length - 1]!
  const paragraph: Paragraph = {
    type: 'paragraph',
    children: before.flatMap((line, i) => [
      ...parseInline(line.text, point(line, 0)),
      ...(i < before.length - 1 ? [{type: 'text' as const, value: '\n'}] : [])
    ]),
    position: {start: {...start}, end: point(last, last.text.length)}
  }
  return [paragraph, table]
}

function buildRows(lines: SourceLine[]): TableRow[] {
  const rows = lines.map((line) => ({line, cells: splitRow(line.text)}))
  const contents = parseCells(rows.flatMap(({line, cells}) => cells.map((cell) => ({text: cell.text, start: point(line, cell.start)}))))
  let index = 0
  return rows.map(({line, cells}) => ({
    type: 'tableRow',
    children: cells.map((cell) => buildCell(cell, line, contents[index++]!)),
    position: {start: point(line, 0), end: point(line, line.text.length)}
  }))
}

function buildCell(cell: RawCell, line: SourceLine, children = parseInline(cell.text, point(line, cell.start))): TableCell {
  return {
    type: 'tableCell',
    children,
    position: {start: point(line, cell.start), end: point(line, cell.start + cell.text.length)}
  }
}

function parseCells(cells: Array<{text: string; start: Point}>): PhrasingContent[][] {
  return inlineCells(cells) ?? cells.map((cell) => parseInline(cell.text, cell.start))
}

/**
 * Read the inline content of table cells as GFM does, with positions in the page: plain text as it
 * is, the simplest markup read directly (simple-inline.ts), the rest parsed a chunk of cells at a
 * time, one paragraph per cell, rather than one parse per cell (each parse has a large fixed cost)
 * or one for the whole table (the parser's time and memory grow faster than its input: a table of
 * 25,000 rows of links took 74 s and 2 GB in one parse). Cells are single lines, so the k-th parsed
 * cell of a chunk is the paragraph on line 2k + 1; when that does not hold (a cell that opens a
 * block, such as `#`, `-`, a fence, a definition or an HTML block), undefined.
 */
export function inlineCells(cells: Array<{text: string; start: Point}>): PhrasingContent[][] | undefined {
  const simple = cells.map((cell) => (cell.text === '' || isPlainText(cell.text) ? plainCell(cell.text, cell.start) : simpleInline(cell.text, cell.start)))
  const filled = cells.filter((_, index) => simple[index] === undefined)
  if (filled.length === 0) return simple as PhrasingContent[][]
  // Counted whole before any is parsed: a table past the parser's bound is refused at no cost.
  for (const cell of filled) parsed(cell.text, cell.start.line)
  const contents: PhrasingContent[][] = []
  for (const chunk of batches(filled, (cell) => cell.text.length + 2)) {
    const read = parseChunk(chunk)
    if (read === undefined) return undefined
    for (const content of read) contents.push(content)
  }
  let k = 0
  return cells.map((cell, index) => simple[index] ?? contents[k++]!)
}

/** The inline content of each cell of `cells`, parsed together; undefined when a cell is not one paragraph of its line. */
function parseChunk(cells: Array<{text: string; start: Point}>): PhrasingContent[][] | undefined {
  const tree = inlineProcessor.parse(cells.map((cell) => cell.text).join('\n\n'))
  const paragraphs = tree.children.filter((node): node is Paragraph => node.type === 'paragraph')
  const aligned =
    paragraphs.length === tree.children.length &&
    paragraphs.length === cells.length &&
    paragraphs.every((node, k) => node.position?.start.line === 2 * k + 1 && node.position.end.line === 2 * k + 1)
  if (!aligned) return undefined
  return cells.map((cell, k) => {
    const paragraph = paragraphs[k]!
    // Positions as if the cell had been parsed alone (line 1, offsets from its start), then shifted.
    const base = paragraph.position!.start.offset ?? 0
    const local = (at: Point): Point => ({line: 1, column: at.column, offset: (at.offset ?? 0) - base})
    visit(paragraph, (node) => {
      if (node.position) {
        node.position = {start: shift(local(node.position.start), cell.start), end: shift(local(node.position.end), cell.start)}
      }
    })
    return paragraph.children
  })
}

/**
 * Put back the rows GFM leaves after an HTML comment line inside a table: a comment right after
 * the table, then a paragraph of pipe rows right after the comment.
 */
function rejoinAfterComments(table: Table, siblings: RootContent[], index: number, lines: string[], offsets: number[], file: VFile): void {
  for (;;) {
    const comment = siblings[index + 1]
    const rows = siblings[index + 2]
    const end = table.position?.end.line
    if (comment?.type !== 'html' || !isComment(comment) || rows?.type !== 'paragraph' || end === undefined) return
    if (comment.position?.start.line !== end + 1 || rows.position?.start.line !== (comment.position?.end.line ?? 0) + 1) return
    const first = rows.position!.start.line
    const last = rows.position!.end.line
    const source: SourceLine[] = []
    for (let line = first; line <= last; line++) {
      const text = lines[line - 1] ?? ''
      if (!text.trimStart().startsWith('|')) return
      source.push({text, line, column: 1, offset: offsets[line - 1] ?? 0})
    }
    report(file, 'table-comment-inside', 'Unexpected HTML comment inside a table; the docs site shows nothing for it, and the rows after it are read as rows of the table', comment)
    for (const row of buildRows(source)) table.children.push(row)
    table.position = {start: table.position!.start, end: {...rows.position!.end}}
    siblings.splice(index + 1, 2)
  }
}

function isComment(node: Html): boolean {
  const value = node.value.trim()
  return value.startsWith('<!--') && value.endsWith('-->') && value.indexOf('-->') === value.length - 3
}

/** Put back the cells GFM dropped from rows longer than the header. */
function restoreExtraCells(table: Table, lines: string[], offsets: number[]): void {
  for (const row of table.children) {
    const start = row.position?.start
    if (!start) continue
    const full = lines[start.line - 1] ?? ''
    const line: SourceLine = {
      text: full.slice(start.column - 1),
      line: start.line,
      column: start.column,
      offset: (offsets[start.line - 1] ?? 0) + start.column - 1
    }
    const cells = splitRow(line.text)
    for (const cell of cells.slice(row.children.length)) {
      row.children.push(buildCell(cell, line))
    }
  }
}

/** Parse one line of cell text as inline markdown, with positions in the page. */
function parseInline(text: string, start: Point): PhrasingContent[] {
  if (text === '' || isPlainText(text)) return plainCell(text, start)
  const simple = simpleInline(text, start)
  if (simple) return simple
  parsed(text, start.line)
  const tree = inlineProcessor.parse(text)
  const only = tree.children[0]
  if (tree.children.length !== 1 || only?.type !== 'paragraph') {
    // Block syntax (a leading `#`, `-`, `1.`) is not block syntax inside a cell: keep it as text.
    return [{type: 'text', value: text, position: {start, end: shift({line: 1, column: text.length + 1, offset: text.length}, start)}}]
  }

  visit(only, (node) => {
    if (node.position) {
      node.position = {start: shift(node.position.start, start), end: shift(node.position.end, start)}
    }
  })
  return only.children
}

/** Cell text without markup, as GFM reads it: one text node (none for an empty cell). */
function plainCell(text: string, start: Point): PhrasingContent[] {
  if (text === '') return []
  return [{type: 'text', value: text, position: {start: {...start}, end: shift({line: 1, column: text.length + 1, offset: text.length}, start)}}]
}

function shift(local: Point, start: Point): Point {
  return {
    line: start.line + local.line - 1,
    column: local.line === 1 ? start.column + local.column - 1 : local.column,
    offset: (start.offset ?? 0) + (local.offset ?? 0)
  }
}

function point(line: SourceLine, index: number): Point {
  return {line: line.line, column: line.column + index, offset: line.offset + index}
}

function lineOffsets(value: string): number[] {
  const result = [0]
  const pattern = /\r?\n|\r/g
  let match: RegExpExecArray | null
  while ((match = pattern.exec(value))) result.push(match.index + match[0].length)
  return result
}
