/**
 * Files in and out: reading pages and catalogs with clear errors, and writing atomically so a
 * killed process never leaves a half-written file.
 */
import {closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, isAbsolute, relative, resolve, sep} from 'node:path'
import {randomBytes} from 'node:crypto'
import type {Catalog} from '../generated/catalog.js'
import {InputError} from './errors.js'
import {escapeControl} from './core/text.js'
import {parseCatalog, validateAgainst, type SchemaName} from './validate.js'

/**
 * The docs pages are about 10 KiB, the largest of the family about 100 KiB; a page past this is not
 * one of them (endpoint-catalog.yaml's `maxPageSize` changes it).
 */
export const defaultMaxPageBytes = 2 ** 20

/** Refuse a page of `bytes` past `limit`, naming it, before it is read or parsed. */
export function checkPageSize(path: string, bytes: number, limit = defaultMaxPageBytes): void {
  if (bytes > limit) {
    throw new InputError(`${escapeControl(path)}: ${formatBytes(bytes)}, expected a documentation page of at most ${formatBytes(limit)} (maxPageSize in endpoint-catalog.yaml)`)
  }
}

/** `1 MiB`, `17.2 MiB`, `900 KiB`, `512 bytes`. */
export function formatBytes(bytes: number): string {
  const [unit, size] = bytes >= 2 ** 20 ? ['MiB', 2 ** 20] : bytes >= 2 ** 10 ? ['KiB', 2 ** 10] : ['bytes', 1]
  const value = bytes / (size as number)
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit as string}`
}

export interface ReadOptions {
  /** Refuse a file past this many bytes before reading it (default: no limit). */
  maxBytes?: number
  /** Refuse a symbolic link instead of following it (default: false). */
  noFollow?: boolean
}

/**
 * Read a regular file's bytes: "missing", "is a directory", a FIFO or device, and a file past
 * `maxBytes` are input errors, found before any byte is read.
 */
export function readInput(path: string, cwd: string, options: ReadOptions = {}): Buffer {
  const absolute = resolve(cwd, path)
  const shown = escapeControl(path)
  let fd: number
  try {
    // Non-blocking, so that opening a FIFO does not wait for a writer; regular files read as usual.
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK | (options.noFollow ? constants.O_NOFOLLOW : 0))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError(`${shown}: no such file`)
    if (code === 'ELOOP') throw new InputError(`${shown}: a symbolic link, expected a regular file`)
    if (code === 'EISDIR') throw new InputError(`${shown}: is a directory, expected a file`)
    // A socket (standard input from some programs, as /dev/stdin) cannot be opened by its path.
    if (code === 'ENXIO') throw new InputError(`${shown}: not a regular file (a FIFO, socket or device), expected a file; \`-\` reads standard input`)
    throw new InputError(`${shown}: cannot be read (${code ?? 'error'})`)
  }
  try {
    const stats = fstatSync(fd)
    if (stats.isDirectory()) throw new InputError(`${shown}: is a directory, expected a file`)
    if (!stats.isFile()) throw new InputError(`${shown}: not a regular file (a FIFO, socket or device), expected a file; \`-\` reads standard input`)
    if (options.maxBytes !== undefined) checkPageSize(path, stats.size, options.maxBytes)
    return readFileSync(fd)
  } catch (error) {
    if (error instanceof InputError) throw error
    throw new InputError(`${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  } finally {
    closeSync(fd)
  }
}

/** Read and validate a catalog JSON file. */
export function readCatalog(path: string, cwd: string): Catalog {
  return parseCatalog(readInput(path, cwd).toString('utf8'), path)
}

/** A path as the catalog records it: relative to `cwd`, with `/` separators. */
export function displayPath(path: string, cwd: string): string {
  const absolute = resolve(cwd, path)
  const rel = relative(cwd, absolute)
  return (isAbsolute(rel) ? absolute : rel).split(sep).join('/')
}

/**
 * Write a file by writing beside it and renaming, so readers see the old or the new file whole.
 * The file beside it has a name no one can guess (`catalog.json.<pid>-<random>.tmp`) and is
 * created new (`wx`): a file or link planted there is never written through, and never removed.
 */
export function writeFileAtomic(path: string, data: string): void {
  const temporary = temporaryName(path)
  let created = false
  try {
    mkdirSync(dirname(path), {recursive: true})
    const fd = openSync(temporary, 'wx', 0o644)
    created = true
    try {
      writeFileSync(fd, data)
    } finally {
      closeSync(fd)
    }
    renameSync(temporary, path)
  } catch (error) {
    if (created) rmSync(temporary, {force: true})
    // Where the output cannot go (a file in the way, no permission, a full disk): the user's to fix.
    const code = (error as NodeJS.ErrnoException).code
    if (code !== undefined) throw new InputError(`${displayPath(path, process.cwd())}: cannot be written (${code})`)
    throw error
  }
}

/** `<path>.<pid>-<12 hex>.tmp`: this process's, and unpredictable. */
function temporaryName(path: string): string {
  return `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`
}

/** The pid in a temporary name `writeFileAtomic` gave beside `name`, or undefined when `entry` is not one. */
export function temporaryOwner(entry: string, name: string): number | undefined {
  if (!entry.startsWith(name + '.')) return undefined
  const match = /^\.(\d+)-[0-9a-f]{12}\.tmp$/.exec(entry.slice(name.length))
  return match ? Number(match[1]) : undefined
}

/** Serialise JSON the one way this tool does: two-space indent and a final newline. */
export function stringify(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n'
}

/**
 * The JSON text of a document this tool is about to write, after checking it against its schema: a
 * mismatch is a bug here, reported as such and never written.
 */
export function checkedJson(name: SchemaName, value: unknown): string {
  const errors = validateAgainst(name, value)
  if (errors.length > 0) {
    throw new Error(`the ${name} to write does not match its schema: ${errors.map((e) => `${e.pointer} ${e.message}`).join('; ')}`)
  }
  return stringify(value)
}
