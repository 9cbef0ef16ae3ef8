/**
 * Selecting part of a catalog: only required rows, some products, one cloud, sections by name, one
 * ExpressRoute route, some destination kinds. The result is a catalog again, so every format (and a diff of two
 * filtered catalogs) reads it as it reads a whole one.
 */
import type {Catalog, Cloud, Destination, EndpointSet} from '../../generated/catalog.js'
import {compareText} from '../compile/catalog.js'
import {unknownService} from '../compile/service.js'

export const clouds: readonly Cloud[] = ['public', 'usgov-gcc', 'usgov-gcchigh', 'usgov-dod', 'china']
export const routes = ['internet', 'expressroute'] as const
export const destinationKinds = ['host', 'wildcard', 'url', 'ip', 'cidr', 'reference', 'text'] as const

export type Route = (typeof routes)[number]
export const directions = ['outbound', 'inbound'] as const
export type Direction = (typeof directions)[number]

/** An endpoint set's direction: `inbound` as the page says, else `outbound`. */
export function setDirection(set: Pick<EndpointSet, 'direction'>): Direction {
  return set.direction ?? 'outbound'
}
export type DestinationKind = (typeof destinationKinds)[number]

export interface CatalogFilter {
  /** Only endpoint sets whose requirement is `required` (default: false). */
  required?: boolean
  /** Only endpoint sets of these products (`service`: `power-bi`, `intune`, …). */
  services?: string[]
  /** Only destinations that apply to this cloud (a destination without `clouds` applies to `public`). */
  cloud?: Cloud
  /** Only endpoint sets whose section contains this text, in any case. */
  section?: string
  /** Only destinations routed this way for ExpressRoute customers. */
  route?: Route
  /** Only destinations of these kinds. */
  kinds?: DestinationKind[]
  /**
   * Only endpoint sets of this direction: `outbound` (destinations of traffic from the reader's
   * network, the default of every allow-list format) or `inbound` (sources of traffic into it).
   */
  direction?: Direction
}

/** An unknown filter value; its message lists the valid ones. */
export class FilterError extends Error {
  override name = 'FilterError'
}

/** An endpoint set's product; `unknown` for a set of a catalog compiled before products were recorded. */
export function setService(set: Pick<EndpointSet, 'service'>): string {
  return set.service ?? unknownService
}

/** `--cloud x: expected one of public, …`: the message for a value that is not one of `valid`. */
export function notOneOf(option: string, value: string, valid: readonly string[], what = ''): FilterError {
  return new FilterError(`${option} ${value || '(empty)'}: expected one of ${valid.join(', ')}${what}`)
}

/** The clouds a destination applies to: its own list, or the public cloud when it has none. */
export function destinationClouds(destination: Destination): Cloud[] {
  return destination.clouds ?? ['public']
}

/**
 * The part of `catalog` that `filter` selects: endpoint sets and destinations kept in catalog
 * order, sets left without destinations by a destination filter dropped. An empty filter returns
 * the catalog unchanged.
 */
export function filterCatalog(catalog: Catalog, filter: CatalogFilter, checked = false): Catalog {
  if (!checked) checkFilter(catalog, filter)
  const section = filter.section?.toLowerCase()
  const byDestination = filter.cloud !== undefined || filter.route !== undefined || filter.kinds !== undefined
  const keep = (destination: Destination): boolean =>
    (filter.cloud === undefined || destinationClouds(destination).includes(filter.cloud)) &&
    (filter.route === undefined || destination.expressRoute?.route === filter.route) &&
    (filter.kinds === undefined || filter.kinds.includes(destination.kind))
  const endpointSets: EndpointSet[] = []
  for (const set of catalog.endpointSets) {
    if (filter.required === true && set.requirement !== 'required') continue
    if (filter.services !== undefined && !filter.services.includes(setService(set))) continue
    if (section !== undefined && !set.section.toLowerCase().includes(section)) continue
    if (filter.direction !== undefined && setDirection(set) !== filter.direction) continue
    if (!byDestination) {
      endpointSets.push(set)
      continue
    }
    const destinations = set.destinations.filter(keep)
    if (destinations.length > 0) endpointSets.push({...set, destinations})
  }
  return {...catalog, endpointSets}
}

/**
 * Both sides of a diff narrowed by one filter: a section or a route is checked against what either
 * side has (a section may be new, or gone).
 */
export function filterSides(before: Catalog, after: Catalog, filter: CatalogFilter): [Catalog, Catalog] {
  checkFilter({...after, endpointSets: [...before.endpointSets, ...after.endpointSets]}, filter)
  return [filterCatalog(before, filter, true), filterCatalog(after, filter, true)]
}

