/**
 * The command line: parse arguments, call the library, print, and exit with
 * 0 (done), 1 (errors in the input, or a check failed) or 2 (usage or unreadable input).
 */
import {existsSync, readdirSync, statSync} from 'node:fs'
import {basename, dirname, join, resolve} from 'node:path'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import type {Catalog, Cloud, Diagnostic} from '../generated/catalog.js'
import {compareText, compile, type PageInput} from './compile/catalog.js'
import {readConfig} from './config.js'
import {destinationKey} from './diff/diff.js'
import {cloudIds} from './diff/clouds.js'
import {changeRules, diff, hasChangeAtLeast} from './diff/index.js'
import {InputError} from './errors.js'
import {dateRevision, replay, type DatedRevision} from './feed/history.js'
import {release, type Published} from './feed/release.js'
import {changesSince} from './feed/since.js'
import {publishedFiles, readFeed, readPublished, writePublished} from './feed/store.js'
import {emptyVersion, isVersion} from './feed/version.js'
import {changesFormats, formatReleases, type ChangesFormat} from './format/changelog.js'
import {countLine, formatDiagnostics} from './format/diagnostics.js'
import {formatDiffJson} from './format/diff-json.js'
import {formatDiffMarkdown} from './format/diff-markdown.js'
import {countText, formatDiffText} from './format/diff-text.js'
import {exportCatalog, exportFormats, type ExportFormat} from './format/export.js'
import {pagesAtRevision, resolveCommit} from './git.js'
import {checkPageSize, displayPath, readCatalog, readInput, stringify, writeFileAtomic} from './io.js'
import {diagnosticRules, type Level} from './rules.js'
import {validateAgainst} from './validate.js'

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
  changes --since <version> [changes.json] [--format text|markdown|json]
                                          every change after that version (default feed:
                                          generated/changes.json; --since 0000000000 for all)
  history <revision.md | dir>... --out dir
                                          replay dated page revisions (ms.date, or 2021-09-01.md
                                          names) into a catalog with its whole change feed
  compile <file.md>... [-o file]          print the catalog of the given pages (or write it to a file)
  export <catalog.json | file.md...> --format csv|txt|json [-o file]
                                          flatten a catalog: one line per destination
  validate <catalog.json>                 check a catalog against schema/catalog.schema.json
  diff <old> <new> [--format text|markdown|json] [--fail-on error|warning|info] [-o file]
       [--cloud public|usgov-gcc|usgov-gcchigh|usgov-dod|china]
                                          what changed: each side a catalog.json, a page, or a
                                          directory of pages; --cloud: that cloud's only
  diff --base <ref> [--head <ref>] [--source dir]
                                          the same, for docs-source/ at two git revisions
  rules [--format text|json]              list the diagnostic and change rule ids

Options:
  --strict   treat warnings as errors (build, compile, export, history)
  --config   the file of accepted findings (default: endpoint-catalog.yaml, when present)
  --quiet    do not print info diagnostics
  -h, --help show this help

