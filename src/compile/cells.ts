/**
 * The cell grammar: cell text, requirement markers, and destination cells — split into items,
 * labelled with clouds, typed, with the ports and notes written beside them.
 */
import type {Nodes, PhrasingContent, TableCell} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import type {Cloud, Destination, Port, Requirement} from '../../generated/catalog.js'
import {report, type Place} from '../report.js'
import {addressRange, classifyDestination, findDestinations, riskOf, type Classified} from './destination.js'
import {isPortText, readPortText, sortPorts} from './ports.js'
import {statedWithCondition} from './scope.js'
import {cloudLabelOnly, clouds as allClouds, cloudsNamedBy, defaultDocset, notApplicable, pageSubject, portStatement, requirementNamedBy} from './vocabulary.js'

export {comparePorts, destinationPorts, portKey, setPorts, sortPorts} from './ports.js'

/**
 * The tags that separate items in a cell: line breaks (`<br>`, `</br>`, `<br/>`, `<wbr>`), list
 * items, paragraphs, and every block-level tag (`<div>`, `<td>`, `<hr>`, `<details>`, `<summary>`),
 * which the docs site renders apart: their texts are never run together.
 */
export const separatorTag = /^<\/?(br|wbr|li|ul|ol|p|div|tr|td|th|table|thead|tbody|hr|details|summary|section|blockquote|dl|dt|dd|h[1-6]|pre|center)\b[^>]*>$/i
/** A footnote mark (`crl.microsoft.com<sup>1</sup>`): not part of the text before it. */
const footnoteOpen = /^<sup\b[^>]*>$/i
const footnoteClose = /^<\/sup>$/i
/** The tags that end a paragraph in a cell: a label (`GCC High:`) holds until one of them. */
const paragraphTag = /^<\/?(p|ul|ol)\b[^>]*>$/i

/**
 * The text of code (a span or a block) as the author meant it: `\*.wns.windows.com` is an escape
 * meant for markdown, written inside code, where markdown does not read it.
 */
export function codeText(value: string): string {
  return value.replace(/\\([*_.])/g, '$1')
}

/** Plain text of a cell (or any node), with line-breaking tags read as `, `. */
export function cellText(node: Nodes | undefined): string {
  if (!node) return ''
  const parts: string[] = []
  let footnote = false
  const walk = (child: Nodes): void => {
    if (child.type === 'html') {
      if (separatorTag.test(child.value.trim())) parts.push(', ')
      if (footnoteOpen.test(child.value.trim())) footnote = true
      if (footnoteClose.test(child.value.trim())) footnote = false
    } else if (footnote) {
      // The mark of a footnote says nothing of the cell.
    } else if (child.type === 'break') {
      parts.push(', ')
    } else if ('children' in child) {
      for (const grandchild of child.children) walk(grandchild as Nodes)
    } else {
      parts.push(toString(child))
    }
  }
  walk(node)
  // A cell that opens or closes with a line break (`<br>1. https/443`) has no item before or after it.
  const text = parts.join('').replace(/\s+/g, ' ').trim()
  return text.startsWith(',') || text.endsWith(',') ? text.replace(/^(?:,\s*)+|(?:\s*,)+$/g, '') : text
}

/**
 * Split a purpose cell into its requirement marker and its text: a prefix (`**Required:**`,
 * `**Required**:`, `**Required**`, `Optional:`, `**Påkrævet:**`) or a suffix (`Maps (optional)`).
 */
