/**
 * URL page rows → endpoint sets: purpose, requirement, destinations, ports, attributes.
 */
import type {PhrasingContent, TableCell} from 'mdast'
import type {Node} from 'unist'
import type {VFile} from 'vfile'
import type {Destination, EndpointSet, Port, Position, Requirement} from '../../generated/catalog.js'
import {report} from '../report.js'
import {notApplicable, pageSubject} from './vocabulary.js'
import {alignPorts, cellLines, isLineEnd, lineText, type AlignedPorts, type Line} from './aligned.js'
import {cellText, readDestinations, readPurpose, readRequirementCell, type DestinationCell} from './cells.js'
import {covers, coveringWildcardPatterns, findDestinations, matchKey, portsRisk} from './destination.js'
import {destinationPorts, impliedPorts, portKey, protocolOf, readPortText, sortPorts} from './ports.js'
import type {ReadTable, Row} from './read-tables.js'
import type {Stated} from './scope.js'

export type UnnamedEndpointSet = Omit<EndpointSet, 'id'>

/** Turn the rows of a URL page's tables into endpoint sets (ids are given later, catalog-wide). */
export function readEndpointSets(tables: Iterable<ReadTable>, file: VFile, path: string): UnnamedEndpointSet[] {
  const sets: UnnamedEndpointSet[] = []
  // One table at a time, so that a table read lazily can go once its rows are read.
  const offered = new Set<UnnamedEndpointSet>()
  for (const table of tables) {
    for (const row of table.rows) {
      const set = readEndpointSet(row, table, file, path)
      if (row.offered) offered.add(set)
      sets.push(set)
    }
  }
  reportCovered(sets, file)
  if (offered.size > 0) portsFromCovered(sets, offered, file)
  return sets
}

/**
 * A wildcard offered in place of destinations the page lists with their ports (`To simplify the
 * allow list … a wild card can be used`), with no port of its own: the ports of what it covers.
 */
function portsFromCovered(sets: UnnamedEndpointSet[], offered: ReadonlySet<UnnamedEndpointSet>, file: VFile): void {
  const bare = [...offered].flatMap((set) => (set.ports.length > 0 ? [] : set.destinations.filter((destination) => destination.kind === 'wildcard' && destination.value !== '*' && !destination.ports).map((destination) => ({set, destination}))))
  for (const {set, destination} of bare) {
    const ports: Port[] = []
    for (const other of sets) {
      for (const covered of other.destinations) {
        const key = matchKey(covered)
        if (covered === destination || key === undefined || key === destination.value || !covers(destination.value, key)) continue
        for (const port of destinationPorts(other, covered)) ports.push(port)
      }
    }
    if (ports.length === 0) continue
    destination.ports = sortPorts(ports)
    report(file, 'ports-from-covered', `Unexpected wildcard \`${destination.value}\` without ports, read ${destination.ports.map(portKey).join(', ')} from the destinations it covers`, {line: set.source.line, column: set.source.column}, destination.value)
  }
}

/** Report the hosts and wildcards a wildcard of the same page covers, for the same clouds. */
function reportCovered(sets: UnnamedEndpointSet[], file: VFile): void {
  const wildcards = new Map<string, {clouds: readonly string[]; line: number}>()
  for (const set of sets) {
    for (const destination of set.destinations) {
      if (destination.kind !== 'wildcard' || wildcards.has(destination.value)) continue
      wildcards.set(destination.value, {clouds: destination.clouds ?? ['public'], line: set.source.line})
    }
  }
  for (const set of sets) {
    for (const destination of set.destinations) {
      if (destination.kind !== 'host' && destination.kind !== 'wildcard') continue
      const cover = coveringWildcardPatterns(destination.value).find((pattern) => {
        const wildcard = pattern === destination.value ? undefined : wildcards.get(pattern)
        return wildcard !== undefined && (destination.clouds ?? ['public']).every((cloud) => wildcard.clouds.includes(cloud))
      })
      if (cover === undefined) continue
      report(
        file,
        'destination-covered-in-page',
        `Unexpected \`${destination.value}\`, already covered by \`${cover}\` (line ${wildcards.get(cover)!.line})`,
        {line: set.source.line, column: set.source.column},
        destination.value
      )
    }
  }
}

