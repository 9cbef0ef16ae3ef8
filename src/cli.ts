/**
 * The command line: parse arguments, call the library, print, and exit with
 * 0 (done), 1 (errors in the input, or a check failed) or 2 (usage or unreadable input).
 */
import {existsSync, statSync} from 'node:fs'
import {basename, dirname, join, resolve} from 'node:path'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import type {Catalog, Cloud, Diagnostic} from '../generated/catalog.js'
import type {Config} from '../generated/config.js'
import {compareText, compile, type PageInput} from './compile/catalog.js'
import {readConfig} from './config.js'
import {destinationKey} from './diff/diff.js'
import {cloudIds} from './diff/clouds.js'
import {changeRules, diff, hasChangeAtLeast} from './diff/index.js'
import {InputError} from './errors.js'
import {gitRevisions} from './feed/git-history.js'
import {dateRevision, replay, type DatedRevision, type RevisionOrigin} from './feed/history.js'
import {release, type Published} from './feed/release.js'
import {changesSince} from './feed/since.js'
import {withOutputLock} from './feed/lock.js'
import {publishedFiles, readFeed, readM365Ids, readPublished, writePublished} from './feed/store.js'
import {emptyVersion, isVersion} from './feed/version.js'
import {changesFormats, renderReleases, type ChangesFormat} from './format/changelog.js'
import {countLine, formatDiagnostics} from './format/diagnostics.js'
import {formatDiffJson} from './format/diff-json.js'
import {formatDiffMarkdown} from './format/diff-markdown.js'
import {countText, formatDiffText} from './format/diff-text.js'
import {exportCatalog, exportFormats, type ExportFormat, type ExportOptions} from './format/export.js'
import {FilterError, parseFilter} from './format/filter.js'
import {pagesAtRevision, resolveCommit} from './git.js'
import {defaultMaxPageBytes, displayPath, readCatalog, readInput, stringify, writeFileAtomic} from './io.js'
import {pageName, pagesInDirectory, skippedNote, type Skipped} from './pages.js'
import {atLeast, diagnosticRules, isBlocking, type Level} from './rules.js'
import {contentHashMismatch, validateAgainst} from './validate.js'

export interface Io {
  stdout: {write(text: string): unknown; isTTY?: boolean}
  stderr: {write(text: string): unknown}
  cwd: string
}

const help = `Usage: endpoint-catalog <command> [options]

Commands:
  build [--source dir] [--out dir]        compile docs-source/*.md into generated/catalog.json; when
                                          the content changed, a new version, recorded in
                                          generated/changes.json and CHANGELOG.md
  changes --since <version> [changes.json] [--format text|markdown|json|atom|m365]
                                          every change after that version (default feed:
                                          generated/changes.json; --since 0000000000 for all)
  history <revision.md | dir>... --out dir
                                          replay dated page revisions (ms.date, or 2021-09-01.md
                                          names) into a catalog with its whole change feed
  history --git <repository> <path.md>... [--follow [repo:]old.md=[repo:]new.md] --out dir
                                          the same from every commit that touched the pages
  compile <file.md | dir>... [-o file]    print the catalog of the given pages (or write it to a file)
  export <catalog.json | file.md...> --format <format> [-o file] [filters]
                                          a catalog for a firewall, proxy or script; formats:
                                          csv, json, txt, hosts, ips, cidrs, edl, squid [--acl name],
                                          pac [--proxy "PROXY h:p"] [--default "PROXY h:p"], m365
                                          filters: --required, --cloud <cloud>, --section <text>,
                                          --route internet|expressroute, --kind host,wildcard,...
  validate <catalog.json>                 check a catalog against schema/catalog.schema.json
  diff <old> <new> [--format text|markdown|json] [--fail-on error|warning|info] [-o file]
       [--cloud public|usgov-gcc|usgov-gcchigh|usgov-dod|china]
                                          what changed: each side a catalog.json, a page, or a
                                          directory of pages; --cloud: that cloud's only
  diff --base <ref> [--head <ref>] [--source dir]
                                          the same, for docs-source/ at two git revisions
  rules [--format text|json]              list the diagnostic and change rule ids

Options:
  --fail-on error|warning|info|none
             exit 1 when a diagnostic (reading problem or finding, not accepted in the config)
             is at or above this level; the output is written all the same (build, compile,
             export, history); for diff, a change at or above it
  --strict   the same as --fail-on warning
  --config   the file of accepted findings (default: endpoint-catalog.yaml, when present)
  --quiet    do not print info diagnostics
  -h, --help show this help

Exit codes: 0 done, 1 errors reading the input (nothing written), or a diagnostic or change at or
above --fail-on, 2 usage or unreadable input.
`