export function readPurpose(cell: TableCell | undefined): {requirement: Requirement | undefined; purpose: string; condition?: string} {
  const text = cellText(cell)
  const first = cell?.children[0]
  // `**Required**` without a colon: the marker is the emphasis, not the first word of the text.
  const strong = first?.type === 'strong' ? requirementNamedBy(cellText(first)) : undefined
  if (strong && first) {
    const rest = text.slice(cellText(first).length).replace(/^\s*:?\s*/, '')
    return {requirement: strong, purpose: rest}
  }
  const prefix = /^([^\s:]{2,20})\s*:\s*/.exec(text)
  const named = prefix ? requirementNamedBy(prefix[1]!) : undefined
  if (prefix && named) return {requirement: named, purpose: text.slice(prefix[0].length).trim()}
  // `Required for Microsoft Cloud Authentication`: the marker starts the purpose and stays in it.
  const phrase = /^(\S{4,20})\s+(?:for|to|by|when|if)\b/i.exec(text)
  const opening = phrase ? requirementNamedBy(phrase[1]!) : undefined
  if (opening) return {requirement: opening, purpose: text}
  const suffix = /\s*\(([^()\s]{2,20})\)$/.exec(text)
  const trailing = suffix ? requirementNamedBy(suffix[1]!) : undefined
  if (suffix && trailing) return {requirement: trailing, purpose: text.slice(0, suffix.index).trim()}
  // `… <p> Note: These endpoints are only required to configure Exchange hybrid`: a sentence of the
  // purpose about the row's endpoints.
  if (!pageSubject.test(text)) return {requirement: undefined, purpose: text}
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z])|,\s+(?=Note:)/).filter((sentence) => pageSubject.test(sentence))
  const stated = sentences.length > 0 ? statedWithCondition(sentences.join(' '), 1) : undefined
  return {requirement: stated?.value, purpose: text, ...(stated?.condition === undefined ? {} : {condition: stated.condition})}
}

/** Read a Required/Optional (or Category) cell; undefined when it says neither. */
export function readRequirementCell(cell: TableCell | undefined): Requirement | undefined {
  const text = cellText(cell)
  return requirementNamedBy(text) ?? text.split(', ').map(requirementNamedBy).find(Boolean)
}

/** Where a destination cell sits: its column's clouds, and the page's. */
export interface CellContext {
  /** The clouds the column header names (`GCC High`), if any. */
  clouds?: readonly Cloud[] | undefined
  /** The clouds of the page (`public`, or the US Government clouds of a page about them). */
  scope: readonly Cloud[]
  /** The page's published folder on the docs site (`power-bi/`), for its relative links. */
  docset?: string
}

export interface DestinationCell extends CellContext {
  cell: TableCell
  /** What a list item writes after its destinations (`(prior to Windows 10, version 1607)`). */
  note?: string
  /** The ports a list item writes beside its destinations (`(HTTP Port 80, HTTPS Port 443)`). */
  ports?: Port[]
}

export interface CellDestinations {
  destinations: Destination[]
  /** True when the cell says `One of the following:`. */
  alternatives: boolean
  /** Ports written among the destinations (`TCP port 443`, `on TCP ports 80 & 443`). */
  ports: Port[]
}

const alternativesPrefix = /^\s*(any\s+)?one of the following\s*:?\s*/i
const docsBase = 'https://learn.microsoft.com/'

/**
 * Read the destinations of a row's destination cells: split each into items at line breaks,
 * `,` and `;`, read cloud labels and notes, type each item, and read written links as references.
 * Destinations are merged by kind and value across the row, their clouds added up.
 */
export function readDestinations(cells: DestinationCell[], file: VFile): CellDestinations {
  let alternatives = false
  const destinations: Destination[] = []
  const byKey = new Map<string, Destination>()
  const ports: Port[] = []
  for (const {cell, note, ports: itemPorts, ...context} of cells) {
    const read = readCell(cell, String(file), context, file)
    alternatives ||= read.alternatives
    for (const port of read.ports) ports.push(port)
    for (const {destination, classified} of read.items) {
      if (note !== undefined && destination.kind !== 'reference') destination.note ??= note
      if (itemPorts !== undefined && destination.kind !== 'reference' && destination.kind !== 'text') destination.ports ??= itemPorts
      const key = destination.kind + ' ' + destination.value
      const known = byKey.get(key)
      if (!known) {
        if (classified) reportDestination(classified, cell, file)
        byKey.set(key, destination)
        destinations.push(destination)
        continue
      }
      const overlap = destination.clouds!.some((cloud) => known.clouds!.includes(cloud))
      if (overlap) {
        report(file, 'destination-duplicate', `Unexpected duplicate destination \`${destination.value}\` in one row, read once`, cell, destination.value)
      }
      known.clouds = cloudList(allClouds.filter((cloud) => known.clouds!.includes(cloud) || destination.clouds!.includes(cloud)))
      if (destination.ports) known.ports = sortPorts([...(known.ports ?? []), ...destination.ports])
    }
  }
  return {destinations, alternatives, ports: sortPorts(ports)}
}

