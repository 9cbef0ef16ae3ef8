/* Generated from schema/m365-endpoints.schema.json by `npm run types`. Do not edit. */

export type M365Url = string
export type M365IpRange = string
/**
 * A comma-separated list of ports or port ranges (`80,443`, `5671-5672`).
 */
export type M365Ports = string
/**
 * `endpoint-catalog export --format m365`: the catalog in the shape of the answer of the Microsoft 365 IP Address and URL web service's endpoints method (https://endpoints.office.com/endpoints/{instance}), as its documentation (microsoft-365-ip-web-service) describes it: an array of endpoint sets.
 */
export type M365Endpoints = M365EndpointSet[]

/**
 * One endpoint set. As in the service, `urls`, `ips`, `tcpPorts`, `udpPorts` and `notes` are omitted when blank.
 */
export interface M365EndpointSet {
  /**
   * The immutable id number of the endpoint set.
   */
  id: number
  /**
   * The service area the set is part of (the service's are Common, Exchange, SharePoint and Skype).
   */
  serviceArea: string
  serviceAreaDisplayName: string
  /**
   * DNS names, exact or `*.` wildcards.
   *
   * @minItems 1
   */
  urls?: [M365Url, ...M365Url[]]
  /**
   * IP address ranges in CIDR notation.
   *
   * @minItems 1
   */
  ips?: [M365IpRange, ...M365IpRange[]]
  tcpPorts?: M365Ports
  udpPorts?: M365Ports
  /**
   * True if this endpoint set is routed over ExpressRoute.
   */
  expressRoute: boolean
  /**
   * The connectivity category.
   */
  category: 'Optimize' | 'Allow' | 'Default'
  /**
   * True if the set is required for the service to be supported, false if optional.
   */
  required: boolean
  notes?: string
}
