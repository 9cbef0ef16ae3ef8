/**
 * Bounds on what a page may hold, checked in one linear pass before parsing: far past anything a
 * documentation page has, and well short of what makes the parser run for minutes or overflow its
 * stack (nested block quotes and lists, runs of emphasis, nested links, huge front matter, masses of
 * footnotes, rows of thousands of cells). Past a bound, the page is refused with an InputError
 * naming the line.
 */
import {InputError} from '../errors.js'
import {escapeControl} from '../format/escape.js'
import {isDelimiterRow} from './row.js'

export const limits = {
  /** Block quotes and lists inside one another (the real pages: 3). */
  nesting: 100,
  /** Emphasis and strikethrough marks (`*`, `_`, `~`) in one paragraph or table row (the real pages: 32). */
  emphasisMarks: 256,
  /** Link and image brackets (`[`) in one paragraph or table row (the real pages: 2). */
  brackets: 128,
  /** Footnote labels (`[^`) in a page (the real pages: none). */
  footnotes: 1024,
  /** Bytes of YAML front matter, fences included (the real pages: under 400). */
  frontMatterBytes: 16 * 1024,
  /** Cells (`|`) in one line (the real pages: 8; a thousand columns still read). */
  cellsPerRow: 2048,
  /**
   * Characters of one page handed to the markdown parser: its text outside tables, and the table
   * cells that hold more than plain text, labels, `<br>` and code spans (the real pages: at most
   * 29 K; the largest page of the family, were it all parsed, 100 K). The parser reads about 50 KB
   * a second of text dense with markup, holding 1 KB for each byte. A page larger than 1 MiB
   * (allowed by `maxPageSize` in endpoint-catalog.yaml) may hand it as much more as it is larger.
   */
  parsedCharacters: 128 * 1024,
  /**
   * Table rows in a page (the real pages: 250; a row costs about 70 µs and 3 KB once read). A page
   * larger than 1 MiB may hold a row for every 64 characters.
   */
  tableRows: 20_000,
  /**
   * Characters in one run of lines without a blank line, outside tables: a paragraph, or a list or
   * block quote written tight (the real pages: 1.2 K). The parser's time grows with the square of
   * such a run: 20,000 lines of `a&b` took 19 s.
   */
  blockCharacters: 32 * 1024
} as const

/** Refuse a page past any of `limits`; `path` names it in the error. */
export function checkLimits(text: string, path: string): void {
  const where = escapeControl(path)
  checkFrontMatter(text, where)
  let footnotes = 0
  let paragraph = {emphasis: 0, brackets: 0, line: 0}
  // The run of lines since the last blank line: where it starts, its characters, and whether it is a table.
  let block = {line: 0, characters: 0, first: '', table: false}
  let rows = 0
  const maxRows = Math.max(limits.tableRows, Math.floor(text.length / 64))
  forEachLine(text, (line, number) => {
    checkNesting(line, number, where)
    if (line.trim() === '') block = {line: 0, characters: 0, first: '', table: false}
    else if (block.line === 0) block = {line: number, characters: line.length + 1, first: line, table: false}
    else if (block.table) {
      if (++rows > maxRows) fail(where, number, `more than ${maxRows.toLocaleString('en-US')} table rows`)
    } else {
      // A header line then a delimiter row: a table, read from its lines or one cell at a time.
      if (number === block.line + 1 && block.first.includes('|') && isDelimiterRow(line)) block.table = true
      else block.characters += line.length + 1
      if (block.characters > limits.blockCharacters) {
        fail(where, block.line, `a paragraph, list or block quote of more than ${limits.blockCharacters / 1024} K characters without a blank line`)
      }
    }
    let emphasis = 0
    let brackets = 0
    let pipes = 0
    for (let index = 0; index < line.length; index++) {
      const code = line.charCodeAt(index)
      if (code === 0x2a || code === 0x5f || code === 0x7e) emphasis++
      else if (code === 0x5b) {
        if (line.charCodeAt(index + 1) === 0x5e) footnotes++
        else brackets++
      } else if (code === 0x7c) pipes++
    }
    if (pipes > limits.cellsPerRow) fail(where, number, `more than ${limits.cellsPerRow} cells in one row`)
    if (footnotes > limits.footnotes) fail(where, number, `more than ${limits.footnotes} footnote labels`)
    if (pipes > 0) {
      // A table row's cells are read one by one: the row is its own unit.
      checkInline({emphasis, brackets, line: number}, where)
      paragraph = {emphasis: 0, brackets: 0, line: 0}
    } else if (line.trim() === '') {
      paragraph = {emphasis: 0, brackets: 0, line: 0}
    } else {
      // The lines of a paragraph are read together.
      paragraph = {emphasis: paragraph.emphasis + emphasis, brackets: paragraph.brackets + brackets, line: paragraph.line || number}
      checkInline(paragraph, where)
    }
  })
}