/** One item of a cell: its text (or link), and the paragraph label over it. */
interface Item {
  text: string
  links: Array<{href: string; text: string}>
  /** The clouds of the label the item stands under (`**GCC High**: …`). */
  label?: readonly Cloud[] | undefined
  /** Which paragraph of the cell (`<p>`) the item is in. */
  paragraph?: number
}

/** A destination read from a cell, with how it was classified (to report once it is known to be new). */
interface CellItem {
  destination: Destination
  classified?: Classified
  /** The ports the sentence naming it gives (`domains.live.com on TCP ports 80 & 443`). */
  said?: Port[]
  paragraph?: number
}

function readCell(cell: TableCell, source: string, context: CellContext, file: VFile): {items: CellItem[]; alternatives: boolean; ports: Port[]} {
  let alternatives = false
  const ports: Port[] = []
  const destinations: CellItem[] = []
  const items = segmentCell(cell.children, source, context.scope).map((item) => {
    if (item.links.length > 0) {
      // `*.azurecr.io:443 or [ServiceTag](…)`: what stands beside a link is read too.
      const beside = item.links.reduce((text, link) => text.replace(link.text, ' '), item.text).replace(/\s+/g, ' ').trim()
      return {item, text: item.text, beside: findDestinations(beside).length > 0 ? beside : undefined}
    }
    const match = alternativesPrefix.exec(item.text)
    if (match) alternatives = true
    return {item, text: match ? item.text.slice(match[0].length).trim() : item.text}
  })

  // A cell of prose (`Sign in, and get data`) is one text destination, not one per comma.
  const plain = items
    .flatMap((part) => (part.item.links.length === 0 ? [part] : 'beside' in part && part.beside !== undefined ? [{item: {...part.item, links: []}, text: part.beside}] : []))
    // `1.` on a line of its own numbers the lines after it.
    .filter((part) => !notApplicable.test(part.text) && !/^\(?\d{1,2}[.)]$/.test(part.text))
  const prose = plain.length > 1 && plain.every((part) => isProse(part.text))

  let lastWasPorts = false
  plain.forEach((part, index) => {
    if (prose && index > 0) return
    const text = prose ? plain.map((p) => p.text).join(', ') : part.text
    // `TCP ports 50,000-59,999; 5061`: a bare number after a port list continues it.
    // `*:443`: any destination on port 443, which is what the row's other destinations are for.
    const anyHost = /^\*\s*:\s*(\d{1,5})$/.exec(text)
    if (anyHost) {
      for (const port of readPortText('tcp ' + anyHost[1]!).ports) ports.push(port)
      return
    }
    if (isPortText(text) || (lastWasPorts && /^\d[\d\s,–-]*$/.test(text))) {
      const reading = readPortText(lastWasPorts && !/[a-z]/i.test(text) ? 'tcp ' + text : text)
      for (const port of reading.ports) ports.push(port)
      lastWasPorts = true
      return
    }
    lastWasPorts = false
    // `(HTTP/WebSocket)` on a line of its own: a note on the destinations above it.
    // Only then are the destinations above looked at: a cell of many items stays linear.
    const aside = /^\(([^()]+)\)$/.exec(text)
    const above = aside ? destinations.filter((one) => one.destination.kind !== 'reference' && one.destination.kind !== 'text' && one.destination.note === undefined) : []
    if (aside && above.length > 0) {
      for (const one of above) one.destination.note = aside[1]!.trim()
      return
    }
    for (const item of readItem(text, part.item, context, cell, file, ports)) {
      if (part.item.paragraph !== undefined) item.paragraph = part.item.paragraph
      destinations.push(item)
    }
  })

  // `domains.live.com on TCP ports 80 & 443 <p> GCC High: 40.118.209.192/32`: ports a sentence gives
  // the destinations it names are theirs when the cell's destinations stand in several paragraphs.
  const paragraphs = destinations.some((one) => one.said !== undefined) ? new Set(destinations.filter((one) => one.destination.kind !== 'text' && one.destination.kind !== 'reference').map((one) => one.paragraph)) : new Set()
  for (const one of destinations) {
    if (one.said === undefined) continue
    if (paragraphs.size > 1) one.destination.ports ??= sortPorts(one.said)
    else for (const port of one.said) ports.push(port)
  }

  for (const {item} of items) {
    for (const link of item.links) {
      const value = absoluteReference(link.href, context.docset)
      const destination: Destination = {kind: 'reference', value, text: link.text, context: item.text, ...(value === link.href ? {} : {href: link.href})}
      destination.clouds = cloudList(item.label ?? cloudsNamedBy(link.text.toLowerCase()) ?? context.clouds ?? context.scope)
      destinations.push({destination})
    }
  }
  return {items: destinations, alternatives, ports}
}

