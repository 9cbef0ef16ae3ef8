/**
 * Destinations outside tables, recognised by what they are: lists whose items start with a
 * destination (nested under group items, with notes after them), code blocks of destinations
 * (plain lines, `ini`, JSON of strings), and sentences that ask the reader to allow one.
 */
import type {Code, List, Paragraph, PhrasingContent, TableCell} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Position} from 'unist'
import type {Cloud, Port, Requirement} from '../../generated/catalog.js'
import {codeText} from './cells.js'
import {addressRange, classifyDestination, findDestinations, underPublicSuffix} from './destination.js'
import {headerRole} from './columns.js'
import {impliedPorts, isPortText, readPortText, sortPorts} from './ports.js'
import {statedPorts, statedRequirement, statedWithCondition, type Stated} from './scope.js'
import {allowVerb, cloudLabelOnly, cloudsNamedBy, codeCommand, codeLanguages, offerPhrase, requestPhrase, requestProtocol} from './vocabulary.js'

/** One destination item: the cell its destinations are read from, and what is written beside them. */
export interface ItemCell {
  cell: TableCell
  /** What follows the destinations (`(prior to Windows 10, version 1607)`), or the label before them. */
  note?: string
  ports?: Port[]
  clouds?: readonly Cloud[]
}

/** Items that make one endpoint set: consecutive items of a list level, or the lines under a label. */
export interface ItemGroup {
  node: List | Code | Paragraph
  /** The item or line the group stands under (`Windows Update endpoints`), if any. */
  title?: string
  /** What that item or line states of the group (`Recommended, but not required`). */
  requirement?: Stated<Requirement>
  ports?: Port[]
  /** Offered in place of destinations listed elsewhere (`a wild card can be used: …`), not asked for. */
  offered?: boolean
  items: ItemCell[]
}

/** Plain text of phrasing content as a reader sees it: code spans unescaped, line breaks kept. */
export function phrasingText(children: PhrasingContent[], source: string): string {
  let text = ''
  for (const node of children) {
    switch (node.type) {
      case 'text':
        text += node.value
        break
      case 'inlineCode':
        text += codeText(node.value)
        break
      case 'break':
        text += '\n'
        break
      case 'html':
        if (/^<br\s*\/?>$|^<\/br>$/i.test(node.value.trim())) text += '\n'
        break
      case 'emphasis':
      case 'strong': {
        // `*.a.com` read as emphasis: the asterisks belong to the wildcard.
        const start = node.position?.start.offset
        const end = node.position?.end.offset
        if (start !== undefined && end !== undefined && /\*[.\w]/.test(source.slice(start, start + 2)) && /\*\./.test(source.slice(start, end))) text += source.slice(start, end)
        else text += phrasingText(node.children, source)
        break
      }
      default:
        text += 'children' in node ? phrasingText(node.children as PhrasingContent[], source) : toString(node)
    }
  }
  return text
}

