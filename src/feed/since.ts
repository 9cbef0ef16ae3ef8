/**
 * "What changed since version X": the releases of a feed after a version the consumer has.
 */
import type {ChangeFeed, Release} from '../../generated/changes.js'
import {InputError} from '../errors.js'
import {emptyVersion} from './version.js'

/**
 * The releases after `since`, newest first (all of them after `0000000000`), up to the version of
 * the published catalog when given. A version the feed does not have is an error, not an empty
 * answer: the consumer's state is unknown.
 */
export function changesSince(feed: ChangeFeed, since: string, catalogVersion?: string): Release[] {
  const versions = catalogVersion === undefined ? feed.versions : feed.versions.filter((release) => release.version <= catalogVersion)
  if (since !== emptyVersion && !versions.some((release) => release.version === since)) {
    const oldest = versions[versions.length - 1]?.version
    const latest = versions[0]?.version
    const range =
      oldest === undefined ? 'the feed has no versions' : oldest === latest ? `the feed has only ${latest}` : `the feed has ${versions.length} versions, ${oldest} to ${latest}`
    throw new InputError(`unknown version ${since}: ${range} (use --since ${emptyVersion} for all of them)`)
  }
  return versions.filter((release) => release.version > since)
}
