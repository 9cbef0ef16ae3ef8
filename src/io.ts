/**
 * Files in and out: reading pages and catalogs with clear errors, and writing atomically so a
 * killed process never leaves a half-written file.
 */
import {mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {dirname, isAbsolute, relative, resolve, sep} from 'node:path'
import type {Catalog} from '../generated/catalog.js'
import {InputError} from './errors.js'
import {parseCatalog} from './validate.js'

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
  mkdirSync(dirname(path), {recursive: true})
  const temporary = `${path}.${process.pid}.tmp`
  try {
    writeFileSync(temporary, data)
    renameSync(temporary, path)
  } catch (error) {
    rmSync(temporary, {force: true})
    throw error
  }
}

/** Serialise JSON the one way this tool does: two-space indent and a final newline. */
export function stringify(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n'
}