/** A filter's values checked against what the catalog has: a section no row is in, a route with no ExpressRoute page. */
function checkFilter(catalog: Catalog, filter: CatalogFilter): void {
  if (filter.cloud !== undefined && !clouds.includes(filter.cloud)) throw notOneOf('--cloud', filter.cloud, clouds)
  if (filter.route !== undefined && !(routes as readonly string[]).includes(filter.route)) throw notOneOf('--route', filter.route, routes)
  if (filter.services !== undefined) {
    const services = catalogServices(catalog)
    const unknown = filter.services.find((service) => !services.includes(service))
    if (unknown !== undefined) throw notOneOf('--service', unknown, services, " (the catalog's products)")
  }
  for (const kind of filter.kinds ?? []) {
    if (!(destinationKinds as readonly string[]).includes(kind)) throw new FilterError(`--kind ${kind}: expected one of ${destinationKinds.join(', ')}`)
  }
  if (filter.section !== undefined) {
    const sections = [...new Set(catalog.endpointSets.map((set) => set.section))]
    const wanted = filter.section.toLowerCase()
    if (!sections.some((name) => name.toLowerCase().includes(wanted))) {
      throw new FilterError(`--section ${JSON.stringify(filter.section)}: no section contains it; the sections are ${sections.map((name) => JSON.stringify(name)).join(', ')}`)
    }
  }
  if (filter.route !== undefined && !catalog.endpointSets.some((set) => set.destinations.some((d) => d.expressRoute !== undefined))) {
    throw new FilterError(`--route ${filter.route}: the catalog has no ExpressRoute page, so no destination has a route`)
  }
}

/** The products of a catalog's endpoint sets, sorted. */
export function catalogServices(catalog: Catalog): string[] {
  return [...new Set(catalog.endpointSets.map(setService))].sort(compareText)
}

/**
 * A filter from command-line values (`--kind host,wildcard`); throws a FilterError naming the
 * valid values for one it does not know.
 */
export function parseFilter(values: {required?: boolean | undefined; service?: string | undefined; cloud?: string | undefined; section?: string | undefined; route?: string | undefined; kind?: string | undefined; direction?: string | undefined}): CatalogFilter {
  const filter: CatalogFilter = {}
  if (values.direction !== undefined) {
    if (!(directions as readonly string[]).includes(values.direction)) throw notOneOf('--direction', values.direction, directions)
    filter.direction = values.direction as Direction
  }
  if (values.required === true) filter.required = true
  if (values.service !== undefined) {
    const services = values.service.split(',').map((service) => service.trim())
    // Which products there are depends on the catalog: filterCatalog checks them.
    if (services.includes('')) throw new FilterError('--service needs a product id, such as power-bi, or several separated by commas')
    filter.services = [...new Set(services)]
  }
  if (values.cloud !== undefined) {
    if (!clouds.includes(values.cloud as Cloud)) throw notOneOf('--cloud', values.cloud, clouds)
    filter.cloud = values.cloud as Cloud
  }
  if (values.section !== undefined) {
    if (values.section.trim() === '') throw new FilterError('--section needs the text of a section name')
    filter.section = values.section
  }
  if (values.route !== undefined) {
    if (!(routes as readonly string[]).includes(values.route)) throw notOneOf('--route', values.route, routes)
    filter.route = values.route as Route
  }
  if (values.kind !== undefined) {
    const kinds = values.kind.split(',').map((kind) => kind.trim())
    for (const kind of kinds) {
      if (!(destinationKinds as readonly string[]).includes(kind)) throw new FilterError(`--kind ${kind || '(empty)'}: expected one or more of ${destinationKinds.join(', ')}, separated by commas`)
    }
    filter.kinds = [...new Set(kinds as DestinationKind[])]
  }
  return filter
}

/** A filter as the command-line options that make it (`--required --cloud public`), for a header line; empty when none. */
export function describeFilter(filter: CatalogFilter): string {
  const parts: string[] = []
  if (filter.required) parts.push('--required')
  if (filter.services !== undefined) parts.push(`--service ${filter.services.join(',')}`)
  if (filter.cloud !== undefined) parts.push(`--cloud ${filter.cloud}`)
  if (filter.section !== undefined) parts.push(`--section ${JSON.stringify(filter.section)}`)
  if (filter.route !== undefined) parts.push(`--route ${filter.route}`)
  if (filter.kinds !== undefined) parts.push(`--kind ${filter.kinds.join(',')}`)
  return parts.join(' ')
}
