/**
 * Reading tables: every table of a page with its section, the sentence before it, its columns
 * mapped by header, and its body rows — each handed on with its cells by role, or reported.
 */
import type {Heading, List, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import type {Cloud, Port, Requirement} from '../../generated/catalog.js'
import {report} from '../report.js'
import {cellText, labelledDestination, readPurpose, type DestinationCell} from './cells.js'
import {headerRole, mapColumns, type Column} from './columns.js'
import {classifyDestination} from './destination.js'
import {cloudLabelOnly, cloudsNamedBy, leadSentences} from './vocabulary.js'

export interface Row {
  /** The table row, or the list or paragraph of destinations the row stands for. */
  node: TableRow | List | Paragraph
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
}

export interface ReadTable {
  node: Table | List | Paragraph
  section: string
  heading: Heading | undefined
  /** The requirement the sentence before the table states for rows that state none. */
  lead?: {requirement: Requirement; line: number}
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
  /** Also read lists and paragraphs made only of destinations (pages of endpoints, not ExpressRoute). */
  lists: boolean
}

/**
 * Every endpoint table of a page, in document order — and, on a page of endpoints, every list or
 * paragraph made only of destinations, as a one-row table; other tables and empty rows are reported.
 */
export function readTables(tree: Root, file: VFile, page: PageContext): ReadTable[] {
  return [...streamTables(tree.children, file, page)]
}

/**
 * `readTables` over a page's top-level nodes as they are parsed: each table is handed on once read,
 * so a caller that lets it go holds one table at a time.
 */
export function* streamTables(nodes: Iterable<RootContent>, file: VFile, page: PageContext): Generator<ReadTable> {
  let heading: Heading | undefined
  // The latest sentence since the last table that states a requirement, and the depth of its section.
  let lead: (NonNullable<ReadTable['lead']> & {depth: number}) | undefined
  // A paragraph that is only a cloud label (`**GCC Customers:**`) labels the list after it.
  let label: {clouds: readonly Cloud[]; text: string} | undefined
  let seen = 0
  let read = 0
  let first: RootContent | undefined
  const cellContext = {scope: page.scope, ...(page.docset === undefined ? {} : {docset: page.docset})}

  const listTable = (node: List | Paragraph, items: PhrasingContent[][], count: number, title: string | undefined): ReadTable => {
    const section = heading ? headingText(heading) : page.fallbackSection
    const row: Row = {
      node,
      purposeHeader: '',
      purpose: undefined,
      carriedPurpose: title ?? section,
      destinations: items.map((children) => ({...cellContext, cell: {type: 'tableCell', children, ...(node.position ? {position: node.position} : {})}, clouds: label?.clouds})),
      port: undefined,
      protocol: undefined,
      requirement: undefined,
      categories: [],
      attributes: []
    }
    report(file, 'list-endpoints', `Unexpected ${node.type === 'list' ? 'list' : 'paragraph'} of ${count} destinations outside a table, read as an endpoint set of \`${title ?? section}\``, node)
    const table: ReadTable = {node, section, heading, ...(lead ? {lead: {requirement: lead.requirement, line: lead.line}} : {}), rows: [row]}
    lead = undefined
    return table
  }

  const walk = function* (nodes: Iterable<RootContent>): Generator<ReadTable> {
    for (const node of nodes) {
      first ??= node
      const labelled = label
      label = undefined
      if (node.type === 'heading') {
        heading = node
        // A sub-heading keeps the sentence of its section; a sibling or higher heading ends it.
        if (lead && node.depth <= lead.depth) lead = undefined
      } else if (node.type === 'paragraph') {
        const text = toString(node)
        const lines = page.lists ? destinationLines(node.children) : undefined
        if (lines) {
          label = labelled
          read++
          yield listTable(node, [node.children], lines, labelled?.text)
          label = undefined
          continue
        }
        const named = /^([^:]{1,60}):$/.exec(text.trim())?.[1]
        const clouds = named !== undefined && cloudLabelOnly(named) ? cloudsNamedBy(named, page.scope) : undefined
        if (named !== undefined && clouds) label = {clouds, text: named}
        const stated = leadOf(text, node.position?.start.line ?? 1)
        if (stated) lead = {...stated, depth: heading?.depth ?? 0}
      } else if (node.type === 'list') {
        const items = page.lists ? listDestinations(node) : undefined
        if (items) {
          label = labelled
          read++
          yield listTable(node, items, items.length, labelled?.text)
          label = undefined
        }
      } else if (node.type === 'table') {
        seen++
        const section = heading ? headingText(heading) : page.fallbackSection
        const rows = readTable(node, file, cellContext)
        const stated = lead ? {lead: {requirement: lead.requirement, line: lead.line}} : {}
        lead = undefined
        if (rows) {
          read++
          yield {node, section, heading, ...stated, rows}
        }
      } else if ('children' in node) {
        yield* walk(node.children as RootContent[])
      }
    }
  }
  yield* walk(nodes)

  if (seen === 0 && read === 0) {
    report(file, 'page-no-tables', 'Unexpected page without tables, expected tables of endpoints', first ?? null)
  }
}

/** Whether a line of text is one destination, perhaps behind a label (`Intel: https://…`). */
function isDestinationLine(text: string): boolean {
  const bare = text.trim()
  return labelledDestination(bare) !== undefined || (bare !== '' && !/\s/.test(bare) && classifyDestination(bare).kind !== 'text')
}

/** The items of a list whose every item is one destination, or undefined. */
function listDestinations(list: List): PhrasingContent[][] | undefined {
  const items = list.children.map((item) => (item.children.length === 1 && item.children[0]!.type === 'paragraph' ? item.children[0] : undefined))
  if (items.length === 0 || items.some((paragraph) => !paragraph || !isDestinationLine(toString(paragraph)))) return undefined
  return items.map((paragraph) => paragraph!.children)
}

/**
 * How many lines a paragraph of destinations has, one a line (`*.microsoft.us<br/>` lines), or undefined;
 * it takes two lines, and two in three of them destinations, to be a list rather than a sentence.
 */
function destinationLines(children: PhrasingContent[]): number | undefined {
  const text = children.map((child) => (child.type === 'html' ? (/^<br\s*\/?>$/i.test(child.value.trim()) ? '\n' : child.value) : child.type === 'break' ? '\n' : toString(child))).join('')
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean)
  // A line of a list may be mistyped (`*. usgovcloudapi.net`): read as text, it is reported.
  const read = lines.filter(isDestinationLine).length
  if (lines.length < 2 || read * 3 < lines.length * 2 || lines.some((line) => line.split(/\s+/).length > 2)) return undefined
  return lines.length
}

