/* Generated from schema/diff.schema.json by `npm run types`. Do not edit. */

/**
 * Clouds, each once, in the order of the catalog's cloud list (since 1.1.0). Of the diff: the clouds compared, those of either catalog or the one asked for (`diff --cloud`). Of a change: the clouds it concerns. Absent: the public cloud only.
 *
 * @minItems 1
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "clouds".
 */
export type Clouds = [Cloud, ...Cloud[]]
/**
 * A Microsoft cloud an endpoint applies to: the public (commercial, worldwide) cloud, the three US Government clouds (GCC, GCC High, DoD), or the cloud operated by 21Vianet in China.
 */
export type Cloud = import('./catalog.js').Cloud
/**
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "change".
 */
export type Change = DestinationChange | EndpointSetChange | SectionChange | ExpressRouteChange | PageChange
/**
 * error: the firewall must change, or the product that needs it breaks; warning: worth acting on; info: for the record.
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "level".
 */
export type ChangeLevel = 'error' | 'warning' | 'info'
/**
 * Stable hash of the rule and the change's subject: the same change between other revisions has the same fingerprint.
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "fingerprint".
 */
export type Fingerprint = string
/**
 * A port as `protocol/port` or `protocol/from-to`.
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "port".
 */
export type PortKey = string
/**
 * Where in a page: `path:line`.
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "source".
 */
export type SourceLine = string

/**
 * What changed between two catalogs, graded by the action a firewall or proxy administrator needs to take.
 */
export interface Diff {
  /**
   * Version of this file format (semver). Readers accept any file with the same major version.
   */
  schemaVersion: string
  from: Revision
  to: Revision
  clouds?: Clouds
  counts: ChangeCounts
  /**
   * Ordered by level (error, warning, info), then by rule in registry order, then by destination or section and purpose.
   */
  changes: Change[]
}
/**
 * One side of the diff: the catalog compared.
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "revision".
 */
export interface Revision {
  version: string
  contentHash: string
  sources: RevisionSource[]
  /**
   * The git commit the pages were read from, when the side was read from git (since 1.1.0): it tells two sides of the same version apart.
   */
  commit?: string
}
/**
 * A markdown page the catalog was compiled from, as the catalog records it.
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "revisionSource".
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
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "counts".
 */
export interface ChangeCounts {
  error: number
  warning: number
  info: number
}
/**
 * A change to the effective allowlist: one destination added, removed or changed.
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "destinationChange".
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
    | 'destination-requirement-changed'
    | 'ports-added'
    | 'ports-removed'
    | 'expressroute-routing-changed'
    | 'reference-added'
    | 'reference-removed'
    | 'reference-changed'
  level: ChangeLevel
  fingerprint: Fingerprint
  message: string
  destination: DestinationRef
  previous?: DestinationRef
  coveredBy?: DestinationRef
  /**
   * For an added destination (since 1.1.0): the wildcards of the old revision that covered it and are gone from the new one. It substitutes them: allow it before removing them.
   *
   * @minItems 1
   */
  replaces?: [DestinationRef, ...DestinationRef[]]
  /**
   * For a removed wildcard (since 1.1.0): the destinations added in the new revision that it covered. Allow them before removing it.
   *
   * @minItems 1
   */
  substitutes?: [DestinationRef, ...DestinationRef[]]
  clouds?: Clouds
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
 * A destination as the catalog identifies it. `previous` (reference-changed) is the target a reference had before; `coveredBy` is the wildcard that covers the destination: for destination-covered-by-wildcard, a wildcard of the new revision that still covers the removed destination; for destination-already-covered, a wildcard listed in both revisions that covers the added one (as required, with all its ports, on both sides).
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "destinationRef".
 */
export interface DestinationRef {
  kind: 'host' | 'wildcard' | 'url' | 'ip' | 'cidr' | 'reference' | 'text'
  value: string
}
/**
 * A destination on the effective allowlist of one revision: the highest requirement of the endpoint sets it appears in, and the union of their ports.
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "destinationState".
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
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "endpointSetRef".
 */
export interface EndpointSetRef {
  id: string
  section: string
  purpose: string
  requirement: 'required' | 'optional' | 'unknown'
  /**
   * Since 1.2.0: `inbound` when the set lists sources of traffic into the reader's network (the catalog's `direction`); absent for outbound.
   */
  direction?: 'inbound'
  source: SourceLine
}
/**
 * A row reworded, moved to another section, or added or removed without changing the allowlist.
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "endpointSetChange".
 */
export interface EndpointSetChange {
  rule: 'purpose-changed' | 'endpoint-set-moved' | 'endpoint-set-added' | 'endpoint-set-removed'
  level: ChangeLevel
  fingerprint: Fingerprint
  message: string
  clouds?: Clouds
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
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "sectionChange".
 */
export interface SectionChange {
  rule: 'section-renamed'
  level: ChangeLevel
  fingerprint: Fingerprint
  message: string
  clouds?: Clouds
  before: SectionState
  after: SectionState
}
/**
 * A section (the heading over a table) of one revision: its name, the source line of its first matched endpoint set, and the matched endpoint sets that link it to the other revision.
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "sectionState".
 */
export interface SectionState {
  section: string
  source: SourceLine
  endpointSets: string[]
}
/**
 * A destination the ExpressRoute page names as going over the public Internet, added or removed (since 1.1.0). An exception that names no destination is its own subject.
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "expressRouteChange".
 */
export interface ExpressRouteChange {
  rule: 'expressroute-exception-added' | 'expressroute-exception-removed'
  level: ChangeLevel
  fingerprint: Fingerprint
  message: string
  clouds?: Clouds
  exceptionDestination?: DestinationRef
  /**
   * The exceptions naming it in the old revision; null when none did.
   */
  before: ExceptionRef[] | null
  /**
   * The exceptions naming it in the new revision; null when none does.
   */
  after: ExceptionRef[] | null
}
/**
 * An ExpressRoute exception (a row or bullet of the ExpressRoute page) of one revision.
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "exceptionRef".
 */
export interface ExceptionRef {
  id: string
  scope: 'overall' | 'saas' | 'desktop' | 'paas' | 'mobile' | 'gateway' | 'other'
  /**
   * The heading over the exception.
   */
  section: string
  activity: string
  source: SourceLine
}
/**
 * A page compared on one side only (since 1.1.0): what it lists counts as added or removed.
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "pageChange".
 */
export interface PageChange {
  rule: 'page-removed' | 'page-added'
  level: ChangeLevel
  fingerprint: Fingerprint
  message: string
  clouds?: Clouds
  before: RevisionSource | null
  after: RevisionSource | null
}
