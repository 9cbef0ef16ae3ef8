/**
 * The pull request's endpoint diff: the pages matching the globs, compiled at the merge base and
 * at the head from git objects only (the pull request's code is never checked out or run).
 */
import type {Catalog, Cloud} from '../../generated/catalog.js'
import type {Diff} from '../../generated/diff.js'
import {compile} from '../compile/catalog.js'
import {compileOptionsOf, defaultConfigPath, parseConfig} from '../config.js'
import {diff} from '../diff/index.js'
import {InputError} from '../errors.js'
import {FilterError, filterSides} from '../format/filter.js'
import {fileAtRevision, hasCommit, mergeBase, objectAtRevision, pagesMatching, resolveCommit} from '../git.js'
import {defaultMaxPageBytes} from '../io.js'
import type {Skipped} from '../pages.js'
import type {BuildSection} from '../format/build-errors-markdown.js'
import {newBuildErrors, newRiskyFindings} from './build-check.js'
import type {PullRequest} from './event.js'

export interface Comparison {
  /** The merge base of the base and head commits: the "before" side. */
  base: string
  head: string
  document: Diff
  /** Files the globs matched that are not pages (symbolic links, submodules), at either commit. */
  skipped: Skipped[]
  /** What `build` will say after the merge: the head's new errors, and whether the config changes. */
  build: BuildSection
}

/** Both sides narrowed to `services`; an id neither side has is an input error naming the products there are. */
function serviceSides(before: Catalog, after: Catalog, services: string[]): [Catalog, Catalog] {
  try {
    return filterSides(before, after, {services})
  } catch (error) {
    if (error instanceof FilterError) throw new InputError(`service: ${error.message}`)
    throw error
  }
}

/**
 * Compile the pages matching `patterns` at the merge base and at the head, and diff them (in
 * `cloud` only, and of `services` only, when given).
 */
export function comparePullRequest(pull: PullRequest, patterns: string[], cwd: string, cloud?: Cloud, services?: string[]): Comparison {
  for (const [side, commit] of [['base', pull.base], ['head', pull.head]] as const) {
    if (!hasCommit(commit, cwd)) {
      // On pull_request_target the checkout is the base branch, whose history never holds the head.
      const head = side === 'head' ? ` (on pull_request_target, also fetch the head: \`git fetch origin pull/${pull.number}/head\`)` : ''
      throw new InputError(
        `the pull request's ${side} commit ${commit} is not in the repository at ${cwd}: ` +
          `check it out with actions/checkout and \`fetch-depth: 0\`, so that both commits and their history are there${head}`
      )
    }
  }
  // What the pull request changes, as GitHub's "Files changed" shows it: commits that reached the
  // base branch after the pull request branched off are not the pull request's to report.
  const base = mergeBase(pull.base, pull.head, cwd)
  if (base === undefined) {
    throw new InputError(`no common history between ${pull.base} and ${pull.head}: check out with \`fetch-depth: 0\` rather than a shallow clone`)
  }

  // Accepted findings come from the base branch: a pull request cannot accept its own.
  const configText = fileAtRevision(pull.base, defaultConfigPath, cwd)
  const config = configText === undefined ? {} : parseConfig(configText.toString('utf8'), `${defaultConfigPath} at ${pull.base.slice(0, 7)}`)
  const compileOptions = compileOptionsOf(config)

  const skipped: Skipped[] = []
  const options = {maxPageBytes: config.maxPageSize ?? defaultMaxPageBytes, onSkip: (file: Skipped) => {
    if (!skipped.some((known) => known.path === file.path)) skipped.push(file)
  }}
  const before = pagesMatching(base, patterns, cwd, options)
  const after = pagesMatching(pull.head, patterns, cwd, options)
  if (before.length === 0 && after.length === 0) {
    throw new InputError(`paths: no file matches ${patterns.join(', ')} at ${base.slice(0, 7)} or ${pull.head.slice(0, 7)}`)
  }
  const beforeCatalog = compile(before, compileOptions).catalog
  const afterCatalog = compile(after, compileOptions).catalog
  const head = resolveCommit(pull.head, cwd)
  const [beforeSide, afterSide] = services === undefined ? [beforeCatalog, afterCatalog] : serviceSides(beforeCatalog, afterCatalog, services)
  const document = diff(beforeSide, afterSide, {cloud, commits: {from: base, to: head}})
  const configChanged = objectAtRevision(base, defaultConfigPath, cwd) !== objectAtRevision(pull.head, defaultConfigPath, cwd)
  return {base, head: pull.head, document, skipped, build: {newErrors: newBuildErrors(beforeCatalog, afterCatalog), newRisks: newRiskyFindings(beforeCatalog, afterCatalog), configChanged}}
}
