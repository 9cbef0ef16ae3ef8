/**
 * The diff document: two catalogs in, the changes between them out, with the revisions compared
 * and a count per level.
 */
import type {Catalog, Cloud} from '../../generated/catalog.js'
import type {Change, ChangeCounts, Diff, Revision} from '../../generated/diff.js'
import type {Level} from '../rules.js'
import {checkChanges, levelRank, revisionSource} from './changes.js'
import {isPublicOnly} from './clouds.js'
import {catalogClouds, compare} from './diff.js'

/** Version of the diff document format (schema/diff.schema.json). */
export const diffSchemaVersion = '1.2.0'

export interface DiffOptions {
  /** Compare this cloud only (default: every cloud either catalog names). */
  cloud?: Cloud | undefined
  /** The git commits the two sides were read from, when they were (full hex ids). */
  commits?: {from?: string | undefined; to?: string | undefined}
}

/** Compare an old catalog with a new one; returns the diff document (same inputs, same output). */
export function diff(before: Catalog, after: Catalog, options: DiffOptions = {}): Diff {
  const clouds = options.cloud === undefined ? catalogClouds([before, after]) : [options.cloud]
  const changes = checkChanges(compare(before, after, {clouds}))
  return {
    schemaVersion: diffSchemaVersion,
    from: revision(before, options.commits?.from),
    to: revision(after, options.commits?.to),
    ...(isPublicOnly(clouds) ? {} : {clouds: clouds as [Cloud, ...Cloud[]]}),
    counts: countChanges(changes),
    changes
  }
}

/** Whether a diff has a change of `level` or a more serious one (for `--fail-on`). */
export function hasChangeAtLeast(document: Diff, level: Level): boolean {
  return document.changes.some((change) => levelRank[change.level] <= levelRank[level])
}

function revision(catalog: Catalog, commit: string | undefined): Revision {
  return {
    version: catalog.version,
    contentHash: catalog.contentHash,
    sources: catalog.sources.map(revisionSource),
    ...(commit === undefined ? {} : {commit})
  }
}

function countChanges(changes: Change[]): ChangeCounts {
  const counts: ChangeCounts = {error: 0, warning: 0, info: 0}
  for (const change of changes) counts[change.level]++
  return counts
}
