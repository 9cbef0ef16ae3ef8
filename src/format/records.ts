/**
 * `csv` and `json`: one record per destination of every endpoint set, in catalog order, with its
 * section, purpose, requirement, kind, ports and ExpressRoute route; nothing is left out.
 */
import type {Catalog, Cloud} from '../../generated/catalog.js'
import {destinationPorts, portKey} from '../compile/cells.js'
import {destinationClouds, setDirection, setService, type Direction} from './filter.js'
import {defineFormat} from './format.js'

export interface ExportRecord {
  id: string
  section: string
  purpose: string
  requirement: 'required' | 'optional' | ''
  kind: string
  destination: string
  ports: string[]
  /** `unknown` when the catalog has an ExpressRoute page, but not for this destination's product. */
  expressRoute: 'internet' | 'expressroute' | 'unknown' | ''
  service: string
  clouds: Cloud[]
  /** `inbound` for a source of traffic into the reader's network, else `outbound`. */
  direction: Direction
  /** The condition a required set is stated under (`If you are using the Azure-provided DNS service`), else empty. */
  condition: string
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
      ports: destinationPorts(set, destination).map(portKey),
      expressRoute: destination.expressRoute?.route ?? ('' as const),
      service: setService(set),
      clouds: destinationClouds(destination),
      direction: setDirection(set),
      condition: set.condition ?? ''
    }))
  )
}

export const csvFormat = defineFormat({
  name: 'csv',
  summary: 'one line per destination: id, section, purpose, requirement, kind, destination, ports, expressRoute, service, clouds, direction, condition (RFC 4180)',
  loads: 'a spreadsheet, or any RFC 4180 reader (`python3 -c "import csv; print(*csv.DictReader(open(\'endpoints.csv\')))"`)',
  options: [],
  everySet: true,
  render: (catalog) => ({text: toCsv(exportRecords(catalog)), notes: []})
})

export const jsonFormat = defineFormat({
  name: 'json',
  summary: 'the records of `csv` as a JSON array',
  loads: '`jq -r \'.[] | select(.requirement == "required") | .destination\' endpoints.json`',
  options: [],
  everySet: true,
  render: (catalog) => ({text: JSON.stringify(exportRecords(catalog), null, 2) + '\n', notes: []})
})

// New columns go last, so a reader that takes columns by position keeps working.
const csvColumns = ['id', 'section', 'purpose', 'requirement', 'kind', 'destination', 'ports', 'expressRoute', 'service', 'clouds', 'direction', 'condition'] as const

/** RFC 4180 CSV (CRLF line ends); cells that a spreadsheet would run as a formula are defused. */
function toCsv(records: ExportRecord[]): string {
  const lines = [csvColumns.join(',')]
  for (const record of records) {
    lines.push(csvColumns.map((column) => csvCell(column === 'ports' || column === 'clouds' ? record[column].join(' ') : record[column])).join(','))
  }
  return lines.join('\r\n') + '\r\n'
}

function csvCell(value: string): string {
  // A leading = + - @ (or tab / CR) makes spreadsheets evaluate the cell; a quote mark keeps it text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