function checkInline(unit: {emphasis: number; brackets: number; line: number}, path: string): void {
  if (unit.emphasis > limits.emphasisMarks) {
    fail(path, unit.line, `more than ${limits.emphasisMarks} emphasis marks (\`*\`, \`_\`, \`~\`) in one paragraph or table row`)
  }
  if (unit.brackets > limits.brackets) fail(path, unit.line, `more than ${limits.brackets} link brackets (\`[\`) in one paragraph or table row`)
}

function fail(path: string, line: number, what: string): never {
  throw new InputError(`${path}:${line}: ${what}, expected a documentation page`)
}

/** Call `visit` with each line and its number; `\r\n`, `\r` and `\n` each end a line. */
function forEachLine(text: string, visit: (line: string, number: number) => void): void {
  const ends = /\r\n?|\n/g
  let start = 0
  let number = 1
  let match: RegExpExecArray | null
  while ((match = ends.exec(text))) {
    visit(text.slice(start, match.index), number++)
    start = match.index + match[0].length
  }
  visit(text.slice(start), number)
}

/** Front matter (a `---` line first, up to the next `---` or `...` line) past `frontMatterBytes`. */
function checkFrontMatter(text: string, path: string): void {
  if (!/^---[ \t]*(?:\r\n?|\n)/.test(text)) return
  const close = /(?:\r\n?|\n)(?:---|\.\.\.)[ \t]*(?:\r\n?|\n|$)/g
  close.lastIndex = 3
  const end = close.exec(text)
  if (end === null) return
  if (Buffer.byteLength(text.slice(0, end.index)) > limits.frontMatterBytes) {
    fail(path, 1, `front matter of more than ${limits.frontMatterBytes / 1024} KiB`)
  }
}

/**
 * Thousands of `>` or list markers, or indentation that deep, on one line. A nested list needs two
 * columns of indentation a level (a tab counts to the next multiple of four), so indentation past
 * twice the bound is nesting past it.
 */
function checkNesting(line: string, number: number, path: string): void {
  const container = /^[ \t]{0,3}(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])/
  let rest = line.slice(0, 10 * limits.nesting)
  let depth = 0
  let match: RegExpExecArray | null
  while (depth <= limits.nesting && (match = container.exec(rest))) {
    depth++
    rest = rest.slice(match[0].length)
  }
  let columns = 0
  for (let index = 0; index < line.length && columns <= 2 * limits.nesting; index++) {
    const code = line.charCodeAt(index)
    if (code === 0x20) columns++
    else if (code === 0x09) columns += 4 - (columns % 4)
    else break
  }
  if (depth > limits.nesting || columns > 2 * limits.nesting) fail(path, number, `nesting deeper than ${limits.nesting} block quotes or lists`)
}

/** What one page has handed to the parser so far. */
export interface ParserBudget {
  path: string
  characters: number
  limit: number
}

/** A page's parser budget, none spent; `path` names the page in the error. */
export function parserBudget(path: string, pageLength: number): ParserBudget {
  return {path: escapeControl(path), characters: 0, limit: Math.floor(limits.parsedCharacters * Math.max(1, pageLength / 2 ** 20))}
}

let parsing: ParserBudget | undefined

/**
 * Run `read` (a step of parsing a page) counting what it hands to the parser (`parsed`) against
 * `budget`; past `limits.parsedCharacters` the page is refused, naming the line where it ran out.
 */
export function withParserBudget<T>(budget: ParserBudget, read: () => T): T {
  const outer = parsing
  parsing = budget
  try {
    return read()
  } finally {
    parsing = outer
  }
}

/** Count `text` (starting on `line` of the page) as handed to the parser, refusing the page past the bound. */
export function parsed(text: string, line: number): void {
  if (parsing === undefined) return
  parsing.characters += text.length
  if (parsing.characters > parsing.limit) {
    fail(parsing.path, line, `more than ${Math.round(parsing.limit / 1024)} K characters of markup for the parser (text outside tables, and table cells with more than plain text)`)
  }
}
