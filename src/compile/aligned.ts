/**
 * Cells that line up. A row may write its hosts and their ports part by part, in two cells side by
 * side: numbered (`1. go.microsoft.com <br>2. …` beside `1. https/443 <br>2. …`), in groups set
 * apart by a blank line, or line by line. A reader of the rendered table pairs the parts; so does
 * this, and only when both cells are cut the same way.
 */
import type {PhrasingContent, TableCell} from 'mdast'
import {VFile} from 'vfile'
import type {Port} from '../../generated/catalog.js'
import {cellText, readDestinations, separatorTag, type DestinationCell} from './cells.js'
import {readPortText, sortPorts} from './ports.js'

export type Line = PhrasingContent[]

export interface AlignedPorts {
  /** The ports of each destination, by `kind value`. */
  byDestination: Map<string, Port[]>
  /** Every port of the row. */
  ports: Port[]
  /** How the cells were cut, for the diagnostic. */
  cut: 'numbered' | 'groups' | 'lines'
  /** Port parts that are no port list (`Concord/ 4022 (version dependent)`), kept as text. */
  unread: string[]
}

/**
 * Pair a destination cell's parts with a port cell's parts; undefined when the port cell is one
 * part, or the two cells are not cut alike.
 */
export function alignPorts(destinations: DestinationCell, portCell: TableCell, protocol: Port['protocol'] | ReadonlyArray<Port['protocol']> | undefined, source: string): AlignedPorts | undefined {
  // A port cell of one line is one part: most are.
  if (!portCell.children.some(isLineEnd)) return undefined
  const portLines = cellLines(portCell)
  if (portLines.filter((line) => lineText(line) !== '').length < 2) return undefined
  const destinationLines = cellLines(destinations.cell)
  const pairs = pairParts(destinationLines, portLines)
  if (pairs === undefined) return undefined

  const scratch = new VFile({value: source})
  const byDestination = new Map<string, Port[]>()
  const ports: Port[] = []
  const unread: string[] = []
  let read = 0
  for (const [destinationPart, portPart] of pairs.parts) {
    const text = portPart.map((line) => lineText(line).replace(numberMark, '')).filter((line) => line !== '').join(', ')
    const reading = readPortText(text, protocol)
    if (reading.unparsed !== undefined || reading.invalid !== undefined || reading.ports.length === 0) {
      if (text !== '') unread.push(text)
      continue
    }
    read++
    for (const port of reading.ports) ports.push(port)
    const cell: TableCell = {type: 'tableCell', children: destinationPart.flatMap((line, index) => (index === 0 ? line : [{type: 'break'} as PhrasingContent, ...line]))}
    for (const destination of readDestinations([{...destinations, cell}], scratch).destinations) {
      const key = destination.kind + ' ' + destination.value
      byDestination.set(key, sortPorts([...(byDestination.get(key) ?? []), ...reading.ports]))
    }
  }
  // Parts that are mostly not port lists: the cell is prose, not ports cut like the hosts.
  if (read < 2 || read < unread.length) return undefined
  return {byDestination, ports: sortPorts(ports), cut: pairs.cut, unread}
}

const numberMark = /^\s*\(?\d{1,2}[.)]\s*/

/** A node that ends a line of a cell as rendered: a line break, or a tag the docs site sets apart. */
export function isLineEnd(node: PhrasingContent): boolean {
  return node.type === 'break' || (node.type === 'html' && separatorTag.test(node.value.trim()))
}

/** The lines of a cell as rendered: cut at line breaks and block tags, blank lines kept. */
export function cellLines(cell: TableCell): Line[] {
  const lines: Line[] = [[]]
  for (const node of cell.children) {
    if (isLineEnd(node)) lines.push([])
    else lines.at(-1)!.push(node)
  }
  return lines
}

/** A line's text, worked out once per line: the cuts below look at each line several times. */
const texts = new WeakMap<Line, string>()

export function lineText(line: Line): string {
  let text = texts.get(line)
  if (text === undefined) {
    text = cellText({type: 'tableCell', children: line})
    texts.set(line, text)
  }
  return text
}

function pairParts(destinations: Line[], ports: Line[]): {parts: Array<[Line[], Line[]]>; cut: AlignedPorts['cut']} | undefined {
  const numberedPorts = numbered(ports)
  if (numberedPorts) {
    const numberedDestinations = numbered(destinations)
    if (!numberedDestinations || numberedDestinations.size !== numberedPorts.size) return undefined
    const parts: Array<[Line[], Line[]]> = []
    for (const [number, lines] of numberedPorts) {
      const beside = numberedDestinations.get(number)
      if (!beside) return undefined
      parts.push([beside, lines])
    }
    return {parts, cut: 'numbered'}
  }
  const destinationGroups = groups(destinations)
  const portGroups = groups(ports)
  if (destinationGroups.length >= 2 && destinationGroups.length === portGroups.length) {
    // Within a group, lines pair when there are as many on both sides.
    return {parts: destinationGroups.flatMap((group, index) => byLine(group, portGroups[index]!) ?? [[group, portGroups[index]!]]), cut: 'groups'}
  }
  const parts = byLine(destinations, ports)
  return parts && {parts, cut: 'lines'}
}

/** Lines paired one to one, a port line continued by `&`, `and` or `,` read with the next. */
function byLine(destinations: Line[], ports: Line[]): Array<[Line[], Line[]]> | undefined {
  const destinationLines = destinations.filter((line) => lineText(line) !== '')
  const portLines: Line[][] = []
  let continued = false
  for (const line of ports) {
    const text = lineText(line)
    if (text === '') continue
    if (continued) portLines.at(-1)!.push(line)
    else portLines.push([line])
    continued = /(?:&|\band|,)$/i.test(text)
  }
  if (destinationLines.length < 2 || destinationLines.length !== portLines.length) return undefined
  return destinationLines.map((line, index) => [[line], portLines[index]!])
}

/** Groups of lines set apart by blank lines. */
function groups(lines: Line[]): Line[][] {
  const found: Line[][] = [[]]
  for (const line of lines) {
    if (lineText(line) === '') {
      if (found.at(-1)!.length > 0) found.push([])
    } else {
      found.at(-1)!.push(line)
    }
  }
  return found.filter((group) => group.length > 0)
}

/** Parts that start `1.`, `2.`: every line up to the next number belongs to the part. */
function numbered(lines: Line[]): Map<number, Line[]> | undefined {
  const parts = new Map<number, Line[]>()
  let current: Line[] | undefined
  for (const line of lines) {
    const text = lineText(line)
    const mark = /^\s*\(?(\d{1,2})[.)](?:\s|$)/.exec(text)
    if (mark && !parts.has(Number(mark[1]))) {
      current = [line]
      parts.set(Number(mark[1]), current)
    } else if (current) {
      current.push(line)
    } else if (text !== '') {
      return undefined
    }
  }
  return parts.size >= 2 ? parts : undefined
}
