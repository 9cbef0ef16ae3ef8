/**
 * The cell grammar: requirement markers, destination lists and port lists, read from mdast cells.
 */
import type {Nodes, PhrasingContent, TableCell} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import type {Destination, Port, Requirement} from '../../generated/catalog.js'
import {report} from '../report.js'
import {classifyDestination, overBroad, type Classified} from './destination.js'

/** The tags that separate list items in a cell: `<br>`, `</br>`, `<br/>`, `<li>`, `</li>`, lists. */
const separatorTag = /^<\/?(br|li|ul|ol|p)\b[^>]*>$/i

/** Plain text of a cell (or any node), with line-breaking tags read as `, `. */
export function cellText(node: Nodes | undefined): string {
  if (!node) return ''
  const parts: string[] = []
  const walk = (child: Nodes): void => {
    if (child.type === 'html') {
      if (separatorTag.test(child.value.trim())) parts.push(', ')
    } else if (child.type === 'break') {
      parts.push(', ')
    } else if ('children' in child) {
      for (const grandchild of child.children) walk(grandchild as Nodes)
    } else {
      parts.push(toString(child))
    }
  }
  walk(node)
  return parts.join('').replace(/\s+/g, ' ').trim()
}

const requirementPrefix = /^(required|optional)\s*:\s*/i

/** Split a purpose cell into its requirement prefix (`**Required:**`, `Optional:`) and its text. */
export function readPurpose(cell: TableCell | undefined): {requirement: Requirement | undefined; purpose: string} {
  const text = cellText(cell)
  const match = requirementPrefix.exec(text)
  if (!match) return {requirement: undefined, purpose: text}
  return {
    requirement: match[1]!.toLowerCase() as Requirement,
    purpose: text.slice(match[0].length).trim()
  }
}

/** Read a Required/Optional column cell; undefined when it says neither. */
export function readRequirementCell(cell: TableCell | undefined): Requirement | undefined {
  const text = cellText(cell).toLowerCase().replace(/[*:.]/g, '').trim()
  if (/^(required|yes|mandatory)$/.test(text)) return 'required'
  if (/^(optional|no)$/.test(text)) return 'optional'
  return undefined
}

const none = /^(n\/?a|none|not applicable|-|—|–)?$/i

/** Read a port cell: `TCP 443`, `TCP 80, 443`, `UDP 3478`, `1433`, `5671-5672`, `N/A`. */
export function readPorts(cell: TableCell | undefined, file: VFile): {ports: Port[]; portsText?: string} {
  const text = cellText(cell)
  if (none.test(text)) return {ports: []}

  const ports: Port[] = []
  let protocol: Port['protocol'] | undefined
  let assumed = false
  for (const token of text.toLowerCase().split(/[\s,;/]+|\band\b/).filter(Boolean)) {
    if (token === 'tcp' || token === 'udp') {
      protocol = token
      continue
    }
    const range = /^(\d+)(?:-(\d+))?$/.exec(token)
    if (!range) {
      report(file, 'port-unparsed', `Unexpected port \`${text}\`, expected ports such as \`TCP 443\` or N/A`, cell)
      return {ports: [], portsText: text}
    }
    const from = Number(range[1])
    const to = range[2] === undefined ? undefined : Number(range[2])
    if (!validPort(from) || (to !== undefined && (!validPort(to) || to < from))) {
      report(file, 'port-invalid', `Unexpected port \`${token}\`, expected a number from 1 to 65535`, cell)
      return {ports: [], portsText: text}
    }
    if (!protocol) assumed = true
    ports.push(to === undefined || to === from ? {protocol: protocol ?? 'tcp', port: from} : {protocol: protocol ?? 'tcp', port: from, to})
  }

  if (assumed) {
    report(file, 'port-protocol-assumed', `Unexpected port \`${text}\` without a protocol, expected e.g. \`TCP ${ports[0]?.port ?? 443}\`; read as TCP`, cell)
  }
  return {ports: sortPorts(ports)}
}

function validPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535
}

/** Ports in a stable order without duplicates. */
export function sortPorts(ports: Port[]): Port[] {
  const seen = new Map<string, Port>()
  for (const port of ports) seen.set(portKey(port), port)
  return [...seen.values()].sort(comparePorts)
}

/** Port order: protocol, then number, then range end (code-unit order: the same in every locale). */
export function comparePorts(a: Port, b: Port): number {
  return Number(a.protocol > b.protocol) - Number(a.protocol < b.protocol) || a.port - b.port || (a.to ?? a.port) - (b.to ?? b.port)
}

/** `tcp/443`, `tcp/5671-5672`: how a port is written in CSV and reports. */
export function portKey(port: Port): string {
  return `${port.protocol}/${port.port}${port.to === undefined ? '' : '-' + port.to}`
}

export interface CellDestinations {
  destinations: Destination[]
  /** True when the cell says `One of the following:`. */
  alternatives: boolean
}

const alternativesPrefix = /^\s*(any\s+)?one of the following\s*:?\s*/i
const docsBase = 'https://learn.microsoft.com/'

/**
 * Read the destinations of a cell: split on `,`, `;` and line-breaking tags (inside or outside code
 * spans), type each one, and read links as references.
 */
