/**
 * Reading tables: every table of a page with its section, the sentence before it, its columns
 * mapped by header, and its body rows — each handed on with its cells by role, or reported.
 */
import type {Code, Heading, List, Nodes, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import type {Cloud, Port, Requirement} from '../../generated/catalog.js'
import {report} from '../report.js'
import {cellText, codeText, labelledDestination, readPurpose, readRequirementCell, type DestinationCell} from './cells.js'
import {headerRole, mapColumns, type Column} from './columns.js'
import {classifyDestination, findDestinations} from './destination.js'
import {isPortText} from './ports.js'
import {phrasingText, readCode, readList, readRecord, readRequest, splitHead, type ItemGroup} from './read-lists.js'
import {headingScope, isTab, narrower, paragraphScope, sentenceScope, withoutConditions, type SectionScope, type Stated} from './scope.js'
import {cloudLabelOnly, cloudsNamedBy, directionHeader, inboundCell, inboundHeader, leadSentences, linkLead, notApplicable, portsHeading, transportCell} from './vocabulary.js'

export interface Row {
  /** The table row, or the list, code block or paragraph of destinations the row stands for. */
  node: TableRow | List | Paragraph | Code
  /** Header text of the purpose column this row sits under (a table may restate its header). */
  purposeHeader: string
  purpose: TableCell | undefined
  /** The purpose read from a row above, when this row's purpose cell is empty. */
  carriedPurpose?: string
  destinations: DestinationCell[]
  port: TableCell | undefined
  /** The protocol the port column's header names (`Outbound TCP port`). */
  portProtocol?: Port['protocol']
  protocol: TableCell | undefined
  requirement: TableCell | undefined
  /** Cells of a Category column, read for a requirement marker (`Default<BR>Required`). */
  categories: TableCell[]
  attributes: Array<{name: string; text: string}>
  /** What the list item or code line over these destinations states of them (`Recommended, but not required`). */
  stated?: {requirement?: Stated<Requirement>; ports?: Port[]}
  /** Offered in place of destinations listed elsewhere (`a wild card can be used: …`). */
  offered?: boolean
  /** Sources of traffic into the reader's network (`Allowed Source IP addresses`, `| Inbound |`). */
  inbound?: boolean
}

export interface ReadTable {
  node: Table | List | Paragraph | Code
  section: string
  heading: Heading | undefined
  /** The requirement the sentence before the table states for rows that state none. */
  lead?: {requirement: Requirement; line: number}
  /** What the headings, tabs and sentences of the table's section state, for rows that state nothing nearer. */
  scope: SectionScope
  rows: Row[]
}

/** Heading text without HTML anchors (`## <a name="x"></a>Title` → `Title`). */
export function headingText(heading: Heading): string {
  return toString(heading, {includeHtml: false}).replace(/\s+/g, ' ').trim()
}

/** Where a page's destinations are read from, and what the page says about all of them. */
export interface PageContext {
  /** Section name for tables before the first heading: the page title. */
  fallbackSection: string
  /** The page's clouds, which a destination takes when nothing narrower names its own. */
  scope: readonly Cloud[]
  /** The page's folder on the docs site, for relative links. */
  docset?: string | undefined
  /** Also read lists, code blocks and sentences of destinations (pages of endpoints, not ExpressRoute). */
  lists: boolean
  /** The page's text, for what the parser split (`*.a.com` read as emphasis). */
  source: string
  /** The page's own summary (`description` in its front matter): what it states holds for the whole page. */
  description?: string | undefined
  /** Receives every destination-shaped token of the page's text with its place, to account for it. */
  tokens?: (token: Token) => void
}

/** Destination-shaped text on the page, and where. */
export interface Token {
  value: string
  host?: string
  line: number
  column: number
}

/**
 * Every endpoint table of a page, in document order — and, on a page of endpoints, every list,
 * code block or sentence of destinations, as a table of one row per group; other tables and empty rows are reported.
 */
export function readTables(tree: Root, file: VFile, page: PageContext): ReadTable[] {
  return [...streamTables(tree.children, file, page)]
}

/**
 * `readTables` over a page's top-level nodes as they are parsed: each table is handed on once read,
 * so a caller that lets it go holds one table at a time. What a heading, tab or sentence states
 * holds for its section (`scope.ts`).
 */
export function* streamTables(nodes: Iterable<RootContent>, file: VFile, page: PageContext): Generator<ReadTable> {
  let heading: Heading | undefined
  // The latest sentence since the last table that states a requirement, and the depth of its section.
  let lead: (NonNullable<ReadTable['lead']> & {depth: number}) | undefined
  // A paragraph that is only a cloud label (`**GCC Customers:**`) labels the list after it.
  let label: {clouds: readonly Cloud[]; text: string} | undefined
  // What each open section states: the page's own at depth 0, then one per heading; and the open tab.
  // `said`: the requirement its sentences state; `read`: how many endpoint sets were read before it opened.
  // `ports`: the ports its sentences state, when its heading is about ports (`### Port requirements`).
  const sections: Array<{depth: number; scope: SectionScope; said?: Stated<Requirement>; saidPorts?: Stated<Port[]>; ports?: Stated<Port[]>; portsHeading?: boolean; read: number}> = [
    {depth: 0, scope: page.description ? sentenceScope(page.description, 1) : {}, read: 0}
  ]
  let tab: SectionScope | undefined
  let seen = 0
  let read = 0
  let first: RootContent | undefined

  const scopeNow = (): SectionScope => {
    let scope: SectionScope = {}
    for (const section of sections) scope = narrower(scope, section.scope)
    return tab ? narrower(scope, tab) : scope
  }
  const cellContext = (): Omit<DestinationCell, 'cell'> => ({scope: scopeNow().clouds?.value ?? page.scope, ...(page.docset === undefined ? {} : {docset: page.docset})})

  const groupTable = (node: List | Paragraph | Code, groups: ItemGroup[], kind: string): ReadTable => {
    const section = heading ? headingText(heading) : page.fallbackSection
    const context = cellContext()
    const rows = groups.map((group): Row => {
      const row: Row = {
        node: group.node,
        purposeHeader: '',
        purpose: undefined,
        carriedPurpose: group.title ?? label?.text ?? section,
        destinations: group.items.map((item) => ({...context, cell: item.cell, clouds: item.clouds ?? label?.clouds, ...(item.note === undefined ? {} : {note: item.note}), ...(item.ports === undefined ? {} : {ports: item.ports})})),
        port: undefined,
        protocol: undefined,
        requirement: undefined,
        categories: [],
        attributes: []
      }
      if (group.offered) row.offered = true
      if (group.requirement || group.ports) row.stated = {...(group.requirement ? {requirement: group.requirement} : {}), ...(group.ports ? {ports: group.ports} : {})}
      return row
    })
    const count = groups.reduce((sum, group) => sum + group.items.length, 0)
    report(file, kind === 'code block' ? 'code-endpoints' : 'list-endpoints', `Unexpected ${kind} of ${count} ${count === 1 ? 'destination' : 'destinations'} outside a table, read as ${rows.length === 1 ? 'an endpoint set' : rows.length + ' endpoint sets'} of \`${label?.text ?? section}\``, node)
    const table: ReadTable = {node, section, heading, ...(lead ? {lead: {requirement: lead.requirement, line: lead.line}} : {}), scope: scopeNow(), rows}
    lead = undefined
    label = undefined
    return table
  }

  // `nested`: inside a list item of prose, whose sentences speak for their item, not their section.
  const walk = function* (nodes: Iterable<RootContent>, nested = false): Generator<ReadTable> {
    let previous: RootContent | undefined
    for (const node of nodes) {
      const before = previous
      previous = node
      first ??= node
      // A table's tokens are collected once its destination cells are known (below).
      if (page.tokens && node.type !== 'table') collectTokens(node, page.source, page.tokens)
      const labelled = label
      label = undefined
      if (node.type === 'heading') {
        const line = node.position?.start.line ?? 1
        if (isTab(node)) {
          tab = headingScope(headingText(node), line, page.scope)
          continue
        }
        heading = node
        while (sections.length > 1 && sections[sections.length - 1]!.depth >= node.depth) {
          // A section of prose that names no destination and states what the page's destinations
          // are (`it will be required that you … allow direct network connectivity for the … endpoints`)
          // speaks for the page: the sections after it that state nothing nearer.
          const closed = sections.pop()!
          if (closed.said && closed.read === read && !sections[0]!.scope.requirement) sections[0]!.scope = {...sections[0]!.scope, requirement: closed.said}
          // `Both endpoints are reached over port 443`: said of the page's endpoints, for the sections after it.
          if (closed.saidPorts && !sections[0]!.scope.ports) sections[0]!.scope = {...sections[0]!.scope, ports: closed.saidPorts}
          // `### Port requirements` of prose (`it uses HTTP or HTTPS over port 80/443`) beside
          // `### Firewall requirements` of hosts: its ports are those of the section around both.
          const parent = sections[sections.length - 1]!
          if (closed.ports && closed.read === read && sections.length > 1 && !parent.scope.ports) parent.scope = {...parent.scope, ports: closed.ports}
        }
        const title = headingText(node)
        sections.push({depth: node.depth, scope: headingScope(title, line, page.scope), read, ...(portsHeading.test(title) ? {portsHeading: true} : {})})
        // A sub-heading keeps the sentence of its section; a sibling or higher heading ends it.
        if (lead && node.depth <= lead.depth) lead = undefined
      } else if (node.type === 'thematicBreak') {
        // `---` closes a tabbed section.
        tab = undefined
      } else if (node.type === 'paragraph') {
        const text = toString(node)
        const lines = page.lists ? destinationLines(node.children) : undefined
        if (lines) {
          label = labelled
          read++
          yield groupTable(node, [{node, items: [{cell: {type: 'tableCell', children: node.children, ...(node.position ? {position: node.position} : {})}}]}], 'paragraph')
          continue
        }
        const named = /^([^:]{1,60}):$/.exec(text.trim())?.[1]
        const clouds = named !== undefined && cloudLabelOnly(named) ? cloudsNamedBy(named, page.scope) : undefined
        if (named !== undefined && clouds) label = {clouds, text: named}
        const line = node.position?.start.line ?? 1
        const stated = nested ? undefined : leadOf(text, line)
        if (stated) lead = {...stated, depth: heading?.depth ?? 0}
        const request = page.lists ? readRequest(node, page.source) : undefined
        const top = sections[sections.length - 1]!
        // The paragraph's text, read once for its section and its page (a nested one speaks for its item only).
        const {section: said, page: pageSaid} = paragraphScope(text, line)
        const forPage: SectionScope = nested ? {} : pageSaid
        top.scope = narrower(top.scope, said)
        if (forPage.requirement) top.said = forPage.requirement
        if (forPage.ports) top.saidPorts = forPage.ports
        if (top.portsHeading && said.ports && !nested) top.ports = said.ports
        if (request) {
          read++
          yield groupTable(node, [request], 'sentence')
        }
      } else if (node.type === 'list') {
        // `Download the file by visiting the following link:`: links to follow, not destinations to allow.
        const links = before?.type === 'paragraph' && linkLead.test(toString(before))
        const record = page.lists && !links ? readRecord(node, page.source) : undefined
        const groups = record ? [record] : page.lists && !links ? readList(node, page.source) : undefined
        if (groups && groups.length > 0) {
          label = labelled
          read++
          yield groupTable(node, groups, 'list')
          // A note inside an item (`  > [!TIP] … a wild card can be used: …`) is read as a note of its own.
          for (const item of node.children) {
            for (const child of item.children) if (child.type === 'blockquote') yield* walk(child.children, true)
          }
        } else if (page.lists) {
          // A list of prose may hold a list of destinations deeper down, or sentences that ask for some.
          for (const item of node.children) yield* walk(item.children as RootContent[], true)
        }
      } else if (node.type === 'code') {
        const groups = page.lists ? readCode(node) : undefined
        if (groups && groups.length > 0) {
          label = labelled
          read++
          yield groupTable(node, groups, 'code block')
        }
      } else if (node.type === 'table') {
        seen++
        const section = heading ? headingText(heading) : page.fallbackSection
        const rows = readTable(node, file, cellContext(), page.source)
        // What a destination cell holds is read or reported by the cell reader: only the other cells can hide a destination.
        if (page.tokens) collectTokens(node, page.source, page.tokens, new Set(rows?.flatMap((row) => row.destinations.map((destination) => destination.cell))))
        const stated = lead ? {lead: {requirement: lead.requirement, line: lead.line}} : {}
        lead = undefined
        if (rows) {
          read++
          yield {node, section, heading, ...stated, scope: scopeNow(), rows}
        }
      } else if ('children' in node) {
        yield* walk(node.children as RootContent[], nested)
      }
    }
  }
  yield* walk(nodes)

  if (seen === 0 && read === 0) {
    report(file, 'page-no-tables', 'Unexpected page without tables, expected tables of endpoints', first ?? null)
  }
}

/**
 * Hand on every destination-shaped token in the text of a node (its own text, code spans, code
 * blocks, cells; not link targets, HTML or front matter), with its place.
 */
function collectTokens(node: RootContent, source: string, emit: (token: Token) => void, skip?: ReadonlySet<Nodes>): void {
  const visitNode = (child: Nodes): void => {
    if (skip?.has(child)) return
    if (child.type === 'text' || child.type === 'inlineCode' || child.type === 'code') {
      const start = child.position?.start
      const value = child.type === 'text' ? child.value : codeText(child.value)
      for (const found of findDestinations(value)) {
        // `[HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft.NETFramework]` is a registry key, not a destination.
        if (found.value.includes('\\')) continue
        const token: Token = {value: found.value, line: start?.line ?? 1, column: start?.column ?? 1}
        if (found.host !== undefined) token.host = found.host
        emit(token)
      }
      return
    }
    if (child.type === 'emphasis' || child.type === 'strong') {
      const start = child.position?.start.offset
      const end = child.position?.end.offset
      if (start !== undefined && end !== undefined && /\*\./.test(source.slice(start, end))) {
        for (const found of findDestinations(source.slice(start, end).replace(/<\/?br\s*\/?>/gi, ' '))) emit({value: found.value, line: child.position!.start.line, column: child.position!.start.column})
        return
      }
    }
    if ('children' in child) for (const grandchild of child.children) visitNode(grandchild as Nodes)
  }
  visitNode(node)
}

/** Whether a line of text is one destination, perhaps behind a label (`Intel: https://…`). */
function isDestinationLine(text: string): boolean {
  const bare = text.trim()
  return labelledDestination(bare) !== undefined || (bare !== '' && !/\s/.test(bare) && classifyDestination(bare).kind !== 'text')
}

/**
 * How many lines a paragraph of destinations has, one a line (`*.microsoft.us<br/>` lines), or undefined;
 * it takes two lines, and two in three of them destinations, to be a list rather than a sentence.
 */
function destinationLines(children: PhrasingContent[]): number | undefined {
  const text = children.map((child) => (child.type === 'html' ? (/^<br\s*\/?>$/i.test(child.value.trim()) ? '\n' : child.value) : child.type === 'break' ? '\n' : toString(child))).join('')
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean)
  // A line of a list may be mistyped (`*. usgovcloudapi.net`): read as the wildcard it means, it is reported.
  const read = lines.filter(isDestinationLine).length
  if (lines.length < 2 || read * 3 < lines.length * 2 || lines.some((line) => line.split(/\s+/).length > 2)) return undefined
  return lines.length
}