/** A destination behind a label (`Intel: https://ekop.intel.com/…`), split; undefined for anything else. */
export function labelledDestination(text: string): {label: string; destination: string} | undefined {
  const match = /^([^:\s][^:]{0,39}):\s+(\S+)$/.exec(text.trim())
  if (!match || match[2]!.startsWith('//') || classifyDestination(match[2]!).kind === 'text') return undefined
  return {label: match[1]!.trim(), destination: match[2]!}
}


/** A destination written with its port (`*.digicert.com:80`), split. */
function hostPort(text: string): {host: string; ports: Port[]} | undefined {
  const match = /^([^\s/:]+):(\d{1,5})$/.exec(text)
  if (!match || classifyDestination(match[1]!).kind === 'text') return undefined
  const reading = readPortText('tcp ' + match[2]!)
  return reading.ports.length > 0 ? {host: match[1]!, ports: reading.ports} : undefined
}

/** Text that reads as a sentence rather than a destination. */
function isProse(text: string): boolean {
  const classified = classifyDestination(text)
  return classified.kind === 'text' && !classified.template && !hostPort(text) && findDestinations(text).length === 0 && !isPortText(text)
}

/**
 * One item → its destinations: the item itself when it is one (with a `:port` or a trailing
 * `(GCC High)` or `(Europe)`), or the hosts, URLs and addresses a sentence names.
 */
function readItem(raw: string, item: Item, context: CellContext, cell: TableCell, file: VFile, ports: Port[]): CellItem[] {
  // `2. core.windows.net`, `a) 30398`: the number of a part, not part of the destination.
  let text = raw.replace(/^(?:[-*+]\s+|(?:and|or)\s+|\(?(?:\d{1,2}|[a-z])[.)]\s+)/i, '').trim()
  let note: string | undefined
  let itemClouds: readonly Cloud[] | undefined
  // `https://make.gov.powerapps.us (GCC)`, `host (Europe)`, `wss://host (HTTP/WebSocket)`.
  const suffix = /^(\S+)\s+\(([^()]{1,60})\)$/.exec(text)
  if (suffix && classifyDestination(suffix[1]!).kind !== 'text') {
    text = suffix[1]!
    const named = cloudLabelOnly(suffix[2]!) ? cloudsNamedBy(suffix[2]!, context.scope) : undefined
    if (named) itemClouds = named
    else note = suffix[2]!
  }
  // `Intel: https://ekop.intel.com/ekcertservice`: a label that names no cloud is a note.
  const labelled = labelledDestination(text)
  if (labelled) {
    text = labelled.destination
    note ??= labelled.label
  }
  const cloudsOf = itemClouds ?? item.label ?? context.clouds ?? context.scope

  // `*.digicert.com:80`
  let itemPorts: Port[] | undefined
  const withPort = hostPort(text)
  if (withPort) {
    text = withPort.host
    itemPorts = withPort.ports
  }

  // `203.0.113.16 - 203.0.113.31`: exactly the addresses between, never its two ends.
  const range = addressRange(text)
  if (range) {
    report(file, 'address-range', `Unexpected address range \`${text}\`, read as ${range.map((one) => '`' + one.value + '`').join(', ')}`, cell, text)
    return range.map((one) => {
      const destination = toDestination(one, cloudsOf)
      if (note !== undefined) destination.note = note
      if (itemPorts) destination.ports = itemPorts
      return {destination, classified: one}
    })
  }

  const classified = classifyDestination(text)
  if (classified.kind !== 'text' || classified.template) {
    const destination = toDestination(classified, cloudsOf)
    if (note ?? classified.path) destination.note = (note ?? classified.path)!
    if (itemPorts) destination.ports = itemPorts
    return [{destination, classified}]
  }

  // A sentence: the destinations it names, and the ports it gives them.
  const said: Port[] = []
  for (const phrase of text.match(portStatement) ?? []) for (const port of readPortText(phrase).ports) said.push(port)
  const found = findDestinations(text)
  if (found.length === 0) {
    for (const port of said) ports.push(port)
    const destination = toDestination(classified, cloudsOf)
    if (note !== undefined) destination.note = note
    return [{destination, classified}]
  }
  report(
    file,
    'destination-in-prose',
    `Unexpected sentence \`${text}\` in a destination cell, expected destinations; read ${found.map((f) => '`' + f.value + '`').join(', ')} from it`,
    cell,
    text
  )
  return found.map((one) => {
    const destination = toDestination(one, cloudsOf)
    if (one.path !== undefined) destination.note = one.path
    if (one.port !== undefined) destination.ports = [{protocol: 'tcp', port: one.port}]
    return said.length > 0 ? {destination, classified: one, said} : {destination, classified: one}
  })
}

