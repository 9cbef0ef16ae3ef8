/* Generated from schema/changes.schema.json by `npm run types`. Do not edit. */

export type Change = DestinationChange | EndpointSetChange | SectionChange
/**
 * error: the firewall must change, or Power BI breaks; warning: worth acting on; info: for the record.
 */
export type ChangeLevel = 'error' | 'warning' | 'info'
/**
 * A port as `protocol/port` or `protocol/from-to`.
 */
export type PortKey = string
/**
 * Where in a page: `path:line`.
 */
export type SourceLine = string

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
  sources: RevisionSource[]
  counts: ChangeCounts
  /**
   * Exactly the changes of `endpoint-catalog diff` from the previous version to this one (schema/diff.schema.json); may be empty when only content no change rule reports changed (ExpressRoute exceptions, attributes).
   */
  changes: Change[]
}
/**
 * A markdown page the catalog was compiled from, as the catalog records it.
 */
export interface RevisionSource {
  path: string
  page: 'urls' | 'expressroute'
  title: string | null
  msDate: string | null
  sha256: string
}
/**
 * How many changes there are of each level.
 */
export interface ChangeCounts {
  error: number
  warning: number
  info: number
}
/**
 * A change to the effective allowlist: one destination added, removed or changed.
 */
export interface DestinationChange {
  rule:
    | 'required-destination-added'
    | 'optional-destination-added'
    | 'destination-already-covered'
    | 'destination-removed'
    | 'destination-covered-by-wildcard'
    | 'destination-now-required'
    | 'destination-now-optional'
    | 'ports-added'
    | 'ports-removed'
    | 'expressroute-routing-changed'
    | 'reference-added'
    | 'reference-removed'
    | 'reference-changed'
  level: ChangeLevel
  /**
   * Stable hash of the rule and the change's subject: the same change between other revisions has the same fingerprint.
   */
  fingerprint: string
  message: string
  destination: DestinationRef
  previous?: DestinationRef
  coveredBy?: DestinationRef
  /**
   * For ports-added and ports-removed: the ports added or removed.
   */
  ports?: PortKey[]
  /**
   * The destination in the old revision; null when it was not there.
   */
  before: DestinationState | null
  /**
   * The destination in the new revision; null when it is no longer there.
   */
  after: DestinationState | null
}
/**
 * A destination as the catalog identifies it. `previous` (reference-changed) is the target a reference had before; `coveredBy` is the wildcard that covers the destination: for destination-covered-by-wildcard, a wildcard of the new revision that still covers the removed destination; for destination-already-covered, a wildcard of the old revision that already covered the added one (as required, with all its ports).
 */
export interface DestinationRef {
  kind: 'host' | 'wildcard' | 'url' | 'ip' | 'cidr' | 'reference' | 'text'
  value: string
}
/**
 * A destination on the effective allowlist of one revision: the highest requirement of the endpoint sets it appears in, and the union of their ports.
 */
export interface DestinationState {
  requirement: 'required' | 'optional' | 'unknown'
  ports: PortKey[]
  /**
   * How ExpressRoute customers reach it, when the revision includes the ExpressRoute page.
   */
  route?: 'internet' | 'expressroute'
  /**
   * For a reference: its link text.
   */
  text?: string
  /**
   * The endpoint sets that list the destination, in page order.
   */
  endpointSets: EndpointSetRef[]
}
/**
 * An endpoint set (a table row) of one revision.
 */
export interface EndpointSetRef {
  id: string
  section: string
  purpose: string
  requirement: 'required' | 'optional' | 'unknown'
  source: SourceLine
}
/**
 * A row reworded, moved to another section, or added or removed without changing the allowlist.
 */
export interface EndpointSetChange {
  rule: 'purpose-changed' | 'endpoint-set-moved' | 'endpoint-set-added' | 'endpoint-set-removed'
  level: ChangeLevel
  /**
   * Stable hash of the rule and the change's subject: the same change between other revisions has the same fingerprint.
   */
  fingerprint: string
  message: string
  /**
   * The endpoint set in the old revision; null for endpoint-set-added.
   */
  before: EndpointSetRef | null
  /**
   * The endpoint set in the new revision; null for endpoint-set-removed.
   */
  after: EndpointSetRef | null
}
/**
 * A section renamed: its rows matched rows of a section of another name.
 */
export interface SectionChange {
  rule: 'section-renamed'
  level: ChangeLevel
  /**
   * Stable hash of the rule and the change's subject: the same change between other revisions has the same fingerprint.
   */
  fingerprint: string
  message: string
  before: SectionState
  after: SectionState
}
/**
 * A section (the heading over a table) of one revision: its name, the source line of its first matched endpoint set, and the matched endpoint sets that link it to the other revision.
 */
export interface SectionState {
  section: string
  source: SourceLine
  endpointSets: string[]
}
