/**
 * Catalog → what downstream tools load: CSV and flat JSON, plain lists, a PAC file, a PAN-OS
 * external dynamic list, Squid ACLs, and the Microsoft 365 endpoints shape. Each format lives in
 * its own module; this one filters the catalog and picks the format.
 */
import type {Catalog, Cloud} from '../../generated/catalog.js'
import {destinationPorts, portKey} from '../compile/cells.js'
import {formatEdl} from './edl.js'
import type {Rendered} from './entries.js'
import {destinationClouds, filterCatalog, setService, type CatalogFilter} from './filter.js'
import {formatCidrs, formatHosts, formatIps, formatTxt} from './lists.js'
import {formatM365Endpoints, type M365Category, type M365Ids} from './m365.js'
import {formatPac} from './pac.js'
import {formatSquid} from './squid.js'

export const exportFormats = ['csv', 'json', 'txt', 'hosts', 'ips', 'cidrs', 'pac', 'edl', 'squid', 'm365'] as const
export type ExportFormat = (typeof exportFormats)[number]

export interface ExportOptions {
  /** The part of the catalog to export (default: all of it). */
  filter?: CatalogFilter
  /** pac: what the selected destinations get (default: `DIRECT`). */
  proxy?: string
  /** pac: what every other host gets (default: `DIRECT`). */
  fallback?: string
  /** squid: the ACL name (default: from the catalog's name, `power_bi_endpoints`). */
  acl?: string
  /** m365: the `category` of rows whose page states none (default: `Default`). */
  category?: M365Category
  /** m365: the recorded endpoint-set numbers (default: none recorded; numbered in catalog order). */
  m365Ids?: M365Ids
}

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
      clouds: destinationClouds(destination)
    }))
  )
}

/** Render a catalog in one of the export formats: the text, and lines for stderr saying what was left out. */
export function exportCatalog(whole: Catalog, format: ExportFormat, options: ExportOptions = {}): Rendered {
  const filter = options.filter ?? {}
  const catalog = filterCatalog(whole, filter)
  switch (format) {
    case 'csv':
      return {text: toCsv(exportRecords(catalog)), notes: []}
    case 'json':
      return {text: JSON.stringify(exportRecords(catalog), null, 2) + '\n', notes: []}
    case 'txt':
      return formatTxt(catalog, filter)
    case 'hosts':
      return formatHosts(catalog, filter)
    case 'ips':
      return formatIps(catalog, filter)
    case 'cidrs':
      return formatCidrs(catalog, filter)
    case 'pac':
      return formatPac(catalog, {filter, ...pick(options, 'proxy', 'fallback')})
    case 'edl':
      return formatEdl(catalog)
    case 'squid':
      return formatSquid(catalog, {filter, ...pick(options, 'acl')})
    case 'm365':
      return formatM365Endpoints(catalog, options.m365Ids, options.category)
  }
}

/** The options that are set (for `exactOptionalPropertyTypes`). */
function pick<K extends keyof ExportOptions>(options: ExportOptions, ...keys: K[]): Pick<ExportOptions, K> {
  return Object.fromEntries(keys.filter((key) => options[key] !== undefined).map((key) => [key, options[key]])) as Pick<ExportOptions, K>
}

// New columns go last, so a reader that takes columns by position keeps working.
const csvColumns = ['id', 'section', 'purpose', 'requirement', 'kind', 'destination', 'ports', 'expressRoute', 'service', 'clouds'] as const

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