function readEndpointSet(row: Row, table: ReadTable, file: VFile, path: string): UnnamedEndpointSet {
  const inPurpose = purposeDestinations(row, file)
  const read = readPurpose(inPurpose?.purpose ?? row.purpose)
  const purpose = read.purpose || row.carriedPurpose || ''
  // A purpose carried from the row above carries what it says of its endpoints too.
  const carried = read.purpose === '' && row.carriedPurpose && pageSubject.test(row.carriedPurpose) ? readPurpose({type: 'tableCell', children: [{type: 'text', value: row.carriedPurpose}]}) : undefined
  const own = read.requirement !== undefined ? read : carried?.requirement !== undefined ? carried : undefined
  const {value: requirement, condition} = readRequirement(row, own && {value: own.requirement!, line: 0, ...(own.condition === undefined ? {} : {condition: own.condition})}, table, file)
  const {destinations, alternatives, ports: written} = readDestinations(inPurpose ? [...row.destinations, inPurpose.cell] : row.destinations, file)
  if (destinations.length === 0) {
    report(file, 'destination-missing', 'Unexpected row without destinations, expected hosts, URLs or links', row.node)
  }
  const aligned = row.port && row.destinations.length === 1 && destinations.length > 1 ? alignPorts(row.destinations[0]!, row.port, rowProtocol(row), String(file)) : undefined
  const rowPorts = aligned ? readAligned(aligned, destinations, row, file) : readPorts(row, file)
  // `ntp.ubuntu.com:123` in a row whose port cell says `UDP:123`: the row names the protocol.
  if (!aligned && rowPorts.ports.length > 0) {
    // The first port of that number the row names (in the row's order), as one search would find it.
    const named = new Map<string, Port>()
    for (const port of rowPorts.ports) if (!named.has(`${port.port}-${port.to ?? ''}`)) named.set(`${port.port}-${port.to ?? ''}`, port)
    for (const destination of destinations) {
      if (!destination.ports) continue
      destination.ports = sortPorts(destination.ports.map((port) => named.get(`${port.port}-${port.to ?? ''}`) ?? port))
    }
  }
  const {portsText} = rowPorts
  let ports = rowPorts.ports
  // Ports the row does not state come from what its item, then its section, states.
  // `N/A` in a port cell names no port: the URL's scheme or the section still may.
  const portText = cellText(row.port)
  if ((portText === '' || notApplicable.test(portText)) && cellText(row.protocol) === '' && written.length === 0 && !destinations.some((destination) => destination.ports)) {
    // `https://host`: the scheme names the port, nearer than anything the section says.
    for (const destination of destinations) {
      const implied = destination.kind === 'url' ? schemePorts(destination.value) : undefined
      if (implied) destination.ports = implied
    }
    const unnamed = destinations.some((destination) => !destination.ports && destination.kind !== 'reference' && destination.kind !== 'text')
    if (unnamed && row.stated?.ports) ports = row.stated.ports
    else if (unnamed && table.scope.ports) {
      ports = table.scope.ports.value
      report(file, 'scope-from-section', `Unexpected ${row.node.type === 'tableRow' ? 'row' : row.node.type} without ports, read ${ports.map(portKey).join(', ')} from line ${table.scope.ports.line}`, row.node)
    }
  }

  const set: UnnamedEndpointSet = {
    section: table.section,
    purpose,
    requirement,
    alternatives,
    destinations,
    ports: written.length > 0 ? sortPorts([...ports, ...written]) : ports,
    source: position(row.node, path)
  }
  if (condition !== undefined && requirement === 'required') set.condition = condition
  if (row.inbound) set.direction = 'inbound'
  if (portsText !== undefined) set.portsText = portsText
  if (row.attributes.length > 0) {
    set.attributes = Object.fromEntries(row.attributes.map(({name, text}) => [name, text]))
  }
  return set
}

/**
 * Destinations written on lines of their own in the purpose cell (`The AutoDetect service … <p>
 * \`52.125.128.0/20\` <br> \`52.127.96.0/23\``), in a row whose destination cells name none: the row's
 * destinations, as a reader sees them; the other lines stay its purpose.
 */
function purposeDestinations(row: Row, file: VFile): {cell: DestinationCell; purpose: TableCell} | undefined {
  if (!row.purpose || row.node.type !== 'tableRow' || !row.purpose.children.some(isLineEnd)) return undefined
  const named = (text: string): boolean => findDestinations(text).length > 0 || /^\S*[<{][^<>{}\s]+[>}]\S*\.[a-z]{2,}$/i.test(text)
  const lines = cellLines(row.purpose)
  const held = lines.filter((line) => {
    const text = lineText(line)
    return text !== '' && !/\s/.test(text) && named(text)
  })
  if (!held.some((line) => findDestinations(lineText(line)).length > 0)) return undefined
  if (row.destinations.some((cell) => named(cellText(cell.cell)))) return undefined
  const join = (part: Line[]): PhrasingContent[] => part.flatMap((line, index) => (index === 0 ? line : [{type: 'break'} as PhrasingContent, ...line]))
  const rest = lines.filter((line) => !held.includes(line) && lineText(line) !== '')
  report(file, 'destination-in-purpose', `Unexpected ${held.length} destinations on lines of their own in the purpose cell of a row whose destination cell names none, read as the row's destinations`, row.purpose)
  const context = row.destinations[0] ?? {scope: ['public'] as const}
  return {
    cell: {...context, cell: {type: 'tableCell', children: join(held), ...(row.purpose.position ? {position: row.purpose.position} : {})}},
    purpose: {type: 'tableCell', children: join(rest)}
  }
}

/**
 * A row's requirement, from the first place that states one: its Required/Optional cell, a marker
 * in its purpose, its Category cell, the sentence before the table; else `unknown`, reported.
 */
