/**
 * The body of the watch's pull request for the family: the upstream commits read, the pages that
 * moved, and the diff of the whole catalog grouped by product (each product's pages diffed alone),
 * cut between lines to GitHub's limit.
 */
import type {Catalog} from '../../generated/catalog.js'
import {commentMarker, maxCommentLength} from '../action/report.js'
import {inertForGitHub} from '../action/inert.js'
import {truncateLines} from '../action/truncate.js'
import {compareText} from '../compile/catalog.js'
import {diff} from '../diff/index.js'
import {escapeControl} from '../format/escape.js'
import {formatDiffMarkdown} from '../format/diff-markdown.js'
import {countText} from '../format/diff-text.js'
import type {UpstreamPageState} from './watch.js'

/** A commit the catalog's feed records a page was read from, and the version that records it. */
export interface RecordedCommit {
  sha: string
  date: string
  version: string
}

/** An upstream repository as the watch read it. */
export interface UpstreamRead {
  repository: string
  commit: string
  /** The newest commit the feed records of it, when the repository's history no longer has it. */
  rewritten?: RecordedCommit
}

export interface FamilyReportContext {
  /** `https://github.com`, or the GitHub Enterprise server; `owner/name` of the catalog repository. */
  serverUrl: string
  repository: string
  /** The catalog repository's commits: the base branch's and the one pushed. */
  base: string
  head: string
  upstream: UpstreamRead[]
  pages: UpstreamPageState[]
}

/** Pages that no listed product claims are grouped under this heading. */
export const otherPages = 'Other pages'

/** The catalog restricted to the pages at `paths`: their sources, endpoint sets, exceptions and diagnostics. */
export function catalogOfPages(catalog: Catalog, paths: Set<string>): Catalog {
  return {
    ...catalog,
    sources: catalog.sources.filter((source) => paths.has(source.path)),
    endpointSets: catalog.endpointSets.filter((set) => paths.has(set.source.path)),
    expressRoute: {exceptions: catalog.expressRoute.exceptions.filter((exception) => paths.has(exception.source.path))},
    diagnostics: catalog.diagnostics.filter((diagnostic) => diagnostic.source === undefined || paths.has(diagnostic.source.path))
  }
}

/**
 * The changes from `before` to `after` grouped by product: each listed page's product (its
 * `product`, default its page's path), the other pages of either catalog under "Other pages";
 * products in name order, those without changes left out.
 */
export function changesByProduct(before: Catalog, after: Catalog, pages: UpstreamPageState[]): Array<{product: string; document: ReturnType<typeof diff>}> {
  const productOf = new Map(pages.map(({watched}) => [watched.page, watched.product ?? watched.page]))
  const groups = new Map<string, Set<string>>()
  for (const source of [...before.sources, ...after.sources]) {
    const product = productOf.get(source.path) ?? otherPages
    if (!groups.has(product)) groups.set(product, new Set())
    groups.get(product)!.add(source.path)
  }
  return [...groups.keys()]
    .sort((a, b) => (a === otherPages ? 1 : b === otherPages ? -1 : compareText(a, b)))
    .map((product) => ({product, document: diff(catalogOfPages(before, groups.get(product)!), catalogOfPages(after, groups.get(product)!))}))
    .filter(({document}) => document.changes.length > 0)
}

/** The pull request's body: marker, heading, commits read, moves and deletions, each product's changes; at most GitHub's limit. */
export function familyBody(before: Catalog, after: Catalog, context: FamilyReportContext): string {
  const link = (commit: string) => `[\`${commit.slice(0, 7)}\`](${context.serverUrl}/${context.repository}/commit/${commit})`
  const code = (text: string) => '`' + escapeControl(text).replace(/`/g, "'") + '`'
  const lines = [
    commentMarker,
    '## Endpoint changes upstream',
    '',
    `Catalog ${link(context.head)} built from the upstream pages, compared with ${link(context.base)}.`,
    '',
    ...context.upstream.map(({repository, commit}) => `- ${code(repository)} at ${code(commit)}`),
    ''
  ]
  for (const {repository, rewritten} of context.upstream) {
    if (rewritten) lines.push(`${code(repository)} rewrote its history: commit ${code(rewritten.sha)}, recorded in version ${code(rewritten.version)}, is no longer on it (a force-push?). The catalog's recorded versions stay as they are.`, '')
  }
  const moved = context.pages.filter((state) => state.movedTo !== undefined)
  const deleted = context.pages.filter((state) => state.deleted)
  for (const state of moved) lines.push(`Page moved from ${code(state.watched.upstream)} to ${code(state.movedTo!)} (recorded in the repository's redirections); update \`upstream\` in \`endpoint-catalog.yaml\`.`)
  for (const state of deleted) lines.push(`Page ${code(state.watched.upstream)} is no longer upstream, and no redirection leads from it: ${code(state.watched.page)} is left as it was.`)
  if (moved.length + deleted.length > 0) lines.push('')
  const head = lines.join('\n') + '\n'
  const sections = changesByProduct(before, after, context.pages).map(
    ({product, document}) => `### ${escapeControl(product)}: ${countText(document.counts)}\n\n${formatDiffMarkdown(document).replace(/^(#{2,}) /gm, '#$1 ')}`
  )
  const footer = `\n<sub>endpoint-catalog watch · head ${context.head}</sub>\n`
  const report = inertForGitHub(sections.join('\n'))
  const note = '_The report is cut here to fit GitHub\'s limit for a pull request body; `endpoint-catalog diff` on the branch gives all of it._'
  return head + truncateLines(report, maxCommentLength - head.length - footer.length, note) + footer
}