/** Whether a token is a destination as written (or a template of one, which is reported). */
function isDestinationToken(token: string): boolean {
  const bare = token.replace(/^[("'`]+|[)"'`,;.:]+$/g, '')
  if (bare === '' || !/[.:]/.test(bare)) return false
  const hostPort = /^([^\s/:]+):(\d{1,5})$/.exec(bare)
  const classified = classifyDestination(hostPort ? hostPort[1]! : bare)
  return classified.kind !== 'text' || classified.template !== undefined
}

/** A line or item split into its leading destinations, a label before them, and the rest. */
export interface Head {
  label?: string
  destinations: string[]
  rest: string
}

/**
 * The destinations an item starts with (`` `host` (note) ``, `Label: host`, `a.com, b.com`,
 * `203.0.113.16 - 203.0.113.31`), or undefined when it starts with none.
 */
export function splitHead(text: string): Head | undefined {
  let body = text.replace(/\s+/g, ' ').trim()
  let label: string | undefined
  const labelled = /^([^:]{1,80}?):\s+(?!\/\/)(.*)$/.exec(body)
  if (labelled && !isDestinationToken(labelled[1]!.split(' ').pop()!) && startsWithDestination(labelled[2]!)) {
    label = labelled[1]!.replace(/[*_]/g, '').trim()
    body = labelled[2]!
  }
  const destinations: string[] = []
  const tokens = [...body.matchAll(/\S+/g)]
  let index = 0
  let restAt = body.length
  while (index < tokens.length) {
    const token = tokens[index]![0]
    // `203.0.113.16 - 203.0.113.31`: a range spans three tokens.
    const range = tokens.slice(index, index + 3).map((match) => match[0]).join(' ')
    if (index + 2 < tokens.length && addressRange(range.replace(/[,;]$/, ''))) {
      destinations.push(range.replace(/[,;]$/, ''))
      index += 3
      continue
    }
    if (/^(or|and|&|,)$/i.test(token) && destinations.length > 0) {
      index++
      continue
    }
    if (!isDestinationToken(token)) {
      restAt = tokens[index]!.index
      break
    }
    destinations.push(token.replace(/[,;]$/, '').replace(/^[("'`]+|[)"'`]+$/g, ''))
    index++
  }
  if (destinations.length === 0) return undefined
  const head: Head = {destinations, rest: body.slice(restAt).trim()}
  if (label !== undefined) head.label = label
  return head
}

function startsWithDestination(text: string): boolean {
  const first = /^\S+/.exec(text.trim())?.[0]
  return first !== undefined && isDestinationToken(first)
}

/** An item's cell: its destinations one a line, at the place of the text they come from. */
function itemCell(head: Head, position: Position | undefined): ItemCell {
  const cell: TableCell = {type: 'tableCell', children: [{type: 'text', value: head.destinations.join('\n')}], ...(position ? {position} : {})}
  const item: ItemCell = {cell}
  const rest = head.rest.replace(/^[-–—:,;]\s*/, '')
  const aside = /^\((.*)\)$/.exec(rest)?.[1] ?? rest
  // `**GCC**: https://app.powerbigov.us`, `host (GCC High)`: a label or aside that names a cloud.
  const labelClouds = head.label !== undefined && cloudLabelOnly(head.label) ? cloudsNamedBy(head.label) : undefined
  const asideClouds = aside !== '' && cloudLabelOnly(aside) ? cloudsNamedBy(aside) : undefined
  const clouds = labelClouds ?? asideClouds
  if (clouds) item.clouds = clouds
  const said = [labelClouds ? undefined : head.label, asideClouds ? undefined : aside].filter((part) => part !== undefined && part.trim() !== '').join('; ')
  if (said !== '') item.note = said
  const ports = statedPorts(rest)
  if (ports.length > 0) item.ports = ports
  return item
}

/**
 * The endpoint sets of a list whose items are mostly destinations (counting nested items), or
 * undefined for a list of prose. A group item without destinations (`[Windows Update
 * endpoints](…)`) titles the list nested under it, and what it says of them holds for them.
 */
export function readList(list: List, source: string): ItemGroup[] | undefined {
  const counts = {items: 0, destinations: 0}
  const groups: ItemGroup[] = []
  const walk = (node: List, parent: {title?: string; requirement?: Stated<Requirement>; ports?: Port[]}): void => {
    let current: ItemGroup | undefined
    let currentRequirement: Requirement | undefined
    for (const item of node.children) {
      const [first, ...more] = item.children
      const paragraph = first?.type === 'paragraph' ? first : undefined
      const text = paragraph ? phrasingText(paragraph.children, source) : ''
      if (text.trim() !== '') counts.items++
      const head = paragraph ? splitHead(text) : undefined
      if (head) {
        counts.destinations++
        const cell = itemCell(head, paragraph!.position)
        const requirement = statedRequirement(head.rest)
        if (!current || requirement !== currentRequirement) {
          current = {node, items: [], ...parent, ...(requirement && paragraph ? {requirement: statedWithCondition(head.rest, paragraph.position?.start.line ?? 1)!} : {})}
          if (requirement === undefined && parent.requirement) current.requirement = parent.requirement
          currentRequirement = requirement
          groups.push(current)
        }
        current.items.push(cell)
      } else {
        current = undefined
      }
      for (const child of more) {
        if (child.type !== 'list') continue
        const line = paragraph?.position?.start.line ?? 1
        const stated = statedRequirement(text)
        const ports = statedPorts(text)
        const title = head ? (head.label ?? head.rest.replace(/^\((.*)\)$/, '$1')) : text.replace(/\s+/g, ' ').replace(/:$/, '').trim()
        walk(child, {
          ...(title ? {title} : parent.title ? {title: parent.title} : {}),
          ...(stated ? {requirement: statedWithCondition(text, line)!} : parent.requirement ? {requirement: parent.requirement} : {}),
          ...(ports.length > 0 ? {ports} : parent.ports ? {ports: parent.ports} : {})
        })
        current = undefined
      }
    }
  }
  walk(list, {})
  if (counts.destinations === 0 || counts.destinations * 2 < counts.items) return undefined
  return groups
}

/** The lines of a code block that are destinations, grouped under the label lines between them; undefined for commands or prose. */
export function readCode(code: Code): ItemGroup[] | undefined {
  const language = (code.lang ?? '').toLowerCase()
  if (!codeLanguages.test(language)) return undefined
  const lines = code.value.split(/\r\n?|\n/)
  if (lines.some((line) => codeCommand.test(line.trim()))) return undefined
  const json = /^\s*[[{]/.test(code.value) ? jsonStrings(code.value) : undefined
  const start = (code.position?.start.line ?? 1) + 1
  const groups: ItemGroup[] = []
  let current: ItemGroup | undefined
  let destinations = 0
  let other = 0
  const add = (text: string, line: number, ports?: Port[]): void => {
    const head = splitHead(text)
    const position = {start: {line, column: 1}, end: {line, column: 1 + text.length}}
    // `AzureContainerRegistry.AustraliaEast` in a block is a name of something else, not a host.
    const hosts = head?.destinations.map((value) => classifyDestination(value)).filter((one) => one.kind === 'host' || one.kind === 'wildcard') ?? []
    if (head && head.rest === '' && hosts.every((one) => underPublicSuffix(one.value))) {
      destinations++
      current ??= {node: code, items: []}
      if (!groups.includes(current)) groups.push(current)
      const cell = itemCell(head, position)
      if (ports && ports.length > 0) cell.ports = ports
      current.items.push(cell)
      return
    }
    // A short line that is no destination names the lines under it (`Australia East`).
    if (!json && text.split(/\s+/).length <= 5 && !/[.!?]$/.test(text) && !isPortText(text)) {
      current = {node: code, items: [], title: text.replace(/:$/, '')}
      return
    }
    other++
  }
  if (json) {
    for (const string of json) add(string.value, string.line, string.ports)
  } else {
    lines.forEach((raw, index) => {
      const text = raw.trim().replace(/^["']|["'],?$|[,;]$/g, '').trim()
      if (text === '' || /^[#;]|^\/\//.test(text)) return
      add(text, start + index)
    })
  }
  if (destinations === 0 || destinations * 2 < destinations + other) return undefined
  return groups.filter((group) => group.items.length > 0)
}

/**
 * The string values of a JSON block, each with its line (counted in the block), and the port
 * a sibling key gives a host (`{"domainName": "a.com", "port": 443}`). A block cut short
 * (`[...]`) is read from its string literals.
 */
function jsonStrings(text: string): Array<{value: string; line: number; ports?: Port[]}> | undefined {
  const found: Array<{value: string; line: number; ports?: Port[]}> = []
  const lines = text.split(/\r\n?|\n/)
  lines.forEach((line, index) => {
    for (const match of line.matchAll(/"((?:[^"\\]|\\.)*)"\s*(:)?/g)) {
      if (match[2]) continue
      found.push({value: match[1]!.replace(/\\(.)/g, '$1'), line: index + 1})
    }
    const port = /"port"\s*:\s*"?(\d{1,5})"?/i.exec(line)
    if (port && found.length > 0) found[found.length - 1]!.ports = [{protocol: 'tcp', port: Number(port[1])}]
  })
  return found.length > 0 ? found : undefined
}

/**
 * A list that is one record written label by label, as an Azure Firewall rule is (`Name:
 * AllowRStudioInstall`, `Source IP Addresses: …`, `Target FQDN: ghcr.io, …`, `Protocol: Https:443`):
 * its labels are the columns of a one-row table, known by the vocabulary's column roles. What a
 * source label holds is where traffic comes from, not a destination.
 */
export function readRecord(list: List, source: string): ItemGroup | undefined {
  if (list.children.length < 2) return undefined
  const fields: Array<{label: string; value: string; role: string; position: Position | undefined}> = []
  for (const item of list.children) {
    const [first] = item.children
    if (item.children.length !== 1 || first?.type !== 'paragraph') return undefined
    const match = /^([A-Za-z][A-Za-z ()/-]{0,40}?)\s*:\s+(.+)$/.exec(phrasingText(first.children, source).replace(/\s+/g, ' ').trim())
    if (!match) return undefined
    const label = match[1]!.trim()
    fields.push({label, value: match[2]!, role: /\bsource\b/i.test(label) ? 'source' : /^(?:rule )?name$/i.test(label) ? 'name' : headerRole(label.toLowerCase()), position: first.position})
  }
  // One field of destinations beside fields of other roles: a list of `Label: host` items is a list.
  const holding = fields.filter((field) => field.role !== 'source' && findDestinations(field.value).some((one) => one.kind !== 'text'))
  const target = holding.length === 1 && holding[0]!.role === 'destination' ? holding[0]! : undefined
  if (!target || !fields.some((field) => ['port', 'protocol', 'source', 'name'].includes(field.role))) return undefined
  const found = findDestinations(target.value).filter((one) => one.kind !== 'text')
  const cell = itemCell({destinations: found.map((one) => one.value), rest: ''}, target.position)
  const group: ItemGroup = {node: list, items: [cell]}
  const name = fields.find((field) => field.role === 'name' || field.role === 'purpose')
  if (name) group.title = name.value
  const ports = fields.flatMap((field) => {
    if (field.role !== 'port' && field.role !== 'protocol') return []
    const reading = readPortText(field.value.replace(/`/g, ''))
    return reading.ports.length > 0 && reading.unparsed === undefined ? reading.ports : impliedPorts(field.value.replace(/`/g, ''))
  })
  if (ports.length > 0) cell.ports = sortPorts(ports)
  return group
}

/**
 * A sentence that asks the reader to allow destinations (`allow UDP 123 to time.windows.com`):
 * the destinations named after the request, with the ports it gives; undefined for any other.
 */
export function readRequest(paragraph: Paragraph, source: string): ItemGroup | undefined {
  const text = phrasingText(paragraph.children, source).replace(/\s+/g, ' ')
  if (!allowVerb.test(text) && !requestPhrase.test(text) && !offerPhrase.test(text)) return undefined
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z`*])/)
  // `… requires access to a set of HTTPS URLs. Ensure access to this URL pattern: …`: a protocol
  // the paragraph names, and only one, is that of what it asks for.
  const named = new Set(sentences.flatMap((sentence) => {
    const match = requestProtocol.exec(sentence)
    return match ? [(match[1] ?? match[2]!).toLowerCase()] : []
  }))
  const paragraphProtocol = named.size === 1 ? [...named][0] : undefined
  const items: ItemCell[] = []
  // Whether every destination read is offered (`a wild card can be used: …`) rather than asked for.
  let offered = true
  for (const sentence of sentences) {
    const offer = offerPhrase.exec(sentence)
    const verb = offer ? null : allowVerb.exec(sentence)
    if (!offer && !verb && !requestPhrase.test(sentence)) continue
    const after = offer ? sentence.slice(offer.index) : verb ? sentence.slice(verb.index) : sentence
    const found = findDestinations(after).filter((one) => one.kind !== 'text')
    if (found.length === 0) continue
    const head: Head = {destinations: found.map((one) => one.value), rest: ''}
    const cell = itemCell(head, paragraph.position)
    const ports = statedPorts(sentence)
    const protocol = requestProtocol.exec(sentence)
    if (ports.length > 0) cell.ports = ports
    else if (protocol) cell.ports = impliedPorts(protocol[1] ?? protocol[2]!)
    else if (paragraphProtocol) cell.ports = impliedPorts(paragraphProtocol)
    if (!offer) offered = false
    items.push(cell)
  }
  if (items.length === 0) return undefined
  // An instruction to allow is a requirement, unless it says it is a recommendation; an offer is optional.
  const line = paragraph.position?.start.line ?? 1
  return {node: paragraph, items, ...(offered ? {offered} : {}), requirement: offered ? {value: 'optional', line} : statedWithCondition(text, line, 'required')!}
}

