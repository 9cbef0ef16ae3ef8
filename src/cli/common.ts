/**
 * What every command shares: the streams it writes to, usage errors, option parsing, reading
 * pages, compiling them with their diagnostics, `--fail-on`, and writing the output.
 */
import {statSync} from 'node:fs'
import {resolve} from 'node:path'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import type {Catalog, Diagnostic} from '../../generated/catalog.js'
import type {Config} from '../../generated/config.js'
import {compile, type PageInput} from '../compile/catalog.js'
import {readConfig} from '../config.js'
import {InputError} from '../errors.js'
import {formatDiagnostics} from '../format/diagnostics.js'
import {defaultMaxPageBytes, displayPath, readCatalog, readInput, writeFileAtomic} from '../io.js'
import {pageName, pagesInDirectory, skippedNote, type Skipped} from '../pages.js'
import {atLeast, isBlocking, type Level} from '../rules.js'
import {validateAgainst} from '../validate.js'

export interface Io {
  stdout: {write(text: string): unknown; isTTY?: boolean}
  stderr: {write(text: string): unknown}
  cwd: string
}

/** A command line that cannot be run as given: printed with the help, exit 2. */
export class UsageError extends Error {}

const shared = {
  strict: {type: 'boolean'},
  'fail-on': {type: 'string'},
  config: {type: 'string'},
  quiet: {type: 'boolean'}
} as const satisfies ParseArgsConfig['options']

/** The options and positionals of `args`, given a command's own options beside the shared ones. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T): Parsed<T> {
  try {
    return parseArgs({args, options: {...shared, ...options}, allowPositionals: true, strict: true})
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

type Parsed<T extends NonNullable<ParseArgsConfig['options']>> = ReturnType<
  typeof parseArgs<{args: string[]; options: typeof shared & T; allowPositionals: true; strict: true}>
>

export const levels: Level[] = ['error', 'warning', 'info']

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

/** Page arguments: a directory stands for its pages (an input error when it has none), a file for itself. */
export function pageArguments(paths: string[], io: Io): PagePath[] {
  return paths.flatMap((path) => {
    if (!isDirectory(resolve(io.cwd, path))) return [{path, walked: false}]
    const pages = pagesIn(path, io)
    if (pages.length === 0) throw new InputError(`${path}: no markdown pages`)
    return pages
  })
}

export function note(skipped: Skipped, io: Io): void {
  io.stderr.write(`endpoint-catalog: ${skippedNote(skipped)}\n`)
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

export interface CompileFlags {
  strict?: boolean | undefined
  quiet?: boolean | undefined
  config?: string | undefined
  'fail-on'?: string | undefined
}

/** A catalog from a catalog.json, or compiled from markdown pages. */
export function loadCatalog(paths: string[], options: CompileFlags, io: Io): Catalog | undefined {
  if (paths.length === 1 && paths[0]!.endsWith('.json')) return readCatalog(paths[0]!, io.cwd)
  return compilePages(pageArguments(paths, io), options, io)
}

/**
 * Compile pages, print their diagnostics, and validate the result; undefined (nothing to write)
 * when the pages could not be read (a reading error). Findings never withhold the catalog.
 */
export function compilePages(paths: PagePath[], options: CompileFlags, io: Io): Catalog | undefined {
  failOnLevel(options)
  const config = readConfig(io.cwd, options.config)
  const {catalog} = compile(readPages(paths, io, config), {accept: config.accept ?? []})
  io.stderr.write(formatDiagnostics(catalog.diagnostics, {quiet: options.quiet ?? false}))

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

/** Read pages, each refused before reading when past the config's `maxPageSize`; a walked symbolic link is refused. */
export function readPages(paths: PagePath[], io: Io, config: Config): PageInput[] {
  return paths.map(({path, walked}) => {
    const value = readInput(path, io.cwd, {maxBytes: config.maxPageSize ?? defaultMaxPageBytes, noFollow: walked})
    return {path: pageName(displayPath(path, io.cwd)), value}
  })
}

export function emit(text: string, output: string | undefined, io: Io): void {
  if (output === undefined) io.stdout.write(text)
  else writeFileAtomic(resolve(io.cwd, output), text)
}
