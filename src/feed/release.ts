/**
 * Releasing a compiled catalog onto the published state (the previous catalog and its change
 * feed): the same content keeps its version; new content gets the next version, a `since` on each
 * destination, and a feed record holding exactly the diff from the previous version.
 */
import type {Catalog} from '../../generated/catalog.js'
import type {ChangeFeed, Release} from '../../generated/changes.js'
import {compile, latestMsDate, versionDate} from '../compile/catalog.js'
import {destinationKey} from '../diff/diff.js'
import {diff} from '../diff/index.js'
import {InputError} from '../errors.js'
import {emptyVersion, nextVersion} from './version.js'

/** Version of the change feed format (schema/changes.schema.json). */
export const changesSchemaVersion = '1.2.0'

/** A catalog and the feed of every version up to it: what `build` reads from and writes to generated/. */
export interface Published {
  catalog: Catalog
  feed: ChangeFeed
}

/**
 * Put a freshly compiled catalog after `previous` (undefined: nothing published yet). Returns the
 * catalog to write, with its version and `since`s, and the feed, with a new record when the content
 * changed. The same inputs give the same result, so a second build changes nothing.
 */
export function release(compiled: Catalog, previous: Published | undefined): Published {
  const base = previous === undefined ? undefined : consistent(previous)
  if (base !== undefined && base.catalog.contentHash === compiled.contentHash) {
    return {catalog: stamp(compiled, base.catalog.version, firstListed(base.catalog)), feed: base.feed}
  }
  const version = nextVersion(base?.catalog.version ?? emptyVersion, versionDate(compiled.sources))
  const catalog = stamp(compiled, version, firstListed(base?.catalog))
  const versions = [record(base?.catalog, catalog), ...(base?.feed.versions ?? [])]
  return {catalog, feed: {schemaVersion: changesSchemaVersion, versions}}
}

/** A catalog with no pages: what the first version is compared with. */
export function emptyCatalog(): Catalog {
  return compile([]).catalog
}

/** The feed record of `catalog`: exactly the diff from `before` (from an empty catalog for the first). */
function record(before: Catalog | undefined, catalog: Catalog): Release {
  const {to, counts, changes} = diff(before ?? emptyCatalog(), catalog)
  return {
    version: catalog.version,
    date: latestMsDate(catalog.sources),
    previous: before?.version ?? null,
    contentHash: catalog.contentHash,
    sources: to.sources,
    counts,
    changes
  }
}

/**
 * The published state made whole: records newer than the catalog (a build stopped between writing
 * the feed and the catalog) are dropped, and a catalog without a feed (published before feeds
 * existed) becomes the feed's first version. A feed that does not end at the catalog is refused.
 */
function consistent(previous: Published): Published {
  const versions = previous.feed.versions.filter((release) => release.version <= previous.catalog.version)
  if (versions.length === 0) {
    const catalog = stamp(previous.catalog, previous.catalog.version, firstListed(previous.catalog))
    return {catalog, feed: {schemaVersion: changesSchemaVersion, versions: [record(undefined, catalog)]}}
  }
  const latest = versions[0]!
  if (latest.version !== previous.catalog.version || latest.contentHash !== previous.catalog.contentHash) {
    throw new InputError(
      `the change feed ends at version ${latest.version}, but the catalog is version ${previous.catalog.version} ` +
        '(edited by hand, or copied from elsewhere?); rebuild both with `endpoint-catalog history`'
    )
  }
  return {catalog: previous.catalog, feed: {...previous.feed, versions}}
}

/** The version each destination of `catalog` was first listed in, by kind and value (its own version when it has no record). */
function firstListed(catalog: Catalog | undefined): Map<string, string> {
  const map = new Map<string, string>()
  for (const set of catalog?.endpointSets ?? []) {
    for (const destination of set.destinations) {
      if (!map.has(destinationKey(destination))) map.set(destinationKey(destination), destination.since ?? catalog!.version)
    }
  }
  return map
}

/** The catalog at `version`, each destination with the version it was first listed in (`version` when new). */
function stamp(catalog: Catalog, version: string, firstListed: Map<string, string>): Catalog {
  return {
    ...catalog,
    version,
    endpointSets: catalog.endpointSets.map((set) => ({
      ...set,
      destinations: set.destinations.map((destination) => ({...destination, since: firstListed.get(destinationKey(destination)) ?? version}))
    }))
  }
}