Exit codes: 0 done, 1 errors in the input (or warnings with --strict), or a change at or above
--fail-on, 2 usage or unreadable input.
`

class UsageError extends Error {}

/** Run the command line; returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return run(argv, io)
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

function run(argv: string[], io: Io): number {
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

function build(args: string[], io: Io): number {
  const {values, positionals} = parse(args, {source: {type: 'string'}, out: {type: 'string'}})
  if (positionals.length > 0) throw new UsageError('build takes no file arguments')
  const source = values.source ?? 'docs-source'
  const out = values.out ?? 'generated'
  const paths = pagesIn(source, io)
  if (paths.length === 0) throw new InputError(`${source}: no markdown pages`)

  const previous = readPublished(out, io.cwd)
  const catalog = compilePages(paths, values, io)
  if (!catalog) return 1
  const published = release(catalog, previous)
  writePublished(out, published, io.cwd)
  report(out, published, previous, io)
  return 0
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
  const catalog = compilePages(positionals, values, io)
  if (!catalog) return 1
  emit(stringify(catalog), values.output, io)
  return 0
}

function exportCommand(args: string[], io: Io): number {
  const {values, positionals} = parse(args, {format: {type: 'string'}, output: {type: 'string', short: 'o'}})
  if (positionals.length === 0) throw new UsageError('export needs a catalog.json or markdown files')
  const format = values.format
  if (!exportFormats.includes(format as ExportFormat)) {
    throw new UsageError(`--format must be one of ${exportFormats.join(', ')}`)
  }
  const catalog = loadCatalog(positionals, values, io)
  if (!catalog) return 1
  emit(exportCatalog(catalog, format as ExportFormat), values.output, io)
  return 0
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
  const failOn = values['fail-on']
  if (failOn !== undefined && !levels.includes(failOn as Level)) throw new UsageError('--fail-on must be error, warning or info')
  const cloud = values.cloud
  if (cloud !== undefined && !cloudIds.includes(cloud as Cloud)) throw new UsageError(`--cloud must be one of ${cloudIds.join(', ')}`)

  let before: Catalog
  let after: Catalog
  let commits: {from: string; to: string} | undefined
  if (values.base !== undefined) {
    if (positionals.length > 0) throw new UsageError('diff takes either <old> <new> or --base/--head, not both')
    const source = values.source ?? 'docs-source'
    const accept = readConfig(io.cwd, values.config).accept ?? []
    commits = {from: resolveCommit(values.base, io.cwd), to: resolveCommit(values.head ?? 'HEAD', io.cwd)}
    before = compile(pagesAtRevision(commits.from, source, io.cwd), {accept}).catalog
    after = compile(pagesAtRevision(commits.to, source, io.cwd), {accept}).catalog
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
  return failOn !== undefined && hasChangeAtLeast(document, failOn as Level) ? 1 : 0
}

/** One side of a diff: a catalog.json, a page, or a directory of pages (compiled quietly). */
function sideCatalog(path: string, config: string | undefined, io: Io): Catalog {
  if (path.endsWith('.json')) return readCatalog(path, io.cwd)
  const accept = readConfig(io.cwd, config).accept ?? []
  const paths = isDirectory(resolve(io.cwd, path))
    ? pagesIn(path, io)
    : [path]
  if (paths.length === 0) throw new InputError(`${path}: no markdown pages`)
  return compile(readPages(paths, io), {accept}).catalog
}

/** The markdown pages in `directory`, at any depth (as the action's `docs-source/**` glob), in path order. */
function pagesIn(directory: string, io: Io): string[] {
  let names: string[]
  try {
    names = readdirSync(resolve(io.cwd, directory), {recursive: true, encoding: 'utf8'})
  } catch {
    throw new InputError(`${directory}: no such directory`)
  }
  return names
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(directory, name))
    .sort(compareText)
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
  emit(formatReleases(releases, feed, format as ChangesFormat), values.output, io)
  return 0
}

function historyCommand(args: string[], io: Io): number {
  const {values, positionals} = parse(args, {out: {type: 'string'}})
  if (positionals.length === 0) throw new UsageError('history needs page revisions: files, or directories of dated revisions')
  if (values.out === undefined) throw new UsageError('history needs --out <directory> (its catalog and feed are replaced)')
  const paths = positionals.flatMap((path) => (isDirectory(resolve(io.cwd, path)) ? datedRevisionsIn(path, io) : [path]))
  if (paths.length === 0) throw new InputError(`${positionals.join(', ')}: no dated revisions (files named like 2021-09-01.md)`)

  const config = readConfig(io.cwd, values.config)
  const revisions: DatedRevision[] = []
  let failing = 0
  for (const page of readPages(paths, io)) {
    const {catalog} = compile([page], {accept: config.accept ?? []})
    io.stderr.write(formatDiagnostics(catalog.diagnostics, {quiet: values.quiet ?? false}))
    failing += catalog.diagnostics.filter((d) => isFailing(d, values)).length
    revisions.push(dateRevision(page, catalog))
  }
  if (failing > 0) {
    io.stderr.write(`endpoint-catalog: ${errorCount(failing, values.strict)}; nothing written\n`)
    return 1
  }
  const published = replay(revisions, {accept: config.accept ?? []})!
  writePublished(values.out, published, io.cwd)
  io.stdout.write(
    `${displayPath(join(values.out, publishedFiles.catalog), io.cwd)}: version ${published.catalog.version}, ` +
      `${published.feed.versions.length} ${published.feed.versions.length === 1 ? 'version' : 'versions'} from ${revisions.length} revisions\n`
  )
  return 0
}

