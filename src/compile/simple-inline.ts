/**
 * The inline content of a table cell whose only markup is of the simplest kinds the pages use:
 * a leading `**Label:**`, `<br>` tags, and code spans, between runs of plain text (hosts,
 * wildcards after a space, ports). Read without the parser, exactly as GFM reads it; any cell with
 * anything else is left to the parser (undefined).
 */
import type {PhrasingContent, Text} from 'mdast'
import type {Point} from 'unist'

/** A leading strong label (`**Required:**`): letters and spaces, perhaps a colon, closed before a space. */
const strongLabel = /^\*\*([A-Za-z](?:[A-Za-z ]*[A-Za-z])?:?)\*\*(?= |$)/
/** The line-breaking tags GFM reads as inline HTML. */
const breakTag = /^(?:<br ?\/?>|<\/br>)/i
/** A code span of one backtick, its content neither starting nor ending with a space. */
const codeSpan = /^`([^`<\\\s](?:[^`<\\]*[^`<\\\s])?)`(?!`)/
/** Characters of plain text that open no markup. */
const plainChar = /[A-Za-z0-9 .,;:/()'"%+=?#$-]/
/** Text GFM would autolink. */
const autolinkable = /www\.|:\/\/|@/i

/** The inline nodes of a one-line cell `text` that starts at `start`, or undefined when it has other markup. */
export function simpleInline(text: string, start: Point): PhrasingContent[] | undefined {
  // Table recovery reads a cell as a paragraph: nothing that would open a block there (a list
  // marker, a heading, a lone `<br>`) is read here, so both readings agree.
  if (!/^[A-Za-z0-9*<`(]/.test(text) || /^\d{1,9}[.)]/.test(text) || breakTag.exec(text)?.[0].length === text.length) return undefined
  const nodes: PhrasingContent[] = []
  const at = (index: number): Point => ({line: start.line, column: start.column + index, offset: (start.offset ?? 0) + index})
  let textStart = -1
  const closeText = (end: number): boolean => {
    if (textStart === -1) return true
    const value = text.slice(textStart, end)
    if (autolinkable.test(value)) return false
    const node: Text = {type: 'text', value, position: {start: at(textStart), end: at(end)}}
    nodes.push(node)
    textStart = -1
    return true
  }

  let index = 0
  const label = strongLabel.exec(text)
  if (label) {
    const inner = label[1]!
    nodes.push({
      type: 'strong',
      children: [{type: 'text', value: inner, position: {start: at(2), end: at(2 + inner.length)}}],
      position: {start: at(0), end: at(label[0].length)}
    })
    index = label[0].length
  }

  while (index < text.length) {
    const char = text.charAt(index)
    const rest = text.slice(index, index + 64)
    if (char === '<' || char === '`') {
      const tag = char === '<' ? breakTag.exec(rest) : codeSpan.exec(text.slice(index))
      if (!tag || !closeText(index)) return undefined
      const position = {start: at(index), end: at(index + tag[0].length)}
      nodes.push(char === '<' ? {type: 'html', value: tag[0], position} : {type: 'inlineCode', value: tag[1]!, position})
      index += tag[0].length
      continue
    }
    // A `*` after a space (or first) can open emphasis but never close it: with no closer, it is text.
    const wildcard = char === '*' && (index === 0 || text.charAt(index - 1) === ' ') && text.charAt(index + 1) === '.'
    if (!wildcard && !plainChar.test(char)) return undefined
    if (textStart === -1) textStart = index
    index++
  }
  if (!closeText(text.length)) return undefined
  return nodes
}
