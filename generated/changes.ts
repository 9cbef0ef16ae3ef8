/* Generated from schema/changes.schema.json by `npm run types`. Do not edit. */

/**
 * How many changes there are of each level.
 */
export type ChangeCounts = import('./diff.js').ChangeCounts
export type Change = import('./diff.js').Change

/**
 * The change feed of a catalog (generated/changes.json): one record per catalog version, newest first, each with the changes from the version before it. A consumer at version V reads the records newer than V.
 */
export interface ChangeFeed {
  /**
   * Version of this file format (semver). Readers accept any file with the same major version.
   */
  schemaVersion: string
  /**
   * Newest first; versions strictly decrease, and each record's `previous` is the version of the record after it (null for the oldest).
   */
  versions: Release[]
}
/**
 * One catalog version: what it was built from and how it differs from the version before it.
 *
 * This interface was referenced by `ChangeFeed`'s JSON-Schema
 * via the `definition` "release".
 */
export interface Release {
  /**
   * `YYYYMMDDNN`: the latest `ms.date` of the sources, and a number counting up from 00 within that date.
   */
  version: string
  /**
   * The latest `ms.date` of the sources (null when no page has one).
   */
  date: string | null
  /**
   * The version these changes are counted from; null for the first version, whose changes add everything from an empty catalog.
   */
  previous: string | null
  /**
   * The catalog's contentHash at this version.
   */
  contentHash: string
  /**
   * The page revisions this version was compiled from.
   */
  sources: ReleaseSource[]
  counts: ChangeCounts
  /**
   * Exactly the changes of `endpoint-catalog diff` from the previous version to this one (schema/diff.schema.json); may be empty when only content no change rule reports changed (such as attributes).
   */
  changes: Change[]
}
/**
 * A markdown page the version was compiled from, as the catalog records it, and the git commit it was read from (`history --git`, since 1.1.0).
 *
 * This interface was referenced by `ChangeFeed`'s JSON-Schema
 * via the `definition` "releaseSource".
 */
export interface ReleaseSource {
  path: string
  page: 'urls' | 'expressroute'
  title: string | null
  msDate: string | null
  sha256: string
  commit?: SourceCommit
  /**
   * The page's path in the version before, when it has moved since (since 1.2.0): a move its repository records in its redirection files, git's rename detection sees, or `--follow` names. A move is this note, never a page removed and another added.
   */
  movedFrom?: string
}
/**
 * The commit a page revision was read from.
 *
 * This interface was referenced by `ChangeFeed`'s JSON-Schema
 * via the `definition` "sourceCommit".
 */
export interface SourceCommit {
  /**
   * The repository, as given to `history --git`.
   */
  repository: string
  /**
   * The commit's full id.
   */
  sha: string
  /**
   * The commit's committer date, in UTC.
   */
  date: string
}
