/** `changes`: every change in a feed after a version. */
import {existsSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import type {ChangeFeed} from '../../generated/changes.js'
import {publishedFiles, readM365Ids} from '../feed/store.js'
import {changesSince} from '../feed/since.js'
import {emptyVersion, isVersion} from '../feed/version.js'
import {changesFormats, renderReleases, type ChangesFormat} from '../format/changelog.js'
import {catalogName} from '../compile/service.js'
import {readConfig} from '../config.js'
import {readCatalog} from '../io.js'
import {parseDocument} from '../validate.js'
import {checkOutput, emit, parse, readKind, refuseBuildFolder, UsageError, type Io} from './common.js'

/** `changes --since <version> [changes.json|-]`: the arguments after the command name; returns the exit code. */
export function changesCommand(args: string[], io: Io): number {
  const {values, positionals} = parse(args, {since: {type: 'string'}, format: {type: 'string'}, output: {type: 'string', short: 'o'}}, {})
  if (positionals.length > 1) throw new UsageError('changes takes at most one changes.json')
  const since = values.since
  if (since === undefined) throw new UsageError(`changes needs --since <version> (${emptyVersion} for all of them)`)
  if (!isVersion(since)) throw new UsageError(`--since ${since}: expected a version of ten digits, YYYYMMDDNN`)
  const format = values.format ?? 'text'
  if (!changesFormats.includes(format as ChangesFormat)) throw new UsageError(`--format must be one of ${changesFormats.join(', ')}`)

  const path = positionals[0] ?? join('generated', publishedFiles.feed)
  refuseBuildFolder(path, io, publishedFiles.feed)
  checkOutput(values.output, [path], io)
  const feed = parseDocument<ChangeFeed>('changes', readKind(path, io, 'changes', 'a change feed (changes.json)').toString('utf8'), path)
  // The catalog is written last: a feed record newer than the catalog beside it is not published yet.
  const catalogPath = join(dirname(path), publishedFiles.catalog)
  const catalog = path !== '-' && existsSync(resolve(io.cwd, catalogPath)) ? readCatalog(catalogPath, io.cwd) : undefined
  const releases = changesSince(feed, since, catalog?.version)
  if (releases.length === 0) io.stderr.write(`no changes since ${since}: it is the latest version\n`)
  const ids = format === 'm365' && path !== '-' ? readM365Ids(dirname(path), io.cwd) : undefined
  // The Atom feed is named as `build` names it: after the catalog, at the address in endpoint-catalog.yaml.
  const config = format === 'atom' ? readConfig(io.cwd) : {}
  const name = catalog === undefined ? config.name : catalogName(catalog)
  const atom = {...(name === undefined ? {} : {name}), ...(config.feedUrl === undefined ? {} : {selfUrl: config.feedUrl})}
  const rendered = renderReleases(releases, feed, format as ChangesFormat, ids, atom)
  emit(rendered.text, values.output, io)
  for (const note of rendered.notes) io.stderr.write(note + '\n')
  return 0
}