export function readDestinations(cells: TableCell[], file: VFile): CellDestinations {
  let alternatives = false
  const destinations: Destination[] = []
  const seen = new Set<string>()
  for (const cell of cells) {
    const read = readCell(cell, String(file))
    alternatives ||= read.alternatives
    for (const {destination, classified} of read.items) {
      const key = destination.kind + ' ' + destination.value
      if (seen.has(key)) {
        report(file, 'destination-duplicate', `Unexpected duplicate destination \`${destination.value}\` in one row, dropped`, cell, destination.value)
        continue
      }
      seen.add(key)
      if (classified) reportDestination(classified, cell, file)
      destinations.push(destination)
    }
  }
  return {destinations, alternatives}
}

interface CellItem {
  destination: Destination
  /** How a non-reference destination was read, with its notes. */
  classified?: Classified
}

function readCell(cell: TableCell, source: string): {items: CellItem[]; alternatives: boolean} {
  let alternatives = false
  const parts = segmentCell(cell.children, source).map((segment) => {
    if (segment.links.length > 0) return {segment, text: '', classified: undefined}
    const match = alternativesPrefix.exec(segment.text)
    if (match) alternatives = true
    const text = match ? segment.text.slice(match[0].length).trim() : segment.text
    // `N/A` in a destination or CIDR column names nothing.
    return {segment, text, classified: none.test(text) ? undefined : classifyDestination(text)}
  })

  // A cell of prose (`Sign in, and get data`) is one text destination, not one per comma.
  const plain = parts.filter((part) => part.classified !== undefined)
  if (plain.length > 1 && plain.every((part) => part.classified?.kind === 'text')) {
    plain[0]!.classified = classifyDestination(plain.map((part) => part.text).join(', '))
    for (const part of plain.slice(1)) part.classified = undefined
  }

  const items: CellItem[] = []
  for (const {segment, classified} of parts) {
    if (classified) {
      const {kind, value, host} = classified
      items.push({destination: host === undefined ? {kind, value} : {kind, value, host}, classified})
    }
    for (const link of segment.links) {
      const value = absoluteReference(link.href)
      items.push({
        destination: {kind: 'reference', value, text: link.text, context: segment.text, ...(value === link.href ? {} : {href: link.href})}
      })
    }
  }
  return {items, alternatives}
}

/** Tell the author what reading a destination changed or doubts. */
function reportDestination(item: Classified, cell: TableCell, file: VFile): void {
  for (const note of item.notes) report(file, note.ruleId, note.reason, cell, item.value)
  const broad = item.kind === 'wildcard' ? overBroad(item.value) : undefined
  if (broad) {
    report(file, 'over-broad-wildcard', `Unexpected over-broad wildcard \`${item.value}\` (${broad}), expected a wildcard under a domain one party controls`, cell, item.value)
  }
  if (item.kind === 'text') {
    report(file, 'destination-text', `Unexpected destination \`${item.value}\`, expected a host, wildcard, URL, address or link; kept as text`, cell, item.value)
  }
}

/**
 * Make a docs link absolute against learn.microsoft.com, which also serves the old
 * docs.microsoft.com addresses; a locale segment (`/en-us/`) is dropped so that moving a link
 * between the two spellings is not a change.
 */
export function absoluteReference(href: string): string {
  let url: URL
  try {
    url = new URL(href, docsBase + 'power-bi/')
  } catch {
    return href
  }
  if (url.hostname === 'docs.microsoft.com' || url.hostname === 'learn.microsoft.com') {
    url.protocol = 'https:'
    url.hostname = 'learn.microsoft.com'
    url.pathname = url.pathname.replace(/^\/[a-z]{2}-[a-z]{2}(?=\/)/i, '').replace(/\.md$/, '')
  }
  return url.href
}

interface Segment {
  text: string
  links: Array<{href: string; text: string}>
}

/** Split phrasing content into segments at `,`, `;` and line-breaking tags. */
function segmentCell(children: PhrasingContent[], source: string): Segment[] {
  const segments: Segment[] = []
  let current: Segment = {text: '', links: []}
  const close = (): void => {
    current.text = current.text.replace(/\s+/g, ' ').trim()
    if (current.text !== '' || current.links.length > 0) segments.push(current)
    current = {text: '', links: []}
  }
  const addText = (value: string): void => {
    const pieces = value.split(/[,;\n]/)
    pieces.forEach((piece, index) => {
      if (index > 0) close()
      current.text += piece
    })
  }
  const walk = (nodes: PhrasingContent[]): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          addText(node.value)
          break
        case 'html':
          if (separatorTag.test(node.value.trim())) close()
          break
        case 'break':
          close()
          break
        case 'link': {
          const text = toString(node)
          // A bare address the page autolinked (`https://atlas.microsoft.com`) is an endpoint;
          // one with a path or fragment points at another page's list.
          if (text === node.url && /^[a-z]+:\/\/[^/?#]+\/?$/i.test(text)) addText(text)
          else {
            current.links.push({href: node.url, text})
            current.text += text
          }
          break
        }
        case 'emphasis':
        case 'strong':
        case 'delete': {
          // `*.a.com, *.b.com` can read as emphasis; the asterisks belong to the wildcards.
          const start = node.position?.start.offset
          const end = node.position?.end.offset
          if (start !== undefined && end !== undefined && source.charAt(start) === '*' && /\*\./.test(source.slice(start, end))) {
            addText(source.slice(start, end))
          } else {
            walk(node.children)
          }
          break
        }
        default:
          addText(toString(node))
      }
    }
  }
  walk(children)
  close()
  return segments
}
