/** `diff`: what changed between two catalogs, pages, directories or git revisions. */
import type {ParseArgsConfig} from 'node:util'
import type {Catalog, Cloud} from '../../generated/catalog.js'
import {compile} from '../compile/catalog.js'
import {compileOptionsOf, readConfig} from '../config.js'
import {cloudIds} from '../diff/clouds.js'
import {diff, hasChangeAtLeast} from '../diff/index.js'
import {InputError} from '../errors.js'
import {formatDiffJson} from '../format/diff-json.js'
import {formatDiffMarkdown} from '../format/diff-markdown.js'
import {formatDiffText} from '../format/diff-text.js'
import {filterSides, parseFilter} from '../format/filter.js'
import {hasCommit, pagesAtRevision, resolveCommit} from '../git.js'
import {defaultMaxPageBytes} from '../io.js'
import type {Skipped} from '../pages.js'
import {usage} from './export.js'
import {catalogArgument, checkOutput, colorOptions, emit, failOnLevel, note, pageArguments, parse, readPages, UsageError, useColor, type Io} from './common.js'

const diffFormats = ['text', 'markdown', 'json'] as const

/** `diff <old> <new>` or `diff --base <ref>`: the arguments after the command name; returns the exit code. */
export function diffCommand(args: string[], io: Io): number {
  const {values, positionals} = parse(args, {
    format: {type: 'string'},
    'fail-on': {type: 'string'},
    output: {type: 'string', short: 'o'},
    base: {type: 'string'},
    head: {type: 'string'},
    source: {type: 'string'},
    service: {type: 'string'},
    cloud: {type: 'string'},
    section: {type: 'string'},
    route: {type: 'string'},
    kind: {type: 'string'},
    ...colorOptions
  }, diffOptions)
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
    const options = compileOptionsOf(config)
    const tree = {maxPageBytes: config.maxPageSize ?? defaultMaxPageBytes, onSkip: (skipped: Skipped) => note(skipped, io)}
    commits = {from: revision(values.base, io), to: revision(values.head ?? 'HEAD', io)}
    before = compile(pagesAtRevision(commits.from, source, io.cwd, tree), options).catalog
    after = compile(pagesAtRevision(commits.to, source, io.cwd, tree), options).catalog
  } else {
    if (positionals.length !== 2) throw new UsageError('diff needs <old> and <new> (or --base <ref>)')
    checkOutput(values.output, positionals, io)
    before = sideCatalog(positionals[0]!, values.config, io)
    after = sideCatalog(positionals[1]!, values.config, io)
  }

  // `--required` is left out: a destination that stops being required would read as removed.
  const filter = usage(() => parseFilter({service: values.service, section: values.section, route: values.route, kind: values.kind}))
  if (Object.keys(filter).length > 0) [before, after] = usage(() => filterSides(before, after, filter))
  const document = diff(before, after, {cloud: cloud as Cloud | undefined, ...(commits ? {commits} : {})})
  const text =
    format === 'json'
      ? formatDiffJson(document)
      : format === 'markdown'
        ? formatDiffMarkdown(document)
        : formatDiffText(document, {color: useColor(values, values.output, io)})
  emit(text, values.output, io)
  return failOn !== undefined && hasChangeAtLeast(document, failOn) ? 1 : 0
}

/** One side of a diff: a catalog, a page, or a directory of pages (compiled quietly), told by content. */
function sideCatalog(path: string, config: string | undefined, io: Io): Catalog {
  const catalog = catalogArgument([path], io)
  if (catalog !== undefined) return catalog
  const settings = readConfig(io.cwd, config)
  return compile(readPages(pageArguments([path], io), io, settings), compileOptionsOf(settings)).catalog
}

/** The commit a revision names; an input error saying so when it names none. */
function revision(ref: string, io: Io): string {
  if (!ref.startsWith('-') && !hasCommit(ref, io.cwd)) throw new InputError(`unknown git revision \`${ref}\``)
  return resolveCommit(ref, io.cwd)
}

/** The shared options diff takes: no page diagnostics are printed, so no --quiet or --report. */
const diffOptions = {
  strict: {type: 'boolean'},
  'fail-on': {type: 'string'},
  config: {type: 'string'}
} as const satisfies ParseArgsConfig['options']
