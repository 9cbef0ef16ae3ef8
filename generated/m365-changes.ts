/* Generated from schema/m365-changes.schema.json by `npm run types`. Do not edit. */

export type M365IpRange = import('./m365-endpoints.js').M365IpRange
export type M365Url = import('./m365-endpoints.js').M365Url
export type M365IpRange1 = import('./m365-endpoints.js').M365IpRange
export type M365Url1 = import('./m365-endpoints.js').M365Url
/**
 * `endpoint-catalog changes --format m365`: the change feed in the shape of the answer of the Microsoft 365 IP Address and URL web service's changes method (https://endpoints.office.com/changes/{instance}/{version}), as its documentation (microsoft-365-ip-web-service) describes it: an array of change records, oldest first.
 */
export type M365Changes = M365Change[]

export interface M365Change {
  /**
   * The immutable id of the change record.
   */
  id: number
  /**
   * The id of the endpoint set record that is changed (`id` of the endpoints answer).
   */
  endpointSetId: number
  disposition: 'Add' | 'Change' | 'Remove'
  /**
   * The expected impact on a network perimeter; the service gives it from version 2018112800 on, this tool always.
   */
  impact?:
    | 'AddedIp'
    | 'AddedUrl'
    | 'AddedIpAndUrl'
    | 'RemovedIpOrUrl'
    | 'ChangedIsExpressRoute'
    | 'MovedIpOrUrl'
    | 'RemovedDuplicateIpOrUrl'
    | 'OtherNonPriorityChanges'
  version: string
  previous?: M365ChangeValues
  current?: M365ChangeValues
  add?: M365ChangeAdd
  remove?: M365ChangeRemove
}
/**
 * Values of changed elements of the endpoint set, before (`previous`) or after (`current`) the change.
 */
export interface M365ChangeValues {
  expressRoute?: boolean
  serviceArea?: string
  category?: 'Optimize' | 'Allow' | 'Default'
  required?: boolean
  tcpPorts?: string
  udpPorts?: string
  notes?: string
}
export interface M365ChangeAdd {
  /**
   * When the additions are live: YYYYMMDD.
   */
  effectiveDate: string
  /**
   * @minItems 1
   */
  ips?: [M365IpRange, ...M365IpRange[]]
  /**
   * @minItems 1
   */
  urls?: [M365Url, ...M365Url[]]
}
export interface M365ChangeRemove {
  /**
   * @minItems 1
   */
  ips?: [M365IpRange1, ...M365IpRange1[]]
  /**
   * @minItems 1
   */
  urls?: [M365Url1, ...M365Url1[]]
}
