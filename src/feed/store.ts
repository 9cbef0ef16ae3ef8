/**
 * The published files in an output directory: catalog.json, changes.json, CHANGELOG.md,
 * changes.atom and m365-ids.json. Each is validated before it is written, and written atomically;
 * catalog.json goes last, so it is the commit point: a build stopped anywhere leaves the old catalog, with a feed at most one record
 * ahead, which `changes` ignores and the next build drops.
 */
import {existsSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {join, resolve} from 'node:path'
import type {ChangeFeed} from '../../generated/changes.js'
import {InputError} from '../errors.js'
import type {M365Ids} from '../../generated/m365-ids.js'
import {readCatalog, readInput, temporaryOwner, writeFileAtomic} from '../io.js'
import {parseDocument} from '../validate.js'
import {publishedFiles} from './files.js'
import {changesSchemaVersion, type Published} from './release.js'

export {publishedFiles}

/** A published file's name and its text, as rendered by format/published.ts. */
export type PublishedText = [name: string, text: string]

/** The catalog and feed published in `directory`; undefined when it has no catalog yet. */
export function readPublished(directory: string, cwd: string): Published | undefined {
  const catalogPath = join(directory, publishedFiles.catalog)
  const feedPath = join(directory, publishedFiles.feed)
  const hasFeed = existsSync(resolve(cwd, feedPath))
  if (!existsSync(resolve(cwd, catalogPath))) {
    if (hasFeed) throw new InputError(`${feedPath}: a change feed without ${catalogPath}; restore the catalog, or remove the feed to start anew`)
    return undefined
  }
  const catalog = readCatalog(catalogPath, cwd)
  const feed: ChangeFeed = hasFeed ? readFeed(feedPath, cwd) : {schemaVersion: changesSchemaVersion, versions: []}
  return {catalog, feed}
}

/** Read and validate a change feed (changes.json). */
export function readFeed(path: string, cwd: string): ChangeFeed {
  return parseDocument<ChangeFeed>('changes', readInput(path, cwd).toString('utf8'), path)
}

/** The endpoint-set numbers recorded in `directory` (m365-ids.json); undefined when there are none yet. */
export function readM365Ids(directory: string, cwd: string): M365Ids | undefined {
  const path = join(directory, publishedFiles.m365Ids)
  if (!existsSync(resolve(cwd, path))) return undefined
  return parseDocument<M365Ids>('m365Ids', readInput(path, cwd).toString('utf8'), path)
}

/**
 * Write the published files (the catalog, its feed, changelog, Atom feed and the endpoint-set
 * numbers, rendered by format/published.ts) to `directory` in their order, the catalog last;
 * unchanged files are left alone. The caller holds the directory's lock (`withOutputLock`).
 */
export function writePublished(directory: string, files: PublishedText[], cwd: string): void {
  removeLeftovers(resolve(cwd, directory))
  for (const [name, text] of files) {
    const path = resolve(cwd, directory, name)
    if (!sameText(path, text)) writeFileAtomic(path, text)
  }
}

/** The names of the files in `directory` that `writePublished` would change (none: all up to date). */
export function changedPublished(directory: string, files: PublishedText[], cwd: string): string[] {
  return files
    .filter(([name, text]) => !sameText(resolve(cwd, directory, name), text))
    .map(([name]) => name)
}

/**
 * Temporary files of a build that was stopped before its rename (`catalog.json.1234-….tmp`):
 * only those of processes no longer running; the caller holds the output directory's lock.
 */
function removeLeftovers(directory: string): void {
  const names = Object.values(publishedFiles)
  let entries: string[]
  try {
    entries = readdirSync(directory)
  } catch {
    return
  }
  for (const entry of entries) {
    const owner = names.map((name) => temporaryOwner(entry, name)).find((pid) => pid !== undefined)
    if (owner !== undefined && owner !== process.pid && !isRunning(owner)) rmSync(join(directory, entry), {force: true})
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function sameText(path: string, text: string): boolean {
  try {
    return readFileSync(path, 'utf8') === text
  } catch {
    return false
  }
}

