/**
 * The header line of every format that has comments: which catalog version and content the file
 * was made from, and the filter that selected it.
 */
import type {Catalog} from '../../generated/catalog.js'
import {describeFilter, type CatalogFilter} from './filter.js'

/**
 * `endpoint-catalog: catalog version 2018112800, sha256:…` (and `, filter: --required`), on one
 * line: control characters and line breaks (from a `--section` text) are shown as `?`.
 */
export function headerText(catalog: Catalog, filter: CatalogFilter = {}): string {
  const described = describeFilter(filter)
  const text = `endpoint-catalog: catalog version ${catalog.version}, ${catalog.contentHash}${described === '' ? '' : `, filter: ${described}`}`
  // eslint-disable-next-line no-control-regex -- control characters are what is removed from a header line
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?')
}