function readRequirement(row: Row, marker: Stated<Requirement> | undefined, table: ReadTable, file: VFile): {value: Requirement; condition?: string} {
  if (row.requirement) {
    const value = readRequirementCell(row.requirement)
    if (value) return {value}
    const text = cellText(row.requirement)
    if (text !== '') {
      report(file, 'requirement-unknown', `Unexpected requirement \`${text}\`, expected Required or Optional`, row.requirement)
      return marker ?? {value: 'unknown'}
    }
  }
  if (marker) return marker
  const category = row.categories.map((cell) => readRequirementCell(cell)).find(Boolean)
  if (category) return {value: category}
  if (row.stated?.requirement) return row.stated.requirement
  if (table.lead) {
    report(file, 'requirement-from-lead', `Unexpected row without a requirement, read as ${table.lead.requirement} from the sentence on line ${table.lead.line}`, row.purpose ?? row.node)
    return {value: table.lead.requirement}
  }
  if (table.scope.requirement) {
    const {value, line} = table.scope.requirement
    report(file, 'scope-from-section', `Unexpected ${row.node.type === 'tableRow' ? 'row' : row.node.type} without a requirement, read as ${value} from line ${line}`, row.purpose ?? row.node)
    return table.scope.requirement
  }
  report(file, 'requirement-missing', 'Unexpected row without a requirement, expected a `**Required:**` or `**Optional:**` prefix', row.purpose ?? row.node)
  return {value: 'unknown'}
}

/**
 * Ports written part by part beside the hosts they are for: each destination gets its part's ports,
 * and the row all of them.
 */
function readAligned(aligned: AlignedPorts, destinations: Destination[], row: Row, file: VFile): {ports: Port[]; portsText?: string} {
  for (const destination of destinations) {
    if (destination.kind === 'reference' || destination.kind === 'text' || destination.ports) continue
    const ports = aligned.byDestination.get(destination.kind + ' ' + destination.value)
    if (ports) destination.ports = ports
  }
  const cut = aligned.cut === 'numbered' ? 'by number' : aligned.cut === 'groups' ? 'group by group' : 'line by line'
  report(file, 'ports-aligned', `Unexpected ports written beside their hosts ${cut}, read each host with the ports beside it`, row.port)
  for (const text of aligned.unread) report(file, 'port-unparsed', `Unexpected port \`${text}\`, expected ports such as \`TCP 443\` or N/A`, row.port)
  // What was not read as ports stays as written.
  return aligned.unread.length > 0 ? {ports: aligned.ports, portsText: cellText(row.port)} : {ports: aligned.ports}
}

/** The transports a row's port header or protocol cell names for its bare port numbers. */
function rowProtocol(row: Row): Port['protocol'] | Array<Port['protocol']> | undefined {
  const protocolText = cellText(row.protocol)
  return row.portProtocol ?? (protocolText === '' ? undefined : protocolOf(protocolText))
}

/** A row's ports: its port cell, read with the protocol its header or protocol cell names; or the protocol's own ports. */
function readPorts(row: Row, file: VFile): {ports: Port[]; portsText?: string} {
  const protocolText = cellText(row.protocol)
  const protocol = rowProtocol(row)
  const text = cellText(row.port)
  if (text === '' && protocolText !== '') {
    const implied = impliedPorts(protocolText)
    if (implied.length > 0) {
      report(file, 'port-from-protocol', `Unexpected row without a port, read ${implied.map((p) => `${p.protocol.toUpperCase()} ${p.port}`).join(', ')} from protocol \`${protocolText}\``, row.protocol)
    }
    return {ports: implied}
  }
  return readPortCell(text, protocol, row.port, file)
}

function readPortCell(text: string, protocol: Port['protocol'] | Array<Port['protocol']> | undefined, cell: TableCell | undefined, file: VFile): {ports: Port[]; portsText?: string} {
  const reading = readPortText(text, protocol)
  if (reading.invalid !== undefined) {
    report(file, 'port-invalid', `Unexpected port \`${reading.invalid}\`, expected a number from 1 to 65535`, cell)
    return {ports: [], portsText: text}
  }
  if (reading.unparsed !== undefined) {
    report(file, 'port-unparsed', `Unexpected port \`${text}\`, expected ports such as \`TCP 443\` or N/A`, cell)
    return {ports: [], portsText: text}
  }
  if (reading.assumed) {
    report(file, 'port-protocol-assumed', `Unexpected port \`${text}\` without a protocol, expected e.g. \`TCP ${reading.ports[0]?.port ?? 443}\`; read as ${[...new Set(reading.ports.map((port) => port.protocol.toUpperCase()))].join(' and ')}`, cell)
  }
  const risk = portsRisk(reading.ports)
  if (risk) report(file, risk.ruleId, risk.reason, cell)
  return {ports: reading.ports}
}

/** The port a URL's scheme names (`https:` → TCP 443), when the page states none. */
function schemePorts(url: string): Port[] | undefined {
  const scheme = /^([a-z]+):/i.exec(url)?.[1]
  const implied = scheme === undefined ? [] : impliedPorts(scheme)
  return implied.length > 0 ? implied : undefined
}

/** A node's start as a catalog position. */
export function position(node: Node, path: string): Position {
  return {path, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1}
}