class UsageError extends Error {}

/** Run the command line; returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await run(argv, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`endpoint-catalog: ${error.message}\n\n${help}`)
      return 2
    }
    if (error instanceof InputError) {
      io.stderr.write(`endpoint-catalog: ${error.message}\n`)
      return 2
    }
    const detail = error instanceof Error ? error.message : String(error)
    io.stderr.write(`endpoint-catalog: unexpected failure: ${detail}\n`)
    return 70
  }
}

function run(argv: string[], io: Io): number | Promise<number> {
  const [first, ...rest] = argv
  const command = rest.includes('--help') || rest.includes('-h') ? 'help' : first
  if (command === undefined) throw new UsageError('missing command')
  if (command === 'help' || command === '--help' || command === '-h') {
    io.stdout.write(help)
    return 0
  }
  const handler = Object.hasOwn(commands, command) ? commands[command] : undefined
  if (!handler) throw new UsageError(`unknown command \`${command}\``)
  return handler(rest, io)
}

const shared = {
  strict: {type: 'boolean'},
  'fail-on': {type: 'string'},
  config: {type: 'string'},
  quiet: {type: 'boolean'}
} as const satisfies ParseArgsConfig['options']

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({args, options: {...shared, ...options}, allowPositionals: true, strict: true})
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

async function build(args: string[], io: Io): Promise<number> {
  const {values, positionals} = parse(args, {source: {type: 'string'}, out: {type: 'string'}})
  if (positionals.length > 0) throw new UsageError('build takes no file arguments')
  const source = values.source ?? 'docs-source'
  const out = values.out ?? 'generated'
  const paths = pagesIn(source, io)
  if (paths.length === 0) throw new InputError(`${source}: no markdown pages`)

  const catalog = compilePages(paths, values, io)
  if (!catalog) return 1
  // Read, release and write under the lock: a build running beside this one waits.
  await withOutputLock(out, io.cwd, () => {
    const previous = readPublished(out, io.cwd)
    const published = release(catalog, previous)
    writePublished(out, published, io.cwd)
    report(out, published, previous, io)
  })
  return failOnExit(catalog.diagnostics, values, io)
}

/** `generated/catalog.json: version …, new|unchanged`, with the counts of the catalog and its latest changes. */
function report(out: string, published: Published, previous: Published | undefined, io: Io): void {
  const {catalog, feed} = published
  const latest = feed.versions[0]!
  const isNew = previous?.catalog.version !== catalog.version
  const destinations = new Set(catalog.endpointSets.flatMap((set) => set.destinations.map(destinationKey)))
  io.stdout.write(
    `${displayPath(join(out, 'catalog.json'), io.cwd)}: version ${catalog.version}` +
      (isNew ? ` (new: ${countText(latest.counts)} since ${latest.previous ?? 'an empty catalog'})` : ' (unchanged)') +
      `, ${catalog.endpointSets.length} endpoint sets, ${destinations.size} destinations, ` +
      `${catalog.expressRoute.exceptions.length} ExpressRoute exceptions (${countLine(catalog.diagnostics)})\n`
  )
}

function compileCommand(args: string[], io: Io): number {
  const {values, positionals} = parse(args, {output: {type: 'string', short: 'o'}})
  if (positionals.length === 0) throw new UsageError('compile needs at least one markdown file')
  const catalog = compilePages(pageArguments(positionals, io), values, io)
  if (!catalog) return 1
  emit(stringify(catalog), values.output, io)
  return failOnExit(catalog.diagnostics, values, io)
}

