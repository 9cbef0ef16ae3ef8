/**
 * What every command shares: the streams it writes to, usage errors, option parsing, reading
 * pages and catalogs (told by their content), compiling pages with their diagnostics, `--fail-on`,
 * colour, and writing the output.
 */
import {existsSync, realpathSync, statSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import {closest, distance} from 'fastest-levenshtein'
import type {Catalog, Diagnostic} from '../../generated/catalog.js'
import type {Config} from '../../generated/config.js'
import {compile, type PageInput} from '../compile/catalog.js'
import {compileOptionsOf, defaultConfigPath, findConfig, idleAcceptances, readConfig} from '../config.js'
import {InputError} from '../errors.js'
import {formatDiagnostics, formatDiagnosticsJson} from '../format/diagnostics.js'
import {levels} from '../format/diff-text.js'
import {defaultMaxPageBytes, displayPath, readInput, writeFileAtomic} from '../io.js'
import {inputKind, kindMismatch, type InputKind} from '../kinds.js'
import {publishedFiles} from '../feed/files.js'
import {pageName, pagesInDirectory, skipReasons, skippedNote, type Skipped} from '../pages.js'
import {atLeast, isBlocking, type Level} from '../rules.js'
import {parseCatalog, validateAgainst} from '../validate.js'
import {commandHelp} from './help.js'

export interface Io {
  stdout: {write(text: string): unknown; isTTY?: boolean}
  stderr: {write(text: string): unknown}
  /** Standard input's bytes, read for a file argument of `-` (default: there is none); `main` awaits a promise before the command runs. */
  stdin?: () => Buffer | Promise<Buffer>
  /** The environment, for colour (default: process.env). */
  env?: Record<string, string | undefined>
  cwd: string
}

/** A command line that cannot be run as given: printed with the command's usage line, exit 2. */
export class UsageError extends Error {}

/** The options of the commands that compile pages. */
export const compileOptions = {
  strict: {type: 'boolean'},
  'fail-on': {type: 'string'},
  config: {type: 'string'},
  quiet: {type: 'boolean'}
} as const satisfies ParseArgsConfig['options']

/** `--report text|json`, for the commands that print diagnostics. */
export const reportOption = {report: {type: 'string'}} as const satisfies ParseArgsConfig['options']

type Options = NonNullable<ParseArgsConfig['options']>

/**
 * The options and positionals of `args`, given a command's own options beside the shared ones
 * (default: the compile options); an unknown option is a usage error naming the closest known one.
 */
export function parse<T extends Options, S extends Options = typeof compileOptions>(args: string[], options: T, shared?: S): Parsed<T, S> {
  const all = {...(shared ?? compileOptions), ...options}
  try {
    return parseArgs({args, options: all, allowPositionals: true, strict: true}) as Parsed<T, S>
  } catch (error) {
    const message = (error as Error).message
    const missing = /^Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message)?.[1]
    if (missing !== undefined) throw new UsageError(`\`${missing}\` needs a value`)
    const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1]
    if (unknown === undefined) throw new UsageError(message.split('. ')[0]!)
    if (Object.hasOwn({...compileOptions, ...reportOption, ...colorOptions}, unknown.slice(2)) || otherCommandOption(unknown)) {
      throw new UsageError(`\`${unknown}\` does not apply to this command`)
    }
    const known = Object.entries(all).flatMap(([name, option]) => ['--' + name, ...('short' in option && option.short ? ['-' + option.short] : [])])
    const nearest = known.length > 0 ? closest(unknown, known) : undefined
    const near = nearest !== undefined && distance(unknown, nearest) <= Math.max(2, Math.floor(unknown.length / 3))
    throw new UsageError(`unknown option \`${unknown}\`${near ? ` (did you mean \`${nearest}\`?)` : ''}`)
  }
}

/** Whether `option` (`--name`) is one another command takes, as its help lists it. */
function otherCommandOption(option: string): boolean {
  if (!/^--[a-z][a-z-]*$/.test(option)) return false
  const listed = new RegExp(`(^|[\\s\\[(|])${option}(?![\\w-])`, 'm')
  return Object.values(commandHelp).some(({usage, text}) => listed.test(usage) || listed.test(text))
}

type Parsed<T extends Options, S extends Options> = ReturnType<
  typeof parseArgs<{args: string[]; options: S & T; allowPositionals: true; strict: true}>
>

/** A page to read, and whether it was found by walking a directory (then a symbolic link is refused). */
export interface PagePath {
  path: string
  walked: boolean
}

/** The pages in `directory` as src/pages.ts chooses them (optionally narrowed by `select`), with a note for each file skipped. */
export function pagesIn(directory: string, io: Io, select?: (relative: string) => boolean): PagePath[] {
  const listing = pagesInDirectory(directory, io.cwd, select)
  for (const skipped of listing.skipped) note(skipped, io)
  return listing.paths.map((path) => ({path, walked: true}))
}

/**
 * Page arguments: a directory stands for its pages (an input error when it has none), a file for
 * itself, `-` for standard input; a page given twice is read once.
 */
export function pageArguments(paths: string[], io: Io): PagePath[] {
  const pages = paths.flatMap((path) => {
    if (path === '-' || !isDirectory(resolve(io.cwd, path))) return [{path, walked: false}]
    const pages = pagesIn(path, io)
    if (pages.length === 0) throw new InputError(`${path}: no markdown pages`)
    return pages
  })
  const seen = new Set<string>()
  return pages.filter(({path}) => {
    const identity = path === '-' ? '-' : realPath(resolve(io.cwd, path))
    if (seen.has(identity)) return false
    seen.add(identity)
    return true
  })
}

/** Print the note for a file left out of the page set. */
export function note(skipped: Skipped, io: Io): void {
  io.stderr.write(`endpoint-catalog: ${skippedNote(skipped)}\n`)
}

/** Whether `path` (absolute) is a directory; false when it is anything else or nothing. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

function realPath(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}

const stdinBytes = new WeakMap<Io, Buffer>()

/** A file argument's bytes: `-` is standard input (read once, whichever command asks). */
export function readArgument(path: string, io: Io, options: Parameters<typeof readInput>[2] = {}): Buffer {
  if (path !== '-') return readInput(path, io.cwd, options)
  let bytes = stdinBytes.get(io)
  if (bytes === undefined) {
    if (io.stdin === undefined) throw new InputError('-: no standard input to read')
    const read = io.stdin()
    if (!Buffer.isBuffer(read)) throw new Error('standard input was not read before the command ran')
    bytes = read
    stdinBytes.set(io, bytes)
  }
  return bytes
}

/** A file argument's bytes, refused unless its content is of `kind` (`expected` describes it). */
export function readKind(path: string, io: Io, kind: InputKind, expected: string, options: Parameters<typeof readInput>[2] = {}): Buffer {
  const bytes = readArgument(path, io, options)
  const found = inputKind(bytes.toString('utf8'))
  if (found !== kind) throw new InputError(kindMismatch(path, found, expected))
  return bytes
}

/** The catalog a single file argument holds; undefined when the arguments are pages to compile. */
export function catalogArgument(paths: string[], io: Io): Catalog | undefined {
  if (paths.length !== 1) return undefined
  const path = paths[0]!
  refuseBuildFolder(path, io, publishedFiles.catalog)
  if (path !== '-' && isDirectory(resolve(io.cwd, path))) return undefined
  const text = readArgument(path, io).toString('utf8')
  const kind = inputKind(text)
  // JSON of no known kind is checked as the catalog it was meant to be: the schema says what is wrong.
  if (kind === 'catalog' || kind === 'json') return parseCatalog(text, path)
  if (kind === 'page') return undefined
  throw new InputError(kindMismatch(path, kind, 'a catalog or documentation pages'))
}

/** Refuse an output file that is one of the inputs: writing it would replace what is being read. */
export function checkOutput(output: string | undefined, inputs: string[], io: Io): void {
  if (output === undefined || output === '-') return
  const target = realPath(resolve(io.cwd, output))
  const clash = inputs.find((input) => input !== '-' && realPath(resolve(io.cwd, input)) === target)
  if (clash !== undefined) throw new InputError(`${output}: the output would replace an input (${clash}); write it elsewhere`)
}

export interface CompileFlags {
  strict?: boolean | undefined
  quiet?: boolean | undefined
  config?: string | undefined
  'fail-on'?: string | undefined
  report?: string | undefined
}

/** A catalog from a catalog (by content), or compiled from markdown pages. */
export function loadCatalog(paths: string[], options: CompileFlags, io: Io): Catalog | undefined {
  return catalogArgument(paths, io) ?? compilePages(pageArguments(paths, io), options, io)
}

/**
 * Compile pages, print their diagnostics, and validate the result; undefined (nothing to write)
 * when the pages could not be read (a reading error). Findings never withhold the catalog.
 * `complete` (default: false): the pages are the whole page set, so a config entry that matches
 * none of their diagnostics is reported. `counts` (default: false): print, per page, how many
 * destination-shaped values it holds, how many were read and how many reported.
 */
export function compilePages(paths: PagePath[], options: CompileFlags, io: Io, complete = false, counts = false): Catalog | undefined {
  failOnLevel(options)
  const report = reportFormat(options)
  const configFile = findConfig(io.cwd, options.config)
  // A config found above the working directory is named, so that it is no surprise.
  if (options.config === undefined && configFile !== undefined && configFile !== defaultConfigPath) io.stderr.write(`endpoint-catalog: config ${configFile}\n`)
  const config = readConfig(io.cwd, configFile)
  const {catalog, files} = compile(readPages(paths, io, config), compileOptionsOf(config))
  const print = report === 'json' ? formatDiagnosticsJson : formatDiagnostics
  io.stderr.write(print(catalog.diagnostics, {quiet: options.quiet ?? false}))
  if (counts && report === 'text' && options.quiet !== true) {
    // What each page holds that looks like a destination, and what became of it.
    for (const file of files) {
      const tokens = file.data['tokens'] as {seen: number; read: number; unread: number} | undefined
      if (tokens) io.stderr.write(`${file.path}: ${tokens.seen} destination-shaped ${tokens.seen === 1 ? 'value' : 'values'} outside destination cells, ${tokens.read} read, ${tokens.unread} reported as destination-unread\n`)
    }
  }
  for (const idle of idleAcceptances(config, catalog.diagnostics, complete)) {
    const why =
      idle.why === 'unknown-rule'
        ? 'no such rule (`endpoint-catalog rules` lists them)'
        : idle.why === 'reading-error'
          ? 'a reading error cannot be accepted (the row was not read); fix the page'
          : 'matches no diagnostic of the pages; remove it'
    io.stderr.write(`${configFile ?? defaultConfigPath}: warning  accept entry ${idle.entry} (rule \`${idle.rule}\`): ${why}\n`)
  }

  const schemaErrors = validateAgainst('catalog', catalog)
  if (schemaErrors.length > 0) {
    // A compiler bug, not an input problem: say so rather than write an invalid file.
    throw new Error(`the compiled catalog does not match its schema: ${schemaErrors.map((e) => `${e.pointer} ${e.message}`).join('; ')}`)
  }
  const blocking = catalog.diagnostics.filter(isBlocking)
  if (blocking.length > 0) {
    io.stderr.write(`endpoint-catalog: ${errorCount(blocking.length)}; nothing written\n`)
    return undefined
  }
  return catalog
}

/** `--report`: text (the default) or json. */
export function reportFormat(options: CompileFlags): 'text' | 'json' {
  const value = options.report ?? 'text'
  if (value !== 'text' && value !== 'json') throw new UsageError('--report must be text or json')
  return value
}

/** `1 error`, `3 errors`. */
export function errorCount(count: number): string {
  return `${count} ${count === 1 ? 'error' : 'errors'}`
}

/** The level of `--fail-on` (`--strict` is `warning`), undefined for none. */
export function failOnLevel(options: CompileFlags): Level | undefined {
  const value = options['fail-on']
  if (value === undefined) return options.strict ? 'warning' : undefined
  if (value === 'none') return undefined
  if (!levels.includes(value as Level)) throw new UsageError('--fail-on must be error, warning, info or none')
  return value as Level
}

/** 1 when a diagnostic not accepted in the config is at or above `--fail-on`, saying so; else 0. */
export function failOnExit(diagnostics: Diagnostic[], options: CompileFlags, io: Io): number {
  const level = failOnLevel(options)
  if (level === undefined) return 0
  const failing = diagnostics.filter((d) => d.accepted === undefined && atLeast(d.severity, level))
  if (failing.length === 0) return 0
  io.stderr.write(`endpoint-catalog: ${failing.length} ${failing.length === 1 ? 'diagnostic' : 'diagnostics'} at or above ${level} (--fail-on ${level}${options.strict && options['fail-on'] === undefined ? ', from --strict' : ''})\n`)
  return 1
}

/**
 * Read pages, each refused before reading when past the config's `maxPageSize`, and refused when
 * its content is not a page (a catalog, a feed…); a walked symbolic link is refused.
 */
export function readPages(paths: PagePath[], io: Io, config: Config): PageInput[] {
  return paths.flatMap(({path, walked}) => {
    const value = readArgument(path, io, {maxBytes: config.maxPageSize ?? defaultMaxPageBytes, noFollow: walked})
    const kind = inputKind(value.toString('utf8'))
    // A build's own change log, found in a directory of pages, is what the tool wrote: not read.
    if (walked && kind === 'changelog') {
      note({path, reason: skipReasons.changelog}, io)
      return []
    }
    if (kind !== 'page') throw new InputError(kindMismatch(path, kind, 'a documentation page (markdown)'))
    return [{path: path === '-' ? '-' : pageName(displayPath(path, io.cwd)), value}]
  })
}

/**
 * Refuse a build's output directory (it holds catalog.json) where a file is expected: `file`
 * names the file of it to pass instead.
 */
export function refuseBuildFolder(path: string, io: Io, file: string): void {
  if (path === '-' || !isDirectory(resolve(io.cwd, path))) return
  if (existsSync(resolve(io.cwd, path, publishedFiles.catalog))) {
    throw new InputError(`${path}: a build folder; pass its ${file} (${join(path, file)})`)
  }
}

/** Write `text` to the `-o` file, or to standard output when there is none (or it is `-`). */
export function emit(text: string, output: string | undefined, io: Io): void {
  if (output === undefined || output === '-') io.stdout.write(text)
  else writeFileAtomic(resolve(io.cwd, output), text)
}

/** `--color` and `--no-color`, for the commands that colour their text. */
export const colorOptions = {color: {type: 'boolean'}, 'no-color': {type: 'boolean'}} as const satisfies ParseArgsConfig['options']

/**
 * Whether to colour text: `--no-color`, `--color`, then FORCE_COLOR (set, not `0`), NO_COLOR (set,
 * not empty) and TERM=dumb decide; else colour when writing to a terminal.
 */
export function useColor(flags: {color?: boolean | undefined; 'no-color'?: boolean | undefined}, output: string | undefined, io: Io): boolean {
  if (flags['no-color']) return false
  if (flags.color) return true
  const env = io.env ?? process.env
  const force = env['FORCE_COLOR']
  if (force !== undefined && force !== '0' && force !== 'false') return true
  if (env['NO_COLOR']) return false
  if (env['TERM'] === 'dumb') return false
  return (output === undefined || output === '-') && io.stdout.isTTY === true
}
