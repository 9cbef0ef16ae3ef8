/**
 * Column mapping: a table's columns are known by their header text, never by position, through
 * the column roles of the vocabulary.
 */
import type {Cloud, Port} from '../../generated/catalog.js'
import {columnEntry, type Role} from './vocabulary.js'

export type {Role}

export interface Column {
  role: Role
  /** Header text as written (white space collapsed), or `column N` for an empty header. */
  name: string
  index: number
  /** The clouds the header names (`GCC High`, `Public Cloud Domain names`). */
  clouds?: readonly Cloud[]
  /** The protocol the header names (`Outbound TCP port`). */
  protocol?: Port['protocol']
  /** A destination column whose header is only a cloud name (`GCC`, `China Cloud (Mooncake)`). */
  cloudOnly?: boolean
}

/** Roles a table has one column of; a second such column is kept as an attribute. */
const single: ReadonlySet<Role> = new Set(['row', 'purpose', 'port', 'protocol', 'requirement'])

/** Map header texts to column roles. */
export function mapColumns(headers: string[]): Column[] {
  const taken = new Set<Role>()
  return headers.map((header, index) => {
    const name = header.replace(/\s+/g, ' ').trim() || `column ${index + 1}`
    const entry = columnEntry(header)
    const role: Role = single.has(entry.role) && taken.has(entry.role) ? 'attribute' : entry.role
    taken.add(role)
    const column: Column = {role, name, index}
    if (role === entry.role && entry.clouds) column.clouds = entry.clouds
    if (role === entry.role && entry.protocol) column.protocol = entry.protocol
    if (role === entry.role && entry.cloudOnly) column.cloudOnly = true
    return column
  })
}

/** The role a header names, or `attribute` when it names none. */
export function headerRole(header: string): Role {
  return columnEntry(header).role
}