/** The requirement a paragraph states for the table after it, when it states exactly one. */
function leadOf(text: string, line: number): ReadTable['lead'] {
  // `If proxy support beyond this is required, …`: what a condition says is no statement.
  const said = withoutConditions(text)
  const stated = new Set(leadSentences.filter((entry) => entry.sentence.test(said)).map((entry) => entry.requirement))
  return stated.size === 1 ? {requirement: [...stated][0]!, line} : undefined
}

function readTable(table: Table, file: VFile, page: Omit<DestinationCell, 'cell'>, source: string): Row[] | undefined {
  const [header, ...body] = table.children
  if (!header) return undefined
  let columns = byContent(mapColumns(header.children.map((cell) => cellText(cell))), header, body, source, file)

  if (!isEndpointTable(columns)) {
    const rows = body.filter((row) => !isEmptyRow(row))
    report(
      file,
      'table-not-endpoints',
      `Unexpected table without a destination column (headers: ${columns.map((column) => column.name).join(', ')}); ${rows.length} ${rows.length === 1 ? 'row' : 'rows'} not read` +
        (rows.length ? ` (lines ${rows.map((row) => row.position?.start.line ?? '?').join(', ')})` : ''),
      header
    )
    return undefined
  }
  reportUnknownColumns(columns, header, file)
  if (body.length === 0) {
    report(file, 'table-no-body', 'Unexpected table without body rows', table)
    return []
  }

  const rows: Row[] = []
  /** What the rows above say for the rows below: a heading row, the last purpose, group cells. */
  let heading: {text: string; line: number} | undefined
  let above: {purpose: string; line: number} | undefined
  const groups = new Map<number, string>()
  body.forEach((node, index) => {
    if (isEmptyRow(node)) {
      report(file, 'table-row-empty', 'Unexpected empty row, skipped', node)
      return
    }
    // Some pages restate the header inside a table (`| PaaS Activity | Additional destinations used |`).
    if (isHeaderRow(node)) {
      columns = mapColumns(node.children.map((cell) => cellText(cell)))
      report(file, 'table-header-repeated', `Unexpected header row inside the table (${columns.map((column) => column.name).join(', ')}), read the rows after it under this header`, node)
      reportUnknownColumns(columns, node, file)
      heading = undefined
      above = undefined
      return
    }
    // A row of only a purpose heads the rows below it, when a row with destinations follows.
    const next = body[index + 1]
    if (isTitleOnly(node, columns) && next !== undefined && !isTitleOnly(next, columns) && !isEmptyRow(next)) {
      const text = cellText(node.children.find((cell) => cellText(cell) !== ''))
      heading = {text: readPurpose(node.children.find((cell) => cellText(cell) !== '')).purpose || text, line: node.position?.start.line ?? 1}
      above = undefined
      report(file, 'table-row-heading', `Unexpected row with only \`${text}\`, read as the heading of the rows below it`, node)
      return
    }
    // A new group (`| Certificates | | | … |`) starts afresh: nothing above carries into it.
    if (columns.some((column) => column.role === 'group' && cellText(node.children[column.index]) !== '')) {
      above = undefined
      heading = undefined
    }
    const row = readRow(node, columns, file, page, groups)
    if ((row.purpose === undefined || cellText(row.purpose) === '') && leadsRow(columns)) {
      if (above) {
        row.carriedPurpose = above.purpose
        report(file, 'table-purpose-carried', `Unexpected empty purpose, read as the purpose of line ${above.line} above`, node)
      } else if (heading) {
        row.carriedPurpose = heading.text
      }
    } else {
      above = {purpose: cellText(row.purpose), line: node.position?.start.line ?? 1}
      if (heading) row.attributes.unshift({name: 'group', text: heading.text})
    }
    rows.push(row)
  })
  return rows
}

