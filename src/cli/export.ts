/** `export`: a catalog for a firewall, proxy or script. */
import {dirname} from 'node:path'
import type {ParseArgsConfig} from 'node:util'
import {readM365Ids} from '../feed/store.js'
import {exportCatalog, exportFormats, type ExportFormat, type ExportOptions} from '../format/export.js'
import {FilterError, notOneOf, parseFilter} from '../format/filter.js'
import {m365Categories, type M365Category} from '../format/m365.js'
import {catalogArgument, checkOutput, compilePages, emit, failOnExit, pageArguments, parse, reportOption, UsageError, type Io} from './common.js'

/** `export <catalog | pages> --format <format>`: the arguments after the command name; returns the exit code. */
export function exportCommand(args: string[], io: Io): number {
  const {values, positionals} = parse(args, {
    format: {type: 'string'},
    output: {type: 'string', short: 'o'},
    ...filterOptions,
    proxy: {type: 'string'},
    default: {type: 'string'},
    acl: {type: 'string'},
    category: {type: 'string'},
    ...reportOption
  })
  if (positionals.length === 0) throw new UsageError('export needs a catalog.json or markdown files')
  const format = values.format
  if (!exportFormats.includes(format as ExportFormat)) {
    throw new UsageError(`--format must be one of ${exportFormats.join(', ')}`)
  }
  if (format !== 'pac' && (values.proxy !== undefined || values.default !== undefined)) throw new UsageError('--proxy and --default are options of --format pac')
  if (format !== 'squid' && values.acl !== undefined) throw new UsageError('--acl is an option of --format squid')
  if (format !== 'm365' && values.category !== undefined) throw new UsageError('--category is an option of --format m365')
  const category = values.category
  if (category !== undefined && !(m365Categories as readonly string[]).includes(category)) throw new UsageError(notOneOf('--category', category, m365Categories).message)
  checkOutput(values.output, positionals, io)
  const published = catalogArgument(positionals, io)
  const pages = published === undefined ? pageArguments(positionals, io) : []
  checkOutput(values.output, pages.map(({path}) => path), io)
  const catalog = published ?? compilePages(pages, values, io)
  if (!catalog) return 1
  // A published catalog's endpoint-set numbers are recorded beside it.
  const fromFile = published !== undefined && positionals[0] !== '-'
  const options: ExportOptions = {filter: usage(() => parseFilter(values))}
  if (values.proxy !== undefined) options.proxy = values.proxy
  if (values.default !== undefined) options.fallback = values.default
  if (values.acl !== undefined) options.acl = values.acl
  if (category !== undefined) options.category = category as M365Category
  const ids = format === 'm365' && fromFile ? readM365Ids(dirname(positionals[0]!), io.cwd) : undefined
  if (ids !== undefined) options.m365Ids = ids
  const rendered = usage(() => exportCatalog(catalog, format as ExportFormat, options))
  emit(rendered.text, values.output, io)
  for (const note of rendered.notes) io.stderr.write(note + '\n')
  return failOnExit(catalog.diagnostics, values, io)
}

/** The filter options every export format takes. */
export const filterOptions = {
  required: {type: 'boolean'},
  service: {type: 'string'},
  cloud: {type: 'string'},
  section: {type: 'string'},
  route: {type: 'string'},
  kind: {type: 'string'}
} as const satisfies ParseArgsConfig['options']

/** Run `fn`, turning a bad filter or format option into a usage error. */
export function usage<T>(fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (error instanceof FilterError || error instanceof RangeError) throw new UsageError(error.message)
    throw error
  }
}