/** The dated revisions under `directory` (`2021-09-01.md`, at any depth), in path order. */
function datedRevisionsIn(directory: string, io: Io): string[] {
  return readdirSync(resolve(io.cwd, directory), {recursive: true, encoding: 'utf8'})
    .filter((name) => /\d{4}-\d{2}-\d{2}.*\.md$/.test(basename(name)))
    .sort(compareText)
    .map((name) => join(directory, name))
}

function rulesCommand(args: string[], io: Io): number {
  const {values, positionals} = parse(args, {format: {type: 'string'}})
  if (positionals.length > 0) throw new UsageError('rules takes no arguments')
  const rules = [
    ...Object.entries(diagnosticRules).map(([id, rule]) => ({id, kind: 'diagnostic', level: rule.level, description: rule.description})),
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
    const width = Math.max(...rules.map((rule) => rule.id.length))
    for (const kind of ['diagnostic', 'change']) {
      io.stdout.write(`${kind} rules:\n`)
      for (const rule of rules.filter((r) => r.kind === kind)) {
        io.stdout.write(`  ${rule.id.padEnd(width)}  ${rule.level.padEnd(13)}  ${rule.description}\n`)
      }
    }
  } else {
    throw new UsageError('--format must be text or json')
  }
  return 0
}

/** Each command by its name on the command line. */
const commands: Record<string, (args: string[], io: Io) => number> = {
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
}

/** A catalog from a catalog.json, or compiled from markdown pages. */
function loadCatalog(paths: string[], options: CompileFlags, io: Io): Catalog | undefined {
  if (paths.length === 1 && paths[0]!.endsWith('.json')) return readCatalog(paths[0]!, io.cwd)
  return compilePages(paths, options, io)
}

/**
 * Compile pages, print their diagnostics, and validate the result; undefined (nothing to write)
 * when there are errors, or warnings under --strict.
 */
function compilePages(paths: string[], options: CompileFlags, io: Io): Catalog | undefined {
  const config = readConfig(io.cwd, options.config)
  const {catalog} = compile(readPages(paths, io), {accept: config.accept ?? []})
  io.stderr.write(formatDiagnostics(catalog.diagnostics, {quiet: options.quiet ?? false}))

  const schemaErrors = validateAgainst('catalog', catalog)
  if (schemaErrors.length > 0) {
    // A compiler bug, not an input problem: say so rather than write an invalid file.
    throw new Error(`the compiled catalog does not match its schema: ${schemaErrors.map((e) => `${e.pointer} ${e.message}`).join('; ')}`)
  }
  const failing = catalog.diagnostics.filter((d) => isFailing(d, options))
  if (failing.length > 0) {
    io.stderr.write(`endpoint-catalog: ${errorCount(failing.length, options.strict)}; nothing written\n`)
    return undefined
  }
  return catalog
}

/** `1 error`, `3 errors (with --strict)`. */
function errorCount(count: number, strict: boolean | undefined): string {
  return `${count} ${count === 1 ? 'error' : 'errors'}${strict ? ' (with --strict)' : ''}`
}

/** An error, or under --strict a warning that is not an accepted finding. */
function isFailing(diagnostic: Diagnostic, options: CompileFlags): boolean {
  return diagnostic.severity === 'error' || (options.strict === true && diagnostic.severity === 'warning' && diagnostic.accepted === undefined)
}

function readPages(paths: string[], io: Io): PageInput[] {
  return paths.map((path) => {
    const value = readInput(path, io.cwd)
    checkPageSize(path, value.length)
    return {path: displayPath(path, io.cwd), value}
  })
}

function emit(text: string, output: string | undefined, io: Io): void {
  if (output === undefined) io.stdout.write(text)
  else writeFileAtomic(resolve(io.cwd, output), text)
}