/** How many body rows tell what a column holds. */
const sampleRows = 64

/** Share of a column's non-empty cells that a test holds for, and how many are non-empty. */
function share(body: TableRow[], index: number, test: (cell: TableCell) => boolean): {share: number; filled: number} {
  const cells = body.map((row) => row.children[index]).filter((cell): cell is TableCell => cell !== undefined && cell.children.length > 0 && !notApplicable.test(toString(cell).trim()))
  return {share: cells.length === 0 ? 0 : cells.filter(test).length / cells.length, filled: cells.length}
}

/** Whether most items of a cell start with a destination (or a template of one); a bare address is its own text, a link with written text is not. */
function holdsDestinations(cell: TableCell, source: string): boolean {
  // Nothing shaped like a name, an address or a wildcard: no destination (and no need to split the cell).
  if (!/[a-z0-9*]\.[a-z0-9*]|[0-9a-f]:[0-9a-f:]|^\s*\*/i.test(toString(cell))) return false
  const items = phrasingText(cell.children, source).split(/\n|;|,/).map((item) => item.trim()).filter((item) => item !== '' && !notApplicable.test(item))
  return items.length > 0 && items.filter((item) => splitHead(item) !== undefined).length * 2 >= items.length
}

/** Whether any word of a cell is shaped like a destination (`*`, a dotted name, a URL, even a mistyped one), or the cell links to a page. */
function mentionsDestination(cell: TableCell, source: string): boolean {
  return cell.children.some((child) => child.type === 'link') || phrasingText(cell.children, source).split(/[\s,;]+/).some((word) => word === '*' || /[a-z0-9*_-]\.[a-z0-9*]|:\/\//i.test(word) || splitHead(word) !== undefined)
}

/**
 * Columns read by what their cells hold, not only by their header: a column whose cells are mostly
 * destinations is a destination column whatever its header says, one of port lists a port column;
 * a destination-named column of prose beside a column of destinations names the rows.
 */
function byContent(columns: Column[], header: TableRow, body: TableRow[], source: string, file: VFile): Column[] {
  // What a column holds shows in its first rows; a table of thousands is not read twice.
  const rows = body.filter((row) => !isEmptyRow(row)).slice(0, sampleRows)
  if (rows.length === 0) return columns
  // What each column holds, worked out only where it can change the column's role.
  const known = new Map<number, {share: number; filled: number}>()
  const holdsOf = (index: number): {share: number; filled: number} => {
    let found = known.get(index)
    if (!found) known.set(index, (found = share(rows, index, (cell) => holdsDestinations(cell, source))))
    return found
  }
  const result = columns.map((column) => ({...column}))
  const change = (column: Column, role: Column['role'], why: string): void => {
    report(file, 'column-by-content', `Unexpected column \`${column.name}\` read as ${role === 'destination' ? 'destinations' : role === 'port' ? 'ports' : role === 'purpose' ? 'the rows\' names' : 'an attribute'}: ${why}`, header.children[column.index])
    column.role = role
  }
  for (const column of result) {
    // `Required for | Hosts`: a column named like a requirement whose cells say no Required or Optional names the rows.
    if (column.role === 'requirement' && share(rows, column.index, (cell) => readRequirementCell(cell) !== undefined).share < 0.5 && holdsOf(column.index).share < 0.5) {
      change(column, result.some((one) => one.role === 'purpose') ? 'attribute' : 'purpose', 'its cells state no requirement')
      continue
    }
    if (column.role === 'destination' || column.role === 'port' || column.role === 'row') continue
    const {share: part, filled} = holdsOf(column.index)
    if (filled > 0 && part >= 0.5) {
      change(column, 'destination', `${Math.round(part * 100)}% of its cells hold destinations`)
    }
  }
  // One destination column is the table's, whatever it holds; between several, what they hold tells.
  const named = result.filter((column) => column.role === 'destination')
  const destinations = named.length === 1 ? named : named.filter((column) => holdsOf(column.index).share >= 0.5)
  if (destinations.length > 0) {
    // `Endpoint | Hostname`: of several destination columns, one that mentions no destination names the service.
    for (const column of named.length > 1 ? named : []) {
      if (destinations.includes(column) || holdsOf(column.index).filled === 0 || share(rows, column.index, (cell) => mentionsDestination(cell, source)).share > 0) continue
      if (!result.some((one) => one.role === 'purpose')) change(column, 'purpose', 'none of its cells holds a destination, and another column does')
      else column.role = 'attribute'
    }
    // `Region | Range | Port`: with no purpose column, the text column before the destinations names the rows.
    const first = result.find((one) => one.role === 'destination')?.index ?? result.length
    const naming = result.some((one) => one.role === 'purpose') ? undefined : result.find((one) => one.role === 'attribute' && one.index < first && !/^column \d+$/.test(one.name))
    if (naming) change(naming, 'purpose', 'the table has no purpose column, and it stands before the destinations')
    if (!result.some((one) => one.role === 'port')) {
      for (const column of result) {
        if (column.role !== 'attribute') continue
        const ports = share(rows, column.index, (cell) => /^\d{1,5}(\s*[-–,/&]\s*\d{1,5})*$|^(tcp|udp)\b/i.test(cellText(cell)) || isPortText(cellText(cell)))
        if (ports.filled > 0 && ports.share >= 0.75) {
          change(column, 'port', `${Math.round(ports.share * 100)}% of its cells are port lists`)
          break
        }
      }
    }
  }
  return result
}

/** The columns that may say a row's direction (`Direction`, `Type`), worked out once per table's columns. */
const directions = new WeakMap<Column[], number[]>()
function directionColumns(columns: Column[]): number[] {
  let found = directions.get(columns)
  if (found === undefined) {
    found = columns.filter((column) => column.role !== 'destination' && column.role !== 'purpose' && directionHeader.test(column.name)).map((column) => column.index)
    directions.set(columns, found)
  }
  return found
}

/**
 * A table of endpoints has a destination column. Columns named only by a cloud (`GCC | GCC High`)
 * count when the table also has ports or an address column: a feature table has them too.
 */
function isEndpointTable(columns: Column[]): boolean {
  const destinations = columns.filter((column) => column.role === 'destination')
  if (destinations.some((column) => !column.cloudOnly)) return true
  return destinations.length > 0 && columns.some((column) => column.role === 'port' || column.role === 'protocol')
}

function readRow(node: TableRow, columns: Column[], file: VFile, page: Omit<DestinationCell, 'cell'>, groups: Map<number, string>): Row {
  const row: Row = {
    node,
    purposeHeader: columns.find((column) => column.role === 'purpose')?.name ?? '',
    purpose: undefined,
    destinations: [],
    port: undefined,
    protocol: undefined,
    requirement: undefined,
    categories: [],
    attributes: []
  }

  if (node.children.length < columns.length) {
    report(file, 'table-row-missing-cells', `Unexpected ${node.children.length} cells in row, expected ${columns.length}; missing cells read as empty`, node)
  }

  columns.forEach((column) => {
    if (column.role !== 'group') return
    // A merged cell, as a reader sees it: an empty group cell repeats the one above.
    const text = cellText(node.children[column.index])
    if (text !== '') groups.set(column.index, text)
    const group = groups.get(column.index)
    if (group !== undefined) row.attributes.push({name: column.name, text: group})
  })

  node.children.forEach((cell, index) => {
    const column = columns[index]
    if (!column) {
      if (cellText(cell) === '') return
      report(file, 'table-row-extra-cells', `Unexpected cell \`${cellText(cell)}\` beyond the ${columns.length} columns of the header, kept as attribute \`column ${index + 1}\``, cell)
      row.attributes.push({name: `column ${index + 1}`, text: cellText(cell)})
      return
    }
    switch (column.role) {
      case 'purpose':
        row.purpose = cell
        break
      case 'destination':
        row.destinations.push({...page, cell, clouds: column.clouds})
        break
      case 'port':
        row.port = cell
        if (column.protocol) row.portProtocol = column.protocol
        break
      case 'protocol':
        row.protocol = cell
        if (cellText(cell) !== '') row.attributes.push({name: column.name, text: cellText(cell)})
        break
      case 'requirement':
        row.requirement = cell
        break
      case 'category':
        row.categories.push(cell)
        if (cellText(cell) !== '') row.attributes.push({name: column.name, text: cellText(cell)})
        break
      case 'attribute':
        if (cellText(cell) !== '') row.attributes.push({name: column.name, text: cellText(cell)})
        break
      case 'group':
      case 'row':
        break
    }
  })

  // A blank first cell (`| &nbsp; | China East | … |`) under one naming a cloud is a merged cell,
  // as a reader sees it: the rows below the cell are of its cloud too.
  const lead = columns[0]?.role === 'attribute' || columns[0]?.role === 'purpose' ? cellText(node.children[0]) : undefined
  if (lead !== undefined && lead !== '') groups.set(-1, lead)
  const merged = lead === '' ? groups.get(-1) : undefined

  // `Office 365 Worldwide (including GCC)` in the purpose, or a `Uses` cell naming a cloud: the
  // row's destinations are for those clouds, unless their column or a label says otherwise.
  // … or another cell of the row that is only a cloud's name (`| China | China North | 42.159.… |`).
  const named =
    purposeClouds(row.purpose, page.scope) ??
    [
      ...node.children.map((cell, index) => {
        const role = columns[index]?.role
        return role === 'attribute' || role === 'group' ? cellText(cell) : ''
      }),
      merged ?? ''
    ]
      .flatMap((text) => (text !== '' && cloudLabelOnly(text) ? [cloudsNamedBy(text, page.scope)] : []))
      .find((clouds) => clouds !== undefined)
  if (named) for (const destination of row.destinations) destination.clouds ??= named
  // `| Allowed Source IP addresses | … | Inbound |`: what the row lists is where traffic comes from.
  const source = columns.some((column) => column.role === 'destination' && inboundHeader.test(column.name))
  const said = directionColumns(columns).some((index) => inboundCell.test(cellText(node.children[index])))
  if (source || said) row.inbound = true
  // A protocol named in a cell of its own (`| UDP | 3343 |`) is the row's protocol.
  if (!row.protocol) {
    row.protocol = node.children.find((cell, index) => columns[index]?.role !== 'destination' && transportCell.test(cellText(cell)))
  }
  return row
}

/** The clouds a purpose cell names on a line of its own or in parentheses at its end, if any. */
function purposeClouds(cell: TableCell | undefined, scope: readonly Cloud[]): readonly Cloud[] | undefined {
  const text = cellText(cell)
  if (cloudsNamedBy(text, scope) === undefined) return undefined
  for (const piece of text.split(', ')) {
    // `Sign-in (GCC High)`, or a purpose that says where it applies (`Azure AD Connect … in China to sync …`).
    const phrases = [...piece.matchAll(/\b(?:in|for) ((?:the )?[\w .-]{2,40}?)(?=\s+(?:to|with|and|by)\b|[,.;:)]|$)/gi)].map((match) => match[1]!)
    for (const text of [piece.trim(), piece.replace(/^.*\(([^()]+)\)\s*$/, '$1').trim(), ...phrases]) {
      const named = text !== '' && cloudLabelOnly(text) ? cloudsNamedBy(text, scope) : undefined
      if (named) return named
    }
  }
  return undefined
}

