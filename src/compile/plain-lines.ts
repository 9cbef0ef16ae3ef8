/**
 * A section that is one line of plain text (see `isPlainText`), as an ATX heading (`## Getting
 * data`) or a paragraph, read from its line into the node GFM gives; any other section is left to
 * remark (undefined).
 */
import type {Heading, Paragraph} from 'mdast'
import type {Point} from 'unist'
import {isPlainText} from './row.js'
import type {PageSection} from './sections.js'

/** The heading or paragraph a one-line section of plain text is (positions in the page), or undefined. */
export function plainLine(section: PageSection): Heading | Paragraph | undefined {
  const line = /^([^\n]*)\n*$/.exec(section.text)?.[1]
  if (line === undefined || line.endsWith(' ') || line.includes('\r') || line.includes('\t')) return undefined
  const at = (index: number): Point => ({line: section.line, column: index + 1, offset: section.offset + index})
  const position = {start: at(0), end: at(line.length)}
  // A `#` in the text could close the heading: the heading's own text has none.
  const heading = /^(#{1,6}) +([^#]*)$/.exec(line)
  if (heading) {
    const text = heading[2]!
    if (!isPlainText(text)) return undefined
    const start = line.length - text.length
    return {type: 'heading', depth: heading[1]!.length as Heading['depth'], children: [{type: 'text', value: text, position: {start: at(start), end: at(line.length)}}], position}
  }
  if (!isPlainText(line)) return undefined
  return {type: 'paragraph', children: [{type: 'text', value: line, position}], position}
}
