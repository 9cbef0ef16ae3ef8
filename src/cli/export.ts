/** `export`: a catalog for a firewall, proxy or script. */
import {dirname} from 'node:path'
import type {ParseArgsConfig} from 'node:util'
import {readM365Ids} from '../feed/store.js'
import {exportCatalog, exportFormats, type ExportFormat, type ExportOptions} from '../format/export.js'
import {formatModule, formatModules} from '../format/formats.js'
import {FilterError, parseFilter} from '../format/filter.js'
import {catalogArgument, checkOutput, compilePages, emit, failOnExit, pageArguments, parse, reportOption, UsageError, type Io} from './common.js'

/** Every format's options, once each, for the parser. */
const formatOptions = Object.fromEntries(formatModules.flatMap((module) => module.options.map((option) => [option.flag, {type: 'string'}]))) as Record<string, {type: 'string'}>

/** `export <catalog | pages> --format <format>`: the arguments after the command name; returns the exit code. */
export function exportCommand(args: string[], io: Io): number {
  const {values, positionals} = parse(args, {
    format: {type: 'string'},
    output: {type: 'string', short: 'o'},
    ...filterOptions,
    ...formatOptions,
    ...reportOption
  })
  if (positionals.length === 0) throw new UsageError('export needs a catalog.json or markdown files')
  const format = values.format
  const module = format === undefined ? undefined : formatModule(format)
  if (module === undefined) throw new UsageError(`--format must be one of ${exportFormats.join(', ')}`)
  const given = values as Record<string, unknown>
  const options: ExportOptions = {}
  for (const flag of Object.keys(formatOptions)) {
    const text = given[flag]
    if (typeof text !== 'string') continue
    const option = module.options.find((one) => one.flag === flag)
    if (option === undefined) {
      const owners = formatModules.filter((one) => one.options.some((other) => other.flag === flag)).map((one) => `--format ${one.name}`)
      throw new UsageError(`--${flag} is an option of ${owners.join(', ')}`)
    }
    Object.assign(options, {[option.key]: usage(() => (option.parse === undefined ? text : option.parse(text)))})
  }
  checkOutput(values.output, positionals, io)
  const published = catalogArgument(positionals, io)
  const pages = published === undefined ? pageArguments(positionals, io) : []
  checkOutput(values.output, pages.map(({path}) => path), io)
  const catalog = published ?? compilePages(pages, values, io)
  if (!catalog) return 1
  // A published catalog's endpoint-set numbers are recorded beside it.
  const fromFile = published !== undefined && positionals[0] !== '-'
  options.filter = usage(() => parseFilter(values))
  const ids = module.name === 'm365' && fromFile ? readM365Ids(dirname(positionals[0]!), io.cwd) : undefined
  if (ids !== undefined) options.m365Ids = ids
  const rendered = usage(() => exportCatalog(catalog, module.name as ExportFormat, options))
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
  kind: {type: 'string'},
  direction: {type: 'string'}
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
