/**
 * Splitting a page into sections that parse alone: each starts at a block at the margin after a
 * blank line (a heading, a paragraph, a table), where nothing open before it (paragraph, list,
 * table, block quote, HTML block) can reach past it. A page with constructs that can span blank
 * lines or reach across the page (fenced code, multi-line HTML blocks, link or footnote
 * definitions that a reference may use) stays one section.
 */

/** One piece of a page: its text, and where it starts in the page. */
export interface PageSection {
  text: string
  /** 1-based line of the section's first character in the page. */
  line: number
  /** 0-based offset of the section's first character in the page. */
  offset: number
}

/** Fenced code: its blank lines, and what follows them, are code. */
const fence = /```|~~~/

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
  if (fence.test(text) || referencesDefinition(text)) return whole
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

/**
 * Whether a link or footnote definition (`[label]: …`) may be used by a reference in another part
 * of the page: some `[label]` (as the parser matches labels: case and spacing aside) is written
 * more often than it is defined. A definition used by nothing (`[//]: # "a comment"`) is harmless.
 */
function referencesDefinition(text: string): boolean {
  const defined = text.match(/\[[^[\]]*\]:/g) ?? []
  if (defined.length === 0) return false
  // A `]:` that is not the end of a simple label (`[a\]b]:`): assume the worst.
  if (defined.length !== (text.match(/\]:/g) ?? []).length) return true
  const count = new Map<string, number>()
  for (const bracketed of text.match(/\[[^[\]]*\]/g) ?? []) {
    const label = normaliseLabel(bracketed)
    count.set(label, (count.get(label) ?? 0) + 1)
  }
  const definitions = new Map<string, number>()
  for (const definition of defined) {
    const label = normaliseLabel(definition.slice(0, -1))
    definitions.set(label, (definitions.get(label) ?? 0) + 1)
  }
  return [...definitions].some(([label, times]) => (count.get(label) ?? 0) > times)
}

/** A label as the parser compares them (micromark's normalizeIdentifier). */
function normaliseLabel(bracketed: string): string {
  return bracketed.slice(1, -1).replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase()
}