function toDestination(classified: Classified, clouds: readonly Cloud[]): Destination {
  const {kind, value, host} = classified
  const destination: Destination = host === undefined ? {kind, value} : {kind, value, host}
  destination.clouds = cloudList(clouds)
  return destination
}

/** A list of clouds as the catalog holds it (never empty: a page's scope always names one). */
function cloudList(clouds: readonly Cloud[]): NonNullable<Destination['clouds']> {
  return [...clouds] as NonNullable<Destination['clouds']>
}

/** Tell the author what reading a destination changed, doubts, or finds risky. */
function reportDestination(item: Classified, place: Place, file: VFile): void {
  for (const note of item.notes) report(file, note.ruleId, note.reason, place, item.value)
  const risk = riskOf(item)
  if (risk) report(file, risk.ruleId, risk.reason, place, item.value)
  if (item.template) {
    report(file, 'destination-template', `Unexpected template \`${item.value}\` (${item.template}), expected a host, wildcard or URL; kept as text`, place, item.value)
  } else if (item.kind === 'text') {
    report(file, 'destination-text', `Unexpected destination \`${item.value}\`, expected a host, wildcard, URL, address or link; kept as text`, place, item.value)
  }
}

/**
 * Make a docs link absolute against the page's folder on learn.microsoft.com (`docset`, default
 * `power-bi/`), which also serves the old docs.microsoft.com addresses; a locale segment (`/en-us/`)
 * is dropped so that moving a link between the two spellings is not a change.
 */
