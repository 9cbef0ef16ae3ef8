/**
 * Change feed → CHANGELOG.md and the output of `changes`: each release rendered as the diff it
 * records (the same text, markdown or JSON as `diff`), newest first; or as an Atom feed, or in the
 * shape of the Microsoft 365 web service's changes answer.
 */
import type {ChangeFeed, Release} from '../../generated/changes.js'
import type {Diff, Revision} from '../../generated/diff.js'
import {diffSchemaVersion} from '../diff/index.js'
import {emptyCatalog} from '../feed/release.js'
import {emptyVersion} from '../feed/version.js'
import {checkedJson} from '../io.js'
import {formatDiffMarkdown} from './diff-markdown.js'
import {formatDiffText, type DiffTextOptions} from './diff-text.js'
import {formatAtom, type AtomOptions} from './atom.js'
import {escapeControl} from './escape.js'
import type {Rendered} from './entries.js'
import {assignM365Ids, formatM365Changes, type M365Ids} from './m365.js'

export const changesFormats = ['text', 'markdown', 'json', 'atom', 'm365'] as const
export type ChangesFormat = (typeof changesFormats)[number]

/** The whole feed as the CHANGELOG.md published beside it. */
export function formatChangelog(feed: ChangeFeed): string {
  const intro = [
    '# Endpoint changes',
    '',
    'Every version of `catalog.json`, newest first, with what changed from the version before it. ' +
      'Generated from `changes.json` by `endpoint-catalog build`; do not edit.'
  ].join('\n')
  return feed.versions.length === 0 ? intro + '\n' : intro + '\n\n' + formatReleases(feed.versions, feed, 'markdown')
}

/**
 * Render releases of `feed` (all of them, or those `changesSince` picked) in any changes format:
 * the text, and lines for stderr. `m365` numbers endpoint sets through `m365Ids` (default: numbered
 * from the feed alone, as `build` would the first time); `atom` names the feed by `atom`.
 */
export function renderReleases(releases: Release[], feed: ChangeFeed, format: ChangesFormat, m365Ids?: M365Ids, atom: AtomOptions = {}): Rendered {
  // A feed reader is elsewhere: its entries name pages by file name, never a folder of the machine that built them.
  if (format === 'atom') return {text: formatAtom(releases, feed, (release) => formatReleases([release], feed, 'text', {fileNames: true}), atom), notes: []}
  if (format === 'm365') return formatM365Changes(releases, feed, m365Ids ?? assignM365Ids(undefined, feed))
  return {text: formatReleases(releases, feed, format), notes: []}
}

/**
 * Render releases of `feed` (all of them, or those `changesSince` picked), newest first; as JSON,
 * a change feed of just those releases, checked against its schema.
 */
export function formatReleases(releases: Release[], feed: ChangeFeed, format: 'text' | 'markdown' | 'json', textOptions: DiffTextOptions = {}): string {
  if (format === 'json') return checkedJson('changes', {schemaVersion: feed.schemaVersion, versions: releases} satisfies ChangeFeed)
  const rendered = releases.map((release) => {
    const document = releaseDiff(release, feed)
    const moves = release.sources.flatMap((source) => (source.movedFrom === undefined ? [] : [`Page moved from ${codeSpan(source.movedFrom)} to ${codeSpan(source.path)}.\n`])).join('')
    if (format === 'text') {
      return (
        moves +
        (release.changes.length === 0 ? `${document.from.version} → ${document.to.version}: ${unreportedChange}\n` : formatDiffText(document, textOptions))
      )
    }
    const body = release.changes.length === 0 ? 'N' + unreportedChange.slice(1) + '\n' : formatDiffMarkdown(document)
    return `## ${release.version}${release.date === null ? '' : ` (${release.date})`}\n\n${moves === '' ? '' : moves + '\n'}${body.replace(/^(#{3,}) /gm, '#$1 ')}`
  })
  return rendered.join('\n')
}

/** A version with new content but no change a rule reports: say so, rather than "no changes". */
const unreportedChange =
  'no destination changed; other content did (ExpressRoute exceptions, extra columns, or rows regrouped without a reported change).'

/** A release as the diff document it records: from its previous version (or an empty catalog) to it. */
export function releaseDiff(release: Release, feed: ChangeFeed): Diff {
  const before = feed.versions.find((candidate) => candidate.version === release.previous)
  const from: Revision = before
    ? {version: before.version, contentHash: before.contentHash, sources: before.sources}
    : {version: emptyVersion, contentHash: emptyCatalog().contentHash, sources: []}
  return {
    schemaVersion: diffSchemaVersion,
    from,
    to: {version: release.version, contentHash: release.contentHash, sources: release.sources},
    counts: release.counts,
    changes: release.changes
  }
}


/** A path as a code span: control characters escaped, a backtick in it not closing the span. */
function codeSpan(path: string): string {
  const text = escapeControl(path)
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``
}
