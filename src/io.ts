/**
 * Files in and out: reading pages and catalogs with clear errors, and writing atomically so a
 * killed process never leaves a half-written file.
 */
import {mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {dirname, isAbsolute, relative, resolve, sep} from 'node:path'
import type {Catalog} from '../generated/catalog.js'
import {InputError} from './errors.js'
import {parseCatalog, validateAgainst, type SchemaName} from './validate.js'

/** The docs pages are about 10 KiB; a page past this is not one of them. */
export const maxPageBytes = 16 * 2 ** 20

/** Refuse a page of `bytes` past `maxPageBytes`, naming it, before it is read or parsed. */
export function checkPageSize(path: string, bytes: number): void {
  if (bytes > maxPageBytes) {
    throw new InputError(`${path}: ${(bytes / 2 ** 20).toFixed(1)} MiB, expected a documentation page under ${maxPageBytes / 2 ** 20} MiB`)
  }
}

/** Read a file's bytes, turning "missing" and "is a directory" into input errors. */
export function readInput(path: string, cwd: string): Buffer {
  const absolute = resolve(cwd, path)
  let stats
  try {
    stats = statSync(absolute)
  } catch {
    throw new InputError(`${path}: no such file`)
  }
  if (stats.isDirectory()) throw new InputError(`${path}: is a directory, expected a file`)
  try {
    return readFileSync(absolute)
  } catch (error) {
    throw new InputError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
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

/** Write a file by writing beside it and renaming, so readers see the old or the new file whole. */
export function writeFileAtomic(path: string, data: string): void {
  const temporary = `${path}.${process.pid}.tmp`
  try {
    mkdirSync(dirname(path), {recursive: true})
    writeFileSync(temporary, data)
    renameSync(temporary, path)
  } catch (error) {
    rmSync(temporary, {force: true})
    // Where the output cannot go (a file in the way, no permission, a full disk): the user's to fix.
    const code = (error as NodeJS.ErrnoException).code
    if (code !== undefined) throw new InputError(`${displayPath(path, process.cwd())}: cannot be written (${code})`)
    throw error
  }
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
