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
  return module.render(filterCatalog(whole, filter), {...options, filter})
}
