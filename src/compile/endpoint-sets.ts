/**
 * URL page rows → endpoint sets: purpose, requirement, destinations, ports, attributes.
 */
import type {Node} from 'unist'
import type {VFile} from 'vfile'
import type {EndpointSet, Position, Requirement} from '../../generated/catalog.js'
import {report} from '../report.js'
import {cellText, readDestinations, readPorts, readPurpose, readRequirementCell} from './cells.js'
import type {ReadTable, Row} from './read-tables.js'

export type UnnamedEndpointSet = Omit<EndpointSet, 'id'>

/** Turn the rows of a URL page's tables into endpoint sets (ids are given later, catalog-wide). */
export function readEndpointSets(tables: ReadTable[], file: VFile, path: string): UnnamedEndpointSet[] {
  return tables.flatMap((table) => table.rows.map((row) => readEndpointSet(row, table.section, file, path)))
}

function readEndpointSet(row: Row, section: string, file: VFile, path: string): UnnamedEndpointSet {
  const {requirement: prefix, purpose} = readPurpose(row.purpose)
  const requirement = readRequirement(row, prefix, file)
  const {destinations, alternatives} = readDestinations(row.destinations, file)
  if (destinations.length === 0) {
    report(file, 'destination-missing', 'Unexpected row without destinations, expected hosts, URLs or links', row.node)
  }
  const {ports, portsText} = readPorts(row.port, file)

  const set: UnnamedEndpointSet = {
    section,
    purpose,
    requirement,
    alternatives,
    destinations,
    ports,
    source: position(row.node, path)
  }
  if (portsText !== undefined) set.portsText = portsText
  if (row.attributes.length > 0) {
    set.attributes = Object.fromEntries(row.attributes.map(({name, cell}) => [name, cellText(cell)]))
  }
  return set
}

function readRequirement(row: Row, prefix: Requirement | undefined, file: VFile): Requirement {
  if (row.requirement) {
    const value = readRequirementCell(row.requirement)
    if (value) return value
    const text = cellText(row.requirement)
    if (text !== '') {
      report(file, 'requirement-unknown', `Unexpected requirement \`${text}\`, expected Required or Optional`, row.requirement)
      return prefix ?? 'unknown'
    }
  }
  if (prefix) return prefix
  report(file, 'requirement-missing', 'Unexpected row without a requirement, expected a `**Required:**` or `**Optional:**` prefix', row.purpose ?? row.node)
  return 'unknown'
}

/** A node's start as a catalog position. */
export function position(node: Node, path: string): Position {
  return {path, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1}
}