export function absoluteReference(href: string, docset = defaultDocset): string {
  let url: URL
  try {
    url = new URL(href, docsBase + docset)
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

/**
 * Split phrasing content into items at line breaks, `,` and `;`. A line that starts with a cloud
 * label (`**GCC High**:`, `GCC High, DoD IP addresses:`, `Public Cloud:`) labels the items after it
 * up to the next label or paragraph.
 */
function segmentCell(children: PhrasingContent[], source: string, scope: readonly Cloud[]): Item[] {
  const lines: Array<{text: string; links: Item['links']; paragraph: number}> = []
  let paragraph = 0
  let current = {text: '', links: [] as Item['links'], paragraph}
  const close = (): void => {
    if (current.text.trim() !== '' || current.links.length > 0) lines.push(current)
    current = {text: '', links: [], paragraph}
  }
  const addText = (value: string): void => {
    const pieces = value.split('\n')
    pieces.forEach((piece, index) => {
      if (index > 0) close()
      current.text += piece
    })
  }
  let footnote = false
  const walk = (nodes: PhrasingContent[]): void => {
    for (const node of nodes) {
      if (footnote && node.type !== 'html') continue
      switch (node.type) {
        case 'text':
          addText(node.value)
          break
        case 'inlineCode':
          addText(codeText(node.value))
          break
        case 'html':
          if (paragraphTag.test(node.value.trim())) paragraph++
          if (separatorTag.test(node.value.trim())) close()
          if (footnoteOpen.test(node.value.trim())) footnote = true
          if (footnoteClose.test(node.value.trim())) footnote = false
          break
        case 'break':
          close()
          break
        case 'link': {
          const text = toString(node)
          // A bare address (`https://atlas.microsoft.com`, `<https://host/path>`, `www.host.com`
          // autolinked by GFM) is an endpoint; a link with written text points at another page.
          if (text === node.url || 'http://' + text === node.url || 'https://' + text === node.url) addText(text)
          else {
            current.links.push({href: node.url, text})
            current.text += '\u0000' + text + '\u0000'
          }
          break
        }
        case 'emphasis':
        case 'strong':
        case 'delete': {
          // `*.a.com, *.b.com` and `https://*, https://*.b.com` can read as emphasis; the
          // asterisks belong to the wildcards.
          const start = node.position?.start.offset
          const end = node.position?.end.offset
          if (start !== undefined && end !== undefined && source.charAt(start) === '*' && (/\*\./.test(source.slice(start, end)) || source.charAt(end) === '.' || source.charAt(start - 1) === '/')) {
            addText(source.slice(start, end).replace(/<br\s*\/?>/gi, '\n'))
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
  joinBrokenNames(lines)

  const items: Item[] = []
  let label: readonly Cloud[] | undefined
  let labelParagraph = -1
  for (const line of lines) {
    if (line.paragraph !== labelParagraph) label = undefined
    let text = line.text
    // eslint-disable-next-line no-control-regex -- U+0000 marks where a link's text starts and ends
    const labelled = /^\s*([^:\u0000]{1,60}?)\s*:\s+(?!\/\/)/.exec(text.replace(/^\s*[-*+]\s+/, ''))
    if (labelled && cloudLabelOnly(labelled[1]!) && cloudsNamedBy(labelled[1]!, scope)) {
      label = cloudsNamedBy(labelled[1]!, scope)
      labelParagraph = line.paragraph
      text = text.replace(/^\s*[-*+]\s+/, '').slice(labelled[0].length)
    }
    // Links stay whole: a comma in a link's text does not split it.
    const linkTexts = line.links.map((link) => link.text)
    let linkIndex = 0
    const pieces = splitItems(text)
    for (const piece of pieces) {
      const links: Item['links'] = []
      // eslint-disable-next-line no-control-regex -- U+0000 marks where a link's text starts and ends
      const cleaned = piece.replace(/\u0000[^\u0000]*\u0000/g, (whole) => {
        const link = line.links[linkIndex]
        if (link && whole.slice(1, -1) === linkTexts[linkIndex]) {
          links.push(link)
          linkIndex++
        }
        return whole.slice(1, -1)
      })
      const value = cleaned.replace(/\s+/g, ' ').trim()
      if (value === '' && links.length === 0) continue
      items.push({text: value, links, label, paragraph: line.paragraph})
    }
  }
  return items
}

/**
 * A host name broken over two lines at a dot (`codelensprodscus1su0.app.<br>codelens.visualstudio.com`)
 * is one name: a line that is only a dotted name ending in a dot is joined with the name after it.
 */
function joinBrokenNames(lines: Array<{text: string; links: Item['links']; paragraph: number}>): void {
  let kept = 0
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    const next = lines[index + 1]
    if (
      next !== undefined &&
      line.links.length === 0 &&
      line.paragraph === next.paragraph &&
      /\.\s*$/.test(line.text) &&
      /^\s*[a-z0-9][a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z0-9-]{2,}\.\s*$/i.test(line.text) &&
      /^[a-z0-9*][a-z0-9-]*\.[a-z0-9.-]+(?:\s|$)/i.test(next.text.trim())
    ) {
      lines[kept++] = {text: line.text.trim() + next.text.trim(), links: next.links, paragraph: line.paragraph}
      index++
    } else {
      lines[kept++] = line
    }
  }
  lines.length = kept
}

/** Split a line at `,` and `;`, but not inside a link's text or in digit groups (`50,000`). */
function splitItems(text: string): string[] {
  const pieces: string[] = []
  let start = 0
  let inLink = false
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index)
    if (char === '\u0000') inLink = !inLink
    else if (!inLink && (char === ';' || (char === ',' && !isDigitGroup(text, index)))) {
      pieces.push(text.slice(start, index))
      start = index + 1
    }
  }
  pieces.push(text.slice(start))
  return pieces
}

/** Whether the comma at `index` separates digit groups (`50,000`) rather than items. */
function isDigitGroup(text: string, index: number): boolean {
  const high = /\d{1,2}$/.exec(text.slice(Math.max(0, index - 3), index))?.[0]
  const low = /^\d{3}(?![\d.])/.exec(text.slice(index + 1))?.[0]
  return high !== undefined && low !== undefined && !/\d/.test(text.charAt(index - high.length - 1)) && Number(high + low) <= 65535
}
