/** `history`: replay dated page revisions into a catalog with its whole change feed. */
import {basename, join, resolve} from 'node:path'
import type {Diagnostic} from '../../generated/catalog.js'
import {compile} from '../compile/catalog.js'
import {readConfig} from '../config.js'
import {InputError} from '../errors.js'
import type {PageInput} from '../compile/catalog.js'
import {gitRevisions} from '../feed/git-history.js'
import {dateRevision, replay, type DatedRevision, type RevisionOrigin} from '../feed/history.js'
import {withOutputLock} from '../feed/lock.js'
import {publishedFiles, readM365Ids, writePublished} from '../feed/store.js'
import {formatDiagnostics} from '../format/diagnostics.js'
import {publishedTexts} from '../format/published.js'
import {defaultMaxPageBytes, displayPath} from '../io.js'
import type {Skipped} from '../pages.js'
import {isBlocking} from '../rules.js'
import {errorCount, failOnExit, isDirectory, note, pagesIn, parse, readPages, UsageError, type Io, type PagePath} from './common.js'

export async function historyCommand(args: string[], io: Io): Promise<number> {
  const {values, positionals} = parse(args, {out: {type: 'string'}, git: {type: 'string'}, follow: {type: 'string', multiple: true}})
  if (positionals.length === 0) throw new UsageError('history needs page revisions: files, directories of dated revisions, or pages in --git <repository>')
  if (values.out === undefined) throw new UsageError('history needs --out <directory> (its catalog and feed are replaced)')
  if (values.follow !== undefined && values.git === undefined) throw new UsageError('--follow is an option of --git')
  const config = readConfig(io.cwd, values.config)
  const tree = {cwd: io.cwd, maxPageBytes: config.maxPageSize ?? defaultMaxPageBytes, onSkip: (skipped: Skipped) => note(skipped, io), onNote: (text: string) => io.stderr.write(`endpoint-catalog: ${text}\n`)}
  const pages: Array<{page: PageInput; origin?: RevisionOrigin}> =
    values.git !== undefined ? gitRevisions(values.git, positionals, values.follow ?? [], tree) : readPages(historyPaths(positionals, io), io, config).map((page) => ({page}))

  const revisions: DatedRevision[] = []
  const diagnostics: Diagnostic[] = []
  let failing = 0
  for (const {page, origin} of pages) {
    const {catalog} = compile([page], {accept: config.accept ?? []})
    io.stderr.write(formatDiagnostics(catalog.diagnostics, {quiet: values.quiet ?? false}))
    failing += catalog.diagnostics.filter(isBlocking).length
    for (const diagnostic of catalog.diagnostics) diagnostics.push(diagnostic)
    revisions.push(dateRevision(page, catalog, origin))
  }
  if (failing > 0) {
    io.stderr.write(`endpoint-catalog: ${errorCount(failing)}; nothing written\n`)
    return 1
  }
  const published = replay(revisions, {accept: config.accept ?? [], onNote: tree.onNote})!
  const out = values.out
  await withOutputLock(out, io.cwd, () => writePublished(out, publishedTexts(published, readM365Ids(out, io.cwd)), io.cwd))
  io.stdout.write(
    `${displayPath(join(values.out, publishedFiles.catalog), io.cwd)}: version ${published.catalog.version}, ` +
      `${published.feed.versions.length} ${published.feed.versions.length === 1 ? 'version' : 'versions'} from ${revisions.length} revisions\n`
  )
  return failOnExit(diagnostics, values, io)
}

/** The revision files of `history`'s arguments: a directory stands for its dated revisions. */
function historyPaths(positionals: string[], io: Io): PagePath[] {
  const paths = positionals.flatMap((path) => (isDirectory(resolve(io.cwd, path)) ? pagesIn(path, io, isDatedRevision) : [{path, walked: false}]))
  if (paths.length === 0) throw new InputError(`${positionals.join(', ')}: no dated revisions (files named like 2021-09-01.md)`)
  return paths
}

/** A dated revision's name (`2021-09-01.md`, at any depth). */
function isDatedRevision(relative: string): boolean {
  return /\d{4}-\d{2}-\d{2}.*\.md$/.test(basename(relative))
}
