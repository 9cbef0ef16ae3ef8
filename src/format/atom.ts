/**
 * The change feed as an Atom feed (RFC 4287), for a feed reader: one entry per catalog version,
 * newest first, its content the changes as `changes` prints them. The feed is titled after the
 * catalog's name, and its id is a name-based UUID of that name, so two catalogs' feeds are two feeds;
 * entry ids are name-based UUIDs of the version and its content hash, so an entry keeps its id in
 * every build.
 */
import {v5 as uuidV5} from 'uuid'
import type {ChangeFeed, Release} from '../../generated/changes.js'
import {countText} from './diff-text.js'

/** The namespace of this tool's name-based UUIDs (feed and entry ids). */
const idNamespace = '0b9f4c8e-6f3a-5d2e-9a41-3c7e2d5b8f10'

/** The name of a feed whose catalog has none (default of `AtomOptions.name`). */
export const defaultFeedName = 'Endpoint catalog'

/** The feed's id: the same for every build of a catalog's feed, and another for another catalog's. */
export function atomFeedId(name: string = defaultFeedName): string {
  return `urn:uuid:${uuidV5(`endpoint-catalog change feed: ${name}`, idNamespace)}`
}

export interface AtomOptions {
  /** The catalog's name (default: `Endpoint catalog`). */
  name?: string
  /** Where the feed is published: its `rel="self"` link (default: none). */
  selfUrl?: string
}

/** The id of a version's entry. */
export function atomEntryId(release: Pick<Release, 'version' | 'contentHash'>): string {
  return `urn:uuid:${uuidV5(`${release.version} ${release.contentHash}`, idNamespace)}`
}

/**
 * The Atom feed of `releases` (all of `feed`, or those `changesSince` picked, newest first), each
 * with its changes rendered as text by `content`. The feed's `updated` is the newest release's
 * date (of the whole feed when none is picked).
 */
export function formatAtom(releases: Release[], feed: ChangeFeed, content: (release: Release) => string, options: AtomOptions = {}): string {
  const latest = feed.versions[0]
  const name = options.name ?? defaultFeedName
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    ...(latest === undefined ? [] : [`<!-- endpoint-catalog: catalog version ${latest.version}, ${latest.contentHash} -->`]),
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${atomFeedId(name)}</id>`,
    `  <title>${text(`${name}: endpoint changes`)}</title>`,
    ...(options.selfUrl === undefined ? [] : [`  <link rel="self" type="application/atom+xml" href="${attribute(options.selfUrl)}"/>`]),
    `  <subtitle>${text(latest === undefined ? 'No catalog version yet.' : `Every version of the ${name} endpoint catalog, newest first; the latest is ${latest.version} (${latest.contentHash}).`)}</subtitle>`,
    `  <updated>${updated(releases[0] ?? latest)}</updated>`,
    '  <author><name>endpoint-catalog</name></author>',
    '  <generator>endpoint-catalog</generator>'
  ]
  for (const release of releases) {
    lines.push(
      '  <entry>',
      `    <id>${atomEntryId(release)}</id>`,
      `    <title>${text(`Version ${release.version}: ${countText(release.counts)}`)}</title>`,
      `    <updated>${updated(release)}</updated>`,
      `    <content type="text">${text(content(release))}</content>`,
      '  </entry>'
    )
  }
  lines.push('</feed>')
  return lines.join('\n') + '\n'
}

/** A release's date as an RFC 3339 date-time: its `date`, else the date of its version number. */
function updated(release: Pick<Release, 'version' | 'date'> | undefined): string {
  if (release === undefined) return '1970-01-01T00:00:00Z'
  const date = release.date ?? `${release.version.slice(0, 4)}-${release.version.slice(4, 6)}-${release.version.slice(6, 8)}`
  return `${date}T00:00:00Z`
}

/** Text for an XML attribute in double quotes. */
function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;')
}

/**
 * Text for XML character data: `&`, `<` and `>` escaped, and the characters XML 1.0 does not allow
 * at all (controls other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF) shown as U+FFFD.
 */
export function text(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these control characters: they are what is removed
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
}
