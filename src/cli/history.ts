/** `history`: replay dated page revisions into a catalog with its whole change feed. */
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join, resolve} from 'node:path'
import type {Config} from '../../generated/config.js'
import type {Diagnostic} from '../../generated/catalog.js'
import {compile} from '../compile/catalog.js'
import {compileOptionsOf, publishOptionsOf, readConfig} from '../config.js'
import {InputError} from '../errors.js'
import {fetchRepository} from '../git.js'
import type {PageInput} from '../compile/catalog.js'
import {checkPath, gitRevisions, type GitHistoryOptions} from '../feed/git-history.js'
import {dateRevision, replay, type DatedRevision, type RevisionOrigin} from '../feed/history.js'
import {withOutputLock} from '../feed/lock.js'
import {publishedFiles, readM365Ids, writePublished} from '../feed/store.js'
import {formatDiagnostics, formatDiagnosticsJson} from '../format/diagnostics.js'
import {publishedTexts} from '../format/published.js'
import {defaultMaxPageBytes, displayPath} from '../io.js'
import type {Skipped} from '../pages.js'
import {isBlocking} from '../rules.js'
import {errorCount, failOnExit, isDirectory, note, pagesIn, parse, readPages, reportFormat, reportOption, UsageError, type Io, type PagePath} from './common.js'

export async function historyCommand(args: string[], io: Io): Promise<number> {
  const {values, positionals} = parse(args, {out: {type: 'string'}, git: {type: 'string'}, follow: {type: 'string', multiple: true}, upstream: {type: 'boolean'}, ...reportOption})
  const print = reportFormat(values) === 'json' ? formatDiagnosticsJson : formatDiagnostics
  if (values.upstream && (positionals.length > 0 || values.git !== undefined)) throw new UsageError('--upstream replays the pages listed in endpoint-catalog.yaml: no revisions and no --git with it')
  if (positionals.length === 0 && !values.upstream) throw new UsageError('history needs page revisions: files, directories of dated revisions, pages in --git <repository>, or --upstream')
  if (values.out === undefined) throw new UsageError('history needs --out <directory> (its catalog and feed are replaced)')
  if (values.follow !== undefined && values.git === undefined && !values.upstream) throw new UsageError('--follow is an option of --git')
  const config = readConfig(io.cwd, values.config)
  const tree = {cwd: io.cwd, maxPageBytes: config.maxPageSize ?? defaultMaxPageBytes, onSkip: (skipped: Skipped) => note(skipped, io), onNote: (text: string) => io.stderr.write(`endpoint-catalog: ${text}\n`)}
  const pages: Array<{page: PageInput; origin?: RevisionOrigin}> = values.upstream
    ? upstreamRevisions(config, values.follow ?? [], tree)
    : values.git !== undefined
      ? gitRevisions(values.git, positionals, values.follow ?? [], tree)
      : readPages(historyPaths(positionals, io), io, config).map((page) => ({page}))

  const revisions: DatedRevision[] = []
  const diagnostics: Diagnostic[] = []
  let failing = 0
  for (const {page, origin} of pages) {
    const {catalog} = compile([page], compileOptionsOf(config))
    io.stderr.write(print(catalog.diagnostics, {quiet: values.quiet ?? false}))
    failing += catalog.diagnostics.filter(isBlocking).length
    for (const diagnostic of catalog.diagnostics) diagnostics.push(diagnostic)
    revisions.push(dateRevision(page, catalog, origin))
  }
  if (failing > 0) {
    io.stderr.write(`endpoint-catalog: ${errorCount(failing)}; nothing written\n`)
    return 1
  }
  const published = replay(revisions, {...compileOptionsOf(config), onNote: tree.onNote, order: values.upstream ? 'commit' : 'date'})!
  const out = values.out
  await withOutputLock(out, io.cwd, () => writePublished(out, publishedTexts(published, readM365Ids(out, io.cwd), publishOptionsOf(config)), io.cwd), {onWait: (message) => io.stderr.write(`endpoint-catalog: ${message}\n`)})
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

/**
 * The revisions of every page listed in `upstream` of the configuration: each repository fetched
 * once with its whole history (blobless, into a temporary directory removed afterwards), each page
 * followed across its moves, and named as the page it is copied to (`docs-source/…`), so the
 * history ends at the catalog `build` makes from those pages.
 */
function upstreamRevisions(config: Config, follows: string[], tree: GitHistoryOptions): Array<{page: PageInput; origin: RevisionOrigin}> {
  if (config.upstream === undefined) throw new UsageError('--upstream needs `upstream` in endpoint-catalog.yaml, listing the pages and their repositories')
  const fetched = mkdtempSync(join(tmpdir(), 'endpoint-catalog-history-'))
  try {
    const directories = new Map<string, string>()
    return config.upstream.flatMap((entry, index) => {
      for (const page of entry.pages) checkPath(page.page)
      if (!directories.has(entry.repository)) {
        const directory = join(fetched, String(index))
        fetchRepository(entry.repository, entry.ref, directory, tree.cwd, {history: true})
        directories.set(entry.repository, directory)
      }
      const named = new Map(entry.pages.map((page) => [page.path, page.page]))
      return gitRevisions(entry.repository, entry.pages.map((page) => page.path), follows, {...tree, directories}).map(({page, origin}) => {
        const name = named.get(origin.lineage) ?? origin.lineage
        return {page: {...page, path: name}, origin: {...origin, lineage: name}}
      })
    })
  } finally {
    rmSync(fetched, {recursive: true, force: true})
  }
}
