/**
 * The diff document: two catalogs in, the changes between them out, with the revisions compared
 * and a count per level.
 */
import type {Catalog} from '../../generated/catalog.js'
import type {Change, ChangeCounts, Diff, Revision} from '../../generated/diff.js'
import type {Level} from '../rules.js'
import {checkChanges, levelRank} from './changes.js'
import {compare} from './diff.js'

/** Version of the diff document format (schema/diff.schema.json). */
export const diffSchemaVersion = '1.0.0'

/** Compare an old catalog with a new one; returns the diff document (same inputs, same output). */
export function diff(before: Catalog, after: Catalog): Diff {
  const changes = checkChanges(compare(before, after))
  return {schemaVersion: diffSchemaVersion, from: revision(before), to: revision(after), counts: countChanges(changes), changes}
}

/** Whether a diff has a change of `level` or a more serious one (for `--fail-on`). */
export function hasChangeAtLeast(document: Diff, level: Level): boolean {
  return document.changes.some((change) => levelRank[change.level] <= levelRank[level])
}

function revision(catalog: Catalog): Revision {
  return {
    version: catalog.version,
    contentHash: catalog.contentHash,
    sources: catalog.sources.map(({path, page, title, msDate, sha256}) => ({path, page, title, msDate, sha256}))
  }
}

function countChanges(changes: Change[]): ChangeCounts {
  const counts: ChangeCounts = {error: 0, warning: 0, info: 0}
  for (const change of changes) counts[change.level]++
  return counts
}
