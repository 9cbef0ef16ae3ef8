/* Generated from schema/catalog.schema.json by `npm run types`. Do not edit. */

/**
 * Which kind of page a source is: the URL allowlist, or the ExpressRoute exceptions.
 *
 * This interface was referenced by `Catalog`'s JSON-Schema
 * via the `definition` "page".
 */
export type Page = 'urls' | 'expressroute'
/**
 * The product a page is about (`power-bi`, `fabric`, `intune`, `windows`, `azure-virtual-desktop`, …): from its front matter (`ms.service`, `ms.subservice`, `ms.prod`, title), or set per page in endpoint-catalog.yaml; `unknown` when the page names none. Written on sources, endpoint sets and ExpressRoute exceptions by every compiler since schema 1.3.0.
 *
 * This interface was referenced by `Catalog`'s JSON-Schema
 * via the `definition` "service".
 */
export type Service = string
/**
 * This interface was referenced by `Catalog`'s JSON-Schema
 * via the `definition` "requirement".
 */
export type Requirement = 'required' | 'optional' | 'unknown'
/**
 * A Microsoft cloud an endpoint applies to: the public (commercial, worldwide) cloud, the three US Government clouds (GCC, GCC High, DoD), or the cloud operated by 21Vianet in China.
 *
 * This interface was referenced by `Catalog`'s JSON-Schema
 * via the `definition` "cloud".
 */
export type Cloud = 'public' | 'usgov-gcc' | 'usgov-gcchigh' | 'usgov-dod' | 'china'

/**
 * The network endpoints of Microsoft's endpoint documentation pages (Power BI, Fabric, Intune, Windows, …), compiled by endpoint-catalog.
 */
export interface Catalog {
  /**
   * This schema's address (its `$id`), for editors and validators; optional, and not part of the content hash.
   */
  $schema?: string
  /**
   * Version of this file format (semver). Readers accept any file with the same major version.
   */
  schemaVersion: string
  /**
   * Catalog version YYYYMMDDNN: the latest ms.date of the sources, and a counter within that date.
   */
  version: string
  /**
   * What the catalog is called, as `name:` in endpoint-catalog.yaml says (since schema 1.3.0; not part of the content hash). Without it, the catalog is named after the products of its endpoint sets (`Microsoft Intune and Power BI`). The Squid ACL and the Atom feed are named after it.
   */
  name?: string
  /**
   * sha256 of the catalog's content (endpoint sets and ExpressRoute exceptions, without source positions).
   */
  contentHash: string
  sources: Source[]
  endpointSets: EndpointSet[]
  expressRoute: ExpressRoute
  diagnostics: Diagnostic[]
}
/**
 * One markdown page the catalog was compiled from.
 *
 * This interface was referenced by `Catalog`'s JSON-Schema
 * via the `definition` "source".
 */
export interface Source {
  path: string
  page: Page
  title: string | null
  service?: Service
  /**
   * The product's name as people write it (`Power BI`, `Microsoft Intune`). Written with `service` since schema 1.3.0.
   */
  serviceName?: string
  /**
   * The page's ms.date as an ISO date, or null when the front matter has none.
   */
  msDate: string | null
  sha256: string
}
/**
 * One table row of an endpoint page: a purpose, its destinations and ports, and the product (`service`) of its page.
 *
 * This interface was referenced by `Catalog`'s JSON-Schema
 * via the `definition` "endpointSet".
 */
export interface EndpointSet {
  /**
   * Stable id derived from section and purpose (and destinations, where two rows share both).
   */
  id: string
  service?: Service
  section: string
  purpose: string
  requirement: Requirement
  /**
   * Since 1.4.0: the condition under which the page states a required set is required, as written (`If you are using the Azure-provided DNS service`, `to configure Exchange hybrid`); absent when the page states none.
   */
  condition?: string
  /**
   * Since 1.4.0: `inbound` when the page lists the set's addresses as sources of traffic into the reader's network (a `Source …` column, a `Direction` or `Type` cell saying inbound), which an outbound allow-list must not take; absent for outbound, the default.
   */
  direction?: 'inbound'
  /**
   * True when the page says any one of the destinations is enough ("One of the following:").
   */
  alternatives: boolean
  destinations: Destination[]
  ports: Port[]
  /**
   * The port cell as written, when it was not read as ports or N/A.
   */
  portsText?: string
  /**
   * Cells of columns the compiler does not map, by column header.
   */
  attributes?: {
    [k: string]: string
  }
  source: Position
}
/**
 * One typed destination. `value` identifies it: a lower-cased host, a wildcard, a URL, an address, a reference's absolute target, or verbatim text.
 *
 * This interface was referenced by `Catalog`'s JSON-Schema
 * via the `definition` "destination".
 */