function exportCommand(args: string[], io: Io): number {
  const {values, positionals} = parse(args, {
    format: {type: 'string'},
    output: {type: 'string', short: 'o'},
    ...filterOptions,
    proxy: {type: 'string'},
    default: {type: 'string'},
    acl: {type: 'string'}
  })
  if (positionals.length === 0) throw new UsageError('export needs a catalog.json or markdown files')
  const format = values.format
  if (!exportFormats.includes(format as ExportFormat)) {
    throw new UsageError(`--format must be one of ${exportFormats.join(', ')}`)
  }
  if (format !== 'pac' && (values.proxy !== undefined || values.default !== undefined)) throw new UsageError('--proxy and --default are options of --format pac')
  if (format !== 'squid' && values.acl !== undefined) throw new UsageError('--acl is an option of --format squid')
  const catalog = loadCatalog(positionals, values, io)
  if (!catalog) return 1
  const fromJson = positionals.length === 1 && positionals[0]!.endsWith('.json')
  const options: ExportOptions = {filter: usage(() => parseFilter(values))}
  if (values.proxy !== undefined) options.proxy = values.proxy
  if (values.default !== undefined) options.fallback = values.default
  if (values.acl !== undefined) options.acl = values.acl
  const ids = format === 'm365' && fromJson ? readM365Ids(dirname(positionals[0]!), io.cwd) : undefined
  if (ids !== undefined) options.m365Ids = ids
  const rendered = usage(() => exportCatalog(catalog, format as ExportFormat, options))
  emit(rendered.text, values.output, io)
  for (const note of rendered.notes) io.stderr.write(note + '\n')
  return failOnExit(catalog.diagnostics, values, io)
}

/** The filter options every export format takes. */
const filterOptions = {
  required: {type: 'boolean'},
  cloud: {type: 'string'},
  section: {type: 'string'},
  route: {type: 'string'},
  kind: {type: 'string'}
} as const satisfies ParseArgsConfig['options']

/** Run `fn`, turning a bad filter or format option into a usage error. */
function usage<T>(fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (error instanceof FilterError || error instanceof RangeError) throw new UsageError(error.message)
    throw error
  }
}

function validateCommand(args: string[], io: Io): number {
  const {positionals} = parse(args, {})
  if (positionals.length !== 1) throw new UsageError('validate takes one catalog.json')
  const path = positionals[0]!
  const text = readInput(path, io.cwd).toString('utf8')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    io.stderr.write(`${path}: not valid JSON (${(error as Error).message})\n`)
    return 1
  }
  const errors = validateAgainst('catalog', value)
  const mismatch = errors.length === 0 ? contentHashMismatch(value as Catalog) : undefined
  if (mismatch !== undefined) errors.push({pointer: '/contentHash', message: mismatch})
  if (errors.length === 0) {
    io.stdout.write(`${path}: valid catalog\n`)
    return 0
  }
  for (const error of errors) io.stderr.write(`${path}: ${error.pointer || '/'}  ${error.message}\n`)
  io.stderr.write(`${errors.length} schema ${errors.length === 1 ? 'error' : 'errors'}\n`)
  return 1
}

const diffFormats = ['text', 'markdown', 'json'] as const
const levels: Level[] = ['error', 'warning', 'info']

function diffCommand(args: string[], io: Io): number {
  const {values, positionals} = parse(args, {
    format: {type: 'string'},
    'fail-on': {type: 'string'},
    output: {type: 'string', short: 'o'},
    base: {type: 'string'},
    head: {type: 'string'},
    source: {type: 'string'},
    cloud: {type: 'string'}
  })
  const format = values.format ?? 'text'
  if (!diffFormats.includes(format as (typeof diffFormats)[number])) throw new UsageError(`--format must be one of ${diffFormats.join(', ')}`)
  const failOn = failOnLevel(values)
  const cloud = values.cloud
  if (cloud !== undefined && !cloudIds.includes(cloud as Cloud)) throw new UsageError(`--cloud must be one of ${cloudIds.join(', ')}`)

  let before: Catalog
  let after: Catalog
  let commits: {from: string; to: string} | undefined
  if (values.base !== undefined) {
    if (positionals.length > 0) throw new UsageError('diff takes either <old> <new> or --base/--head, not both')
    const source = values.source ?? 'docs-source'
    const config = readConfig(io.cwd, values.config)
    const accept = config.accept ?? []
    const tree = {maxPageBytes: config.maxPageSize ?? defaultMaxPageBytes, onSkip: (skipped: Skipped) => note(skipped, io)}
    commits = {from: resolveCommit(values.base, io.cwd), to: resolveCommit(values.head ?? 'HEAD', io.cwd)}
    before = compile(pagesAtRevision(commits.from, source, io.cwd, tree), {accept}).catalog
    after = compile(pagesAtRevision(commits.to, source, io.cwd, tree), {accept}).catalog
  } else {
    if (positionals.length !== 2) throw new UsageError('diff needs <old> and <new> (or --base <ref>)')
    before = sideCatalog(positionals[0]!, values.config, io)
    after = sideCatalog(positionals[1]!, values.config, io)
  }

  const document = diff(before, after, {cloud: cloud as Cloud | undefined, ...(commits ? {commits} : {})})
  const text =
    format === 'json'
      ? formatDiffJson(document)
      : format === 'markdown'
        ? formatDiffMarkdown(document)
        : formatDiffText(document, {color: values.output === undefined && io.stdout.isTTY === true && !process.env['NO_COLOR']})
  emit(text, values.output, io)
  return failOn !== undefined && hasChangeAtLeast(document, failOn) ? 1 : 0
}

