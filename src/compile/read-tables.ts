/**
 * Reading tables: every table of a page with its section, its columns mapped by header, and its
 * body rows — each either handed on with its cells by role, or reported.
 */
import type {Heading, Root, Table, TableCell, TableRow} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {report} from '../report.js'
import {cellText} from './cells.js'
import {headerRole, mapColumns, type Column} from './columns.js'

export interface Row {
  node: TableRow
  /** Header text of the purpose column this row sits under (a table may restate its header). */
  purposeHeader: string
  purpose: TableCell | undefined
  /** Cells of the destination column and of address columns (CIDR). */
  destinations: TableCell[]
  port: TableCell | undefined
  requirement: TableCell | undefined
  attributes: Array<{name: string; cell: TableCell}>
}

export interface ReadTable {
  node: Table
  section: string
  heading: Heading | undefined
  rows: Row[]
}

/** Heading text without HTML anchors (`## <a name="x"></a>Title` → `Title`). */
export function headingText(heading: Heading): string {
  return toString(heading, {includeHtml: false}).replace(/\s+/g, ' ').trim()
}

/** Every endpoint table of a page, in document order; other tables and empty rows are reported. */
export function readTables(tree: Root, file: VFile, fallbackSection: string): ReadTable[] {
  const tables: ReadTable[] = []
  let heading: Heading | undefined
  let seen = 0

  visit(tree, (node) => {
    if (node.type === 'heading') {
      heading = node
      return 'skip'
    }
    if (node.type !== 'table') return
    seen++
    const section = heading ? headingText(heading) : fallbackSection
    const read = readTable(node, file)
    if (read) tables.push({node, section, heading, rows: read})
    return 'skip'
  })

  if (seen === 0) {
    report(file, 'page-no-tables', 'Unexpected page without tables, expected tables of endpoints', tree.children[0] ?? null)
  }
  return tables
}

function readTable(table: Table, file: VFile): Row[] | undefined {
  const [header, ...body] = table.children
  if (!header) return undefined
  let columns = mapColumns(header.children.map((cell) => cellText(cell)))

  if (!columns.some((column) => column.role === 'destination')) {
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
  for (const node of body) {
    if (isEmptyRow(node)) {
      report(file, 'table-row-empty', 'Unexpected empty row, skipped', node)
      continue
    }
    // Some pages restate the header inside a table (`| PaaS Activity | Additional destinations used |`).
    if (isHeaderRow(node)) {
      columns = mapColumns(node.children.map((cell) => cellText(cell)))
      report(file, 'table-header-repeated', `Unexpected header row inside the table (${columns.map((column) => column.name).join(', ')}), read the rows after it under this header`, node)
      reportUnknownColumns(columns, node, file)
      continue
    }
    rows.push(readRow(node, columns, file))
  }
  return rows
}

function readRow(node: TableRow, columns: Column[], file: VFile): Row {
  const row: Row = {
    node,
    purposeHeader: columns.find((column) => column.role === 'purpose')?.name ?? '',
    purpose: undefined,
    destinations: [],
    port: undefined,
    requirement: undefined,
    attributes: []
  }

  if (node.children.length < columns.length) {
    report(file, 'table-row-missing-cells', `Unexpected ${node.children.length} cells in row, expected ${columns.length}; missing cells read as empty`, node)
  }

  node.children.forEach((cell, index) => {
    const column = columns[index]
    if (!column) {
      if (cellText(cell) === '') return
      report(file, 'table-row-extra-cells', `Unexpected cell \`${cellText(cell)}\` beyond the ${columns.length} columns of the header, kept as attribute \`column ${index + 1}\``, cell)
      row.attributes.push({name: `column ${index + 1}`, cell})
      return
    }
    switch (column.role) {
      case 'purpose':
        row.purpose = cell
        break
      case 'destination':
      case 'address':
        row.destinations.push(cell)
        break
      case 'port':
        row.port = cell
        break
      case 'requirement':
        row.requirement = cell
        break
      case 'attribute':
        if (cellText(cell) !== '') row.attributes.push({name: column.name, cell})
        break
      case 'row':
        break
    }
  })
  return row
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