function reportUnknownColumns(columns: Column[], header: TableRow, file: VFile): void {
  for (const column of columns) {
    if (column.role !== 'attribute' || /^column \d+$/.test(column.name)) continue
    report(file, 'column-unknown', `Unexpected column \`${column.name}\`, expected Purpose, Destination, Port or Required/Optional; kept as attribute`, header.children[column.index])
  }
}

function isEmptyRow(row: TableRow): boolean {
  return row.children.every((cell) => cellText(cell) === '')
}

function isHeaderRow(row: TableRow): boolean {
  const roles = row.children.map((cell) => cellText(cell)).filter(Boolean).map((text) => headerRole(text))
  return roles.includes('destination') && roles.includes('purpose') && !roles.includes('attribute')
}

/**
 * Whether the purpose column stands before the destinations, so that an empty purpose reads as
 * a merged cell (`| | | HTTP | c.bing.com |`), not as a row that gives no purpose.
 */
function leadsRow(columns: Column[]): boolean {
  const purpose = columns.find((column) => column.role === 'purpose')
  const destination = columns.find((column) => column.role === 'destination')
  return purpose !== undefined && destination !== undefined && purpose.index < destination.index
}

/** A row whose only filled cell is a purpose (or group) cell: a title, not an endpoint. */
function isTitleOnly(row: TableRow, columns: Column[]): boolean {
  const filled = row.children.flatMap((cell, index) => (cellText(cell) === '' ? [] : [{cell, role: columns[index]?.role}]))
  // A purpose with a requirement marker (`**Required:** Aaa`) is a row that lacks its destinations.
  return filled.length === 1 && (filled[0]!.role === 'purpose' || filled[0]!.role === 'group') && readPurpose(filled[0]!.cell).requirement === undefined
}