/** One side of a diff: a catalog.json, a page, or a directory of pages (compiled quietly). */
function sideCatalog(path: string, config: string | undefined, io: Io): Catalog {
  if (path.endsWith('.json')) return readCatalog(path, io.cwd)
  const settings = readConfig(io.cwd, config)
  const paths = pageArguments([path], io)
  if (paths.length === 0) throw new InputError(`${path}: no markdown pages`)
  return compile(readPages(paths, io, settings), {accept: settings.accept ?? []}).catalog
}

/** A page to read, and whether it was found by walking a directory (then a symbolic link is refused). */
interface PagePath {
  path: string
  walked: boolean
}

/** The pages in `directory` as src/pages.ts chooses them (optionally narrowed by `select`), with a note for each file skipped. */
function pagesIn(directory: string, io: Io, select?: (relative: string) => boolean): PagePath[] {
  const listing = pagesInDirectory(directory, io.cwd, select)
  for (const skipped of listing.skipped) note(skipped, io)
  return listing.paths.map((path) => ({path, walked: true}))
}

/** Page arguments: a directory stands for its pages (an input error when it has none), a file for itself. */
function pageArguments(paths: string[], io: Io): PagePath[] {
  return paths.flatMap((path) => {
    if (!isDirectory(resolve(io.cwd, path))) return [{path, walked: false}]
    const pages = pagesIn(path, io)
    if (pages.length === 0) throw new InputError(`${path}: no markdown pages`)
    return pages
  })
}