/** The requirement a paragraph states for the table after it, when it states exactly one. */
function leadOf(text: string, line: number): ReadTable['lead'] {
  const stated = new Set(leadSentences.filter((entry) => entry.sentence.test(text)).map((entry) => entry.requirement))
  return stated.size === 1 ? {requirement: [...stated][0]!, line} : undefined
}

function readTable(table: Table, file: VFile, page: Omit<DestinationCell, 'cell'>): Row[] | undefined {
  const [header, ...body] = table.children
  if (!header) return undefined
  let columns = mapColumns(header.children.map((cell) => cellText(cell)))

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

  // `Office 365 Worldwide (including GCC)` in the purpose, or a `Uses` cell naming a cloud: the
  // row's destinations are for those clouds, unless their column or a label says otherwise.
  const named = purposeClouds(row.purpose, page.scope)
  if (named) for (const destination of row.destinations) destination.clouds ??= named
  // A protocol named in a cell of its own (`| UDP | 3343 |`) is the row's protocol.
  if (!row.protocol) {
    row.protocol = node.children.find((cell, index) => columns[index]?.role !== 'destination' && /^(tcp|udp)(\s*[/,]\s*(tcp|udp))?$/i.test(cellText(cell)))
  }
  return row
}

/** The clouds a purpose cell names on a line of its own or in parentheses at its end, if any. */
function purposeClouds(cell: TableCell | undefined, scope: readonly Cloud[]): readonly Cloud[] | undefined {
  for (const piece of cellText(cell).split(', ')) {
    for (const text of [piece.trim(), piece.replace(/^.*\(([^()]+)\)\s*$/, '$1').trim()]) {
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
