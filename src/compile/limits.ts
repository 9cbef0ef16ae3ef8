/**
 * Bounds on what a page may hold, checked in one linear pass before parsing: far past anything a
 * documentation page has, and well short of what makes the parser run for minutes or overflow its
 * stack (nested block quotes and lists, runs of emphasis, nested links, huge front matter, masses of
 * footnotes, rows of thousands of cells). Past a bound, the page is refused with an InputError
 * naming the line.
 */
import {InputError} from '../errors.js'
import {escapeControl} from '../format/escape.js'

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
  cellsPerRow: 2048
} as const

/** Refuse a page past any of `limits`; `path` names it in the error. */
export function checkLimits(text: string, path: string): void {
  const where = escapeControl(path)
  checkFrontMatter(text, where)
  let footnotes = 0
  let paragraph = {emphasis: 0, brackets: 0, line: 0}
  forEachLine(text, (line, number) => {
    checkNesting(line, number, where)
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

/** Thousands of `>` or list markers, or indentation that deep, on one line. */
function checkNesting(line: string, number: number, path: string): void {
  const container = /^[ \t]{0,3}(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])/
  let rest = line.slice(0, 10 * limits.nesting)
  let depth = 0
  let match: RegExpExecArray | null
  while (depth <= limits.nesting && (match = container.exec(rest))) {
    depth++
    rest = rest.slice(match[0].length)
  }
  const indent = /^[ \t]*/.exec(line.slice(0, 4 * limits.nesting + 1))![0].length
  if (depth > limits.nesting || indent > 4 * limits.nesting) fail(path, number, `nesting deeper than ${limits.nesting} block quotes or lists`)
}