export interface Destination {
  kind: 'host' | 'wildcard' | 'url' | 'ip' | 'cidr' | 'reference' | 'text'
  value: string
  /**
   * For a url: its host.
   */
  host?: string
  /**
   * For a reference: the link text.
   */
  text?: string
  /**
   * For a reference: the sentence around the link.
   */
  context?: string
  /**
   * For a reference: the target as written, when it differs from value.
   */
  href?: string
  expressRoute?: RouteStatus
  /**
   * Ports the page writes beside this destination (`*.digicert.com:80`): they, not the endpoint set's ports, are its ports.
   */
  ports?: Port[]
  /**
   * What the page writes in parentheses after the destination and is not a cloud (`(Europe)`), or the path after a host written without a scheme (`aka.ms/hybridwizard`).
   */
  note?: string
  /**
   * The clouds this destination applies to, each once, in the order of the cloud list: from a label in its cell (`**GCC High**:`), its column (`GCC | GCC High | DoD`), or the page's scope. Written by every compiler since schema 1.2.0; a destination without it applies to the public cloud.
   *
   * @minItems 1
   */
  clouds?: [Cloud, ...Cloud[]]
  /**
   * The catalog version since which this destination (same kind and value) has been listed without a break. Set by `build` and `history`, which keep the catalog's versions; `compile` leaves it out.
   */
  since?: string
}
/**
 * How traffic to a destination is routed for ExpressRoute customers: over the public Internet (an exception on its product's ExpressRoute page covers it), over ExpressRoute (no exception covers it), or unknown (its product has no ExpressRoute page in the catalog; since schema 1.3.0).
 *
 * This interface was referenced by `Catalog`'s JSON-Schema
 * via the `definition` "route".
 */
export interface RouteStatus {
  route: 'internet' | 'expressroute' | 'unknown'
  /**
   * The ExpressRoute exceptions that cover the destination, in catalog order.
   */
  exceptions: RouteMatch[]
}
/**
 * This interface was referenced by `Catalog`'s JSON-Schema
 * via the `definition` "routeMatch".
 */
export interface RouteMatch {
  exception: string
  activity: string
  /**
   * The exception's destination that covers this one.
   */
  pattern: string
}
/**
 * This interface was referenced by `Catalog`'s JSON-Schema
 * via the `definition` "port".
 */
export interface Port {
  protocol: 'tcp' | 'udp'
  port: number
  /**
   * Last port of a range, when the page gives one (e.g. TCP 5671-5672).
   */
  to?: number
}
/**
 * A place in a source page (1-based line and column).
 *
 * This interface was referenced by `Catalog`'s JSON-Schema
 * via the `definition` "position".
 */
export interface Position {
  path: string
  line: number
  column: number
}
/**
 * This interface was referenced by `Catalog`'s JSON-Schema
 * via the `definition` "expressRoute".
 */
export interface ExpressRoute {
  exceptions: ExpressRouteException[]
}
/**
 * Traffic the ExpressRoute page says goes over the public Internet: a table row (activity and destinations) or a bulleted prose exception.
 *
 * This interface was referenced by `Catalog`'s JSON-Schema
 * via the `definition` "exception".
 */
export interface ExpressRouteException {
  id: string
  service?: Service
  scope: 'overall' | 'saas' | 'desktop' | 'paas' | 'mobile' | 'gateway' | 'other'
  section: string
  kind: 'table' | 'prose'
  /**
   * The table's activity, or the prose exception's text.
   */
  activity: string
  /**
   * For prose: the emphasised subject of the bullet, e.g. Map visuals.
   */
  subject?: string
  destinations: Destination[]
  attributes?: {
    [k: string]: string
  }
  source: Position
}
/**
 * This interface was referenced by `Catalog`'s JSON-Schema
 * via the `definition` "diagnostic".
 */
export interface Diagnostic {
  ruleId: string
  severity: 'error' | 'warning' | 'info'
  message: string
  /**
   * Why the maintainers accept this finding (from endpoint-catalog.yaml); its level is lowered to warning.
   */
  accepted?: string
  source: Position
}