function note(skipped: Skipped, io: Io): void {
  io.stderr.write(`endpoint-catalog: ${skippedNote(skipped)}\n`)
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

function changesCommand(args: string[], io: Io): number {
  const {values, positionals} = parse(args, {since: {type: 'string'}, format: {type: 'string'}, output: {type: 'string', short: 'o'}})
  if (positionals.length > 1) throw new UsageError('changes takes at most one changes.json')
  const since = values.since
  if (since === undefined) throw new UsageError(`changes needs --since <version> (${emptyVersion} for all of them)`)
  if (!isVersion(since)) throw new UsageError(`--since ${since}: expected a version of ten digits, YYYYMMDDNN`)
  const format = values.format ?? 'text'
  if (!changesFormats.includes(format as ChangesFormat)) throw new UsageError(`--format must be one of ${changesFormats.join(', ')}`)

  const path = positionals[0] ?? join('generated', publishedFiles.feed)
  const feed = readFeed(path, io.cwd)
  // The catalog is written last: a feed record newer than the catalog beside it is not published yet.
  const catalogPath = join(dirname(path), publishedFiles.catalog)
  const catalogVersion = existsSync(resolve(io.cwd, catalogPath)) ? readCatalog(catalogPath, io.cwd).version : undefined
  const releases = changesSince(feed, since, catalogVersion)
  if (releases.length === 0) io.stderr.write(`no changes since ${since}: it is the latest version\n`)
  const ids = format === 'm365' ? readM365Ids(dirname(path), io.cwd) : undefined
  const rendered = renderReleases(releases, feed, format as ChangesFormat, ids)
  emit(rendered.text, values.output, io)
  for (const note of rendered.notes) io.stderr.write(note + '\n')
  return 0
}

async function historyCommand(args: string[], io: Io): Promise<number> {
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
  await withOutputLock(out, io.cwd, () => writePublished(out, published, io.cwd))
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

function rulesCommand(args: string[], io: Io): number {
  const {values, positionals} = parse(args, {format: {type: 'string'}})
  if (positionals.length > 0) throw new UsageError('rules takes no arguments')
  const rules = [
    ...Object.entries(diagnosticRules).map(([id, rule]) => ({id, kind: 'diagnostic', level: rule.level, category: rule.kind, description: rule.description})),
    ...Object.entries(changeRules).map(([id, rule]) => ({
      id,
      kind: 'change',
      level: 'requiredLevel' in rule ? `${rule.level}|${rule.requiredLevel}` : rule.level,
      description: rule.description
    }))
  ]
  if (values.format === 'json') {
    io.stdout.write(stringify(rules))
  } else if (values.format === undefined || values.format === 'text') {
    const width = rules.reduce((widest, rule) => Math.max(widest, rule.id.length), 0)
    for (const kind of ['diagnostic', 'change']) {
      io.stdout.write(`${kind} rules:\n`)
      for (const rule of rules.filter((r) => r.kind === kind)) {
        const level = 'category' in rule ? `${rule.level} (${rule.category})` : rule.level
        io.stdout.write(`  ${rule.id.padEnd(width)}  ${level.padEnd(17)}  ${rule.description}\n`)
      }
    }
  } else {
    throw new UsageError('--format must be text or json')
  }
  return 0
}

/** Each command by its name on the command line. */
const commands: Record<string, (args: string[], io: Io) => number | Promise<number>> = {
  build,
  compile: compileCommand,
  export: exportCommand,
  validate: validateCommand,
  diff: diffCommand,
  changes: changesCommand,
  history: historyCommand,
  rules: rulesCommand
}

interface CompileFlags {
  strict?: boolean | undefined
  quiet?: boolean | undefined
  config?: string | undefined
  'fail-on'?: string | undefined
}

/** A catalog from a catalog.json, or compiled from markdown pages. */
function loadCatalog(paths: string[], options: CompileFlags, io: Io): Catalog | undefined {
  if (paths.length === 1 && paths[0]!.endsWith('.json')) return readCatalog(paths[0]!, io.cwd)
  return compilePages(pageArguments(paths, io), options, io)
}

/**
 * Compile pages, print their diagnostics, and validate the result; undefined (nothing to write)
 * when the pages could not be read (a reading error). Findings never withhold the catalog.
 */
function compilePages(paths: PagePath[], options: CompileFlags, io: Io): Catalog | undefined {
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
function errorCount(count: number): string {
  return `${count} ${count === 1 ? 'error' : 'errors'}`
}

/** The level of `--fail-on` (`--strict` is `warning`), undefined for none. */
function failOnLevel(options: CompileFlags): Level | undefined {
  const value = options['fail-on']
  if (value === undefined) return options.strict ? 'warning' : undefined
  if (value === 'none') return undefined
  if (!levels.includes(value as Level)) throw new UsageError('--fail-on must be error, warning, info or none')
  return value as Level
}

/** 1 when a diagnostic not accepted in the config is at or above `--fail-on`, saying so; else 0. */
function failOnExit(diagnostics: Diagnostic[], options: CompileFlags, io: Io): number {
  const level = failOnLevel(options)
  if (level === undefined) return 0
  const failing = diagnostics.filter((d) => d.accepted === undefined && atLeast(d.severity, level))
  if (failing.length === 0) return 0
  io.stderr.write(`endpoint-catalog: ${failing.length} ${failing.length === 1 ? 'diagnostic' : 'diagnostics'} at or above ${level} (--fail-on ${level}${options.strict && options['fail-on'] === undefined ? ', from --strict' : ''})\n`)
  return 1
}

/** Read pages, each refused before reading when past the config's `maxPageSize`; a walked symbolic link is refused. */
function readPages(paths: PagePath[], io: Io, config: Config): PageInput[] {
  return paths.map(({path, walked}) => {
    const value = readInput(path, io.cwd, {maxBytes: config.maxPageSize ?? defaultMaxPageBytes, noFollow: walked})
    return {path: pageName(displayPath(path, io.cwd)), value}
  })
}

function emit(text: string, output: string | undefined, io: Io): void {
  if (output === undefined) io.stdout.write(text)
  else writeFileAtomic(resolve(io.cwd, output), text)
}
