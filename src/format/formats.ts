/**
 * The registry of export formats, in the order `export --help` and the README list them. Adding a
 * format is one module (`defineFormat`) and its line here; the command line, its help and the
 * README's table of formats (checked by a test) follow.
 */
import {edlFormat} from './edl.js'
import type {ExportFormatModule} from './format.js'
import {ipsetFormat} from './ipset.js'
import {cidrsFormat, hostsFormat, ipsFormat, txtFormat} from './lists.js'
import {m365Format} from './m365.js'
import {nftablesFormat} from './nftables.js'
import {pacFormat} from './pac.js'
import {csvFormat, jsonFormat} from './records.js'
import {squidFormat} from './squid.js'

export const formatModules = [
  csvFormat,
  jsonFormat,
  txtFormat,
  hostsFormat,
  ipsFormat,
  cidrsFormat,
  nftablesFormat,
  ipsetFormat,
  pacFormat,
  edlFormat,
  squidFormat,
  m365Format
] as const

export type ExportFormat = (typeof formatModules)[number]['name']

/** The names of the export formats. */
export const exportFormats: readonly ExportFormat[] = formatModules.map((module) => module.name)

/** The module of a format name, or undefined. */
export function formatModule(name: string): ExportFormatModule | undefined {
  return (formatModules as readonly ExportFormatModule[]).find((module) => module.name === name)
}
