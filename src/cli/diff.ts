/** `diff`: what changed between two catalogs, pages, directories or git revisions. */
import type {Catalog, Cloud} from '../../generated/catalog.js'
import {compile} from '../compile/catalog.js'
import {readConfig} from '../config.js'
import {cloudIds} from '../diff/clouds.js'
import {diff, hasChangeAtLeast} from '../diff/index.js'
import {InputError} from '../errors.js'
import {formatDiffJson} from '../format/diff-json.js'
import {formatDiffMarkdown} from '../format/diff-markdown.js'
import {formatDiffText} from '../format/diff-text.js'
import {pagesAtRevision, resolveCommit} from '../git.js'
import {defaultMaxPageBytes, readCatalog} from '../io.js'
import type {Skipped} from '../pages.js'
import {emit, failOnLevel, note, pageArguments, parse, readPages, UsageError, type Io} from './common.js'

const diffFormats = ['text', 'markdown', 'json'] as const

export function diffCommand(args: string[], io: Io): number {
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
