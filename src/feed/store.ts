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
import {catalogName} from '../compile/service.js'
import {formatChangelog, renderReleases} from '../format/changelog.js'
import {assignM365Ids} from '../format/m365.js'
import {checkedJson, readCatalog, readInput, temporaryOwner, writeFileAtomic} from '../io.js'
import {parseDocument} from '../validate.js'
import {publishedFiles} from './files.js'
import {changesSchemaVersion, type Published} from './release.js'

export {publishedFiles}

export interface PublishOptions {
  /** Where the Atom feed is published, for its `rel="self"` link (default: none). */
  feedUrl?: string
}

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
 * Write the catalog, its feed, changelog, Atom feed and the endpoint-set numbers (the recorded
 * ones and any new) to `directory`, the catalog last; unchanged files are left alone. The caller
 * holds the directory's lock (`withOutputLock`).
 */
export function writePublished(directory: string, published: Published, cwd: string, options: PublishOptions = {}): void {
  const files = publishedTexts(directory, published, cwd, options)
  removeLeftovers(resolve(cwd, directory))
  for (const [name, text] of files) {
    const path = resolve(cwd, directory, name)
    if (!sameText(path, text)) writeFileAtomic(path, text)
  }
}

/** The names of the files in `directory` that `writePublished` would change (none: all up to date). */
export function changedPublished(directory: string, published: Published, cwd: string, options: PublishOptions = {}): string[] {
  return publishedTexts(directory, published, cwd, options)
    .filter(([name, text]) => !sameText(resolve(cwd, directory, name), text))
    .map(([name]) => name)
}

/** Each published file's name and text, the catalog last. */
function publishedTexts(directory: string, published: Published, cwd: string, options: PublishOptions): Array<[string, string]> {
  const ids = assignM365Ids(readM365Ids(directory, cwd), published.feed, published.catalog)
  const atom = {name: catalogName(published.catalog), ...(options.feedUrl === undefined ? {} : {selfUrl: options.feedUrl})}
  return [
    [publishedFiles.feed, checkedJson('changes', published.feed)],
    [publishedFiles.changelog, formatChangelog(published.feed)],
    [publishedFiles.atom, renderReleases(published.feed.versions, published.feed, 'atom', undefined, atom).text],
    [publishedFiles.m365Ids, checkedJson('m365Ids', ids)],
    [publishedFiles.catalog, checkedJson('catalog', published.catalog)]
  ]
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

