/**
 * The product a page is about (its `service`), and the catalog's name: from endpoint-catalog.yaml
 * when it says, else from the page's front matter through the vocabulary's product table.
 */
import picomatch from 'picomatch'
import type {Catalog} from '../../generated/catalog.js'
import type {ServiceOverride} from '../../generated/config.js'
import {compareText} from './catalog.js'
import {productName, productNamedBy} from './vocabulary.js'

/** The product of a page no front matter or configuration names. */
export const unknownService = 'unknown'

export interface PageService {
  service: string
  name: string
}

/**
 * The product of the page at `path`: the first `services` entry of the configuration whose glob
 * matches the path, else the vocabulary's product for its `ms.*` values or its title (with its
 * first heading), else `unknown`.
 */
export function pageService(path: string, docsets: string[], title: string | null, overrides: ServiceOverride[] = []): PageService {
  const override = overrides.find((entry) => picomatch(entry.pages, {dot: true})(path))
  if (override !== undefined) return {service: override.service, name: override.name ?? productName(override.service) ?? override.service}
  const product = productNamedBy(docsets, title)
  return product === undefined ? {service: unknownService, name: 'Unknown product'} : {service: product.service, name: product.name}
}

/**
 * A catalog's name: the one endpoint-catalog.yaml gave it, else the names of the products its
 * endpoint sets are of (of its pages when it has no endpoint set), sorted and joined
 * (`Microsoft Intune and Power BI`); `Endpoint catalog` when no page names its product. A catalog
 * narrowed to some products (`--service`) is named after those.
 */
export function catalogName(catalog: Pick<Catalog, 'name' | 'sources' | 'endpointSets'>): string {
  if (catalog.name !== undefined) return catalog.name
  const named = new Map(catalog.sources.flatMap((source) => (source.service === undefined ? [] : [[source.service, source.serviceName ?? source.service] as const])))
  const services = catalog.endpointSets.length > 0 ? catalog.endpointSets.map((set) => set.service) : catalog.sources.map((source) => source.service)
  const names = [...new Set(services.filter((service): service is string => service !== undefined && service !== unknownService).map((service) => named.get(service) ?? productName(service) ?? service))].sort(compareText)
  if (names.length === 0) return 'Endpoint catalog'
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}
