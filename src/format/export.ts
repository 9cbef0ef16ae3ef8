/**
 * Catalog → the flat formats downstream tools load: CSV, a plain list, flat JSON.
 */
import type {Catalog} from '../../generated/catalog.js'
import {portKey} from '../compile/cells.js'
import {compareText} from '../compile/catalog.js'

export const exportFormats = ['csv', 'txt', 'json'] as const
export type ExportFormat = (typeof exportFormats)[number]

export interface ExportRecord {
  id: string
  section: string
  purpose: string
  requirement: 'required' | 'optional' | ''
  kind: string
  destination: string
  ports: string[]
  expressRoute: 'internet' | 'expressroute' | ''
}

/** One record per destination of every endpoint set, in catalog order. */
export function exportRecords(catalog: Catalog): ExportRecord[] {
  return catalog.endpointSets.flatMap((set) =>
    set.destinations.map((destination) => ({
      id: set.id,
      section: set.section,
      purpose: set.purpose,
      requirement: set.requirement === 'unknown' ? ('' as const) : set.requirement,
      kind: destination.kind,
      destination: destination.value,
      ports: set.ports.map(portKey),
      expressRoute: destination.expressRoute?.route ?? ('' as const)
    }))
  )
}

/** Render a catalog in one of the export formats. */
export function exportCatalog(catalog: Catalog, format: ExportFormat): string {
  const records = exportRecords(catalog)
  switch (format) {
    case 'csv':
      return toCsv(records)
    case 'txt':
      return toList(records)
    case 'json':
      return JSON.stringify(records, null, 2) + '\n'
  }
}

const csvColumns = ['id', 'section', 'purpose', 'requirement', 'kind', 'destination', 'ports', 'expressRoute'] as const

/** RFC 4180 CSV (CRLF line ends); cells that a spreadsheet would run as a formula are defused. */
function toCsv(records: ExportRecord[]): string {
  const lines = [csvColumns.join(',')]
  for (const record of records) {
    lines.push(csvColumns.map((column) => csvCell(column === 'ports' ? record.ports.join(' ') : record[column])).join(','))
  }
  return lines.join('\r\n') + '\r\n'
}

function csvCell(value: string): string {
  // A leading = + - @ (or tab / CR) makes spreadsheets evaluate the cell; a quote mark keeps it text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** The unique host, wildcard and URL destinations, sorted, one a line. */
function toList(records: ExportRecord[]): string {
  const values = new Set(
    records.filter((r) => r.kind === 'host' || r.kind === 'wildcard' || r.kind === 'url').map((r) => r.destination)
  )
  const sorted = [...values].sort(compareText)
  return sorted.length > 0 ? sorted.join('\n') + '\n' : ''
}
