/**
 * Catalog → what downstream tools load: each format is a module of the registry (`formats.ts`);
 * this one filters the catalog and hands it to the format.
 */
import type {Catalog} from '../../generated/catalog.js'
import type {Rendered} from './entries.js'
import {filterCatalog} from './filter.js'
import type {ExportOptions} from './format.js'
import {formatModule, type ExportFormat} from './formats.js'

export {exportFormats, type ExportFormat} from './formats.js'
export type {ExportOptions} from './format.js'
export {exportRecords, type ExportRecord} from './records.js'

/**
 * Render a catalog in one of the export formats: the text, and lines for stderr naming what was
 * left out and why. Throws a RangeError for an option value the format cannot take, a FilterError
 * for a filter that selects nothing it knows.
 */
export function exportCatalog(whole: Catalog, format: ExportFormat, options: ExportOptions = {}): Rendered {
  const module = formatModule(format)
  if (module === undefined) throw new RangeError(`--format ${JSON.stringify(format)}: unknown format`)
  const filter = options.filter ?? {}
  const catalog = filterCatalog(whole, filter)
  if (module.everySet === true || filter.direction !== undefined) return module.render(catalog, {...options, filter})
  // An allow-list lets traffic out: the sources of traffic in are not on it, unless asked for.
  const outbound = catalog.endpointSets.filter((set) => set.direction !== 'inbound')
  const inbound = catalog.endpointSets.length - outbound.length
  const rendered = module.render(inbound === 0 ? catalog : {...catalog, endpointSets: outbound}, {...options, filter})
  if (inbound === 0) return rendered
  const note = `${module.name}: left out ${inbound} inbound endpoint ${inbound === 1 ? 'set' : 'sets'} (sources of traffic into your network, not destinations; --direction inbound lists them)`
  return {...rendered, notes: [...rendered.notes, note]}
}
