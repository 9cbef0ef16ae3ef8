/**
 * Splitting a page into sections that parse alone: each starts at a block at the margin after a
 * blank line (a heading, a paragraph, a table), where nothing open before it (paragraph, list,
 * table, block quote, HTML block) can reach past it. A page with constructs that can span blank lines or reach across the page (fenced
 * code, multi-line HTML blocks, link or footnote definitions) stays one section.
 */

/** One piece of a page: its text, and where it starts in the page. */
export interface PageSection {
  text: string
  /** 1-based line of the section's first character in the page. */
  line: number
  /** 0-based offset of the section's first character in the page. */
  offset: number
}

/** Constructs that can hold a blank line and a heading, or that the whole page shares. */
const spansSections = [
  // Fenced code: its blank lines and `#` lines are code.
  /```|~~~/,
  // Link and footnote definitions: a reference anywhere in the page may use them.
  /\]:/
]

/** HTML blocks that end at a marker rather than a blank line (CommonMark kinds 1–5), opened on a line and not closed on it. */
const htmlOpeners: Array<{open: RegExp; close: RegExp}> = [
  {open: /<(?:pre|script|style|textarea)(?:[\s>]|$)/i, close: /<\/(?:pre|script|style|textarea)>/i},
  {open: /<!--/, close: /-->/},
  {open: /<\?/, close: /\?>/},
  {open: /<![A-Za-z]/, close: />/},
  {open: /<!\[CDATA\[/, close: /\]\]>/}
]

/**
 * A line after a blank line that starts a block of its own: at the margin, and neither a list item
 * (which would join the list before the blank line) nor anything indented (which would continue it).
 */
const blockStart = /^(?:[A-Za-z|#<!(]|\d+(?![\d.)]))/
const blank = /^[ \t]*$/

/** Split `text` into sections at blocks that start at the margin after a blank line; concatenated, they are `text`. */
export function splitSections(text: string): PageSection[] {
  const whole = [{text, line: 1, offset: 0}]
  if (spansSections.some((pattern) => pattern.test(text))) return whole
  const front = frontMatterEnd(text)
  if (front === undefined) return whole

  const sections: PageSection[] = []
  let start = {offset: 0, line: 1}
  let previousBlank = false
  let line = 1
  let offset = 0
  const ends = /\r\n?|\n/g
  for (;;) {
    const match = ends.exec(text)
    const end = match ? match.index : text.length
    const content = text.slice(offset, end)
    if (htmlOpeners.some(({open, close}) => {
      const at = content.search(open)
      return at !== -1 && !close.test(content.slice(at + 2))
    })) return whole
    if (offset >= front && offset > start.offset && previousBlank && blockStart.test(content)) {
      sections.push({text: text.slice(start.offset, offset), line: start.line, offset: start.offset})
      start = {offset, line}
    }
    previousBlank = blank.test(content)
    if (!match) break
    offset = match.index + match[0].length
    line++
  }
  sections.push({text: text.slice(start.offset), line: start.line, offset: start.offset})
  return sections
}

/** Offset just past front matter (0 when there is none); undefined when it is opened and never closed. */
function frontMatterEnd(text: string): number | undefined {
  if (!/^---[ \t]*(?:\r\n?|\n)/.test(text)) return 0
  const close = /(?:\r\n?|\n)(?:---|\.\.\.)[ \t]*(?:\r\n?|\n|$)/g
  close.lastIndex = 3
  const end = close.exec(text)
  return end === null ? undefined : end.index + end[0].length
}
