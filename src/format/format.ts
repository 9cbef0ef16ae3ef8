/**
 * The shape of an export format: its name, what it writes, the line that loads it, its options with
 * their help text, and `render`. The registry (`formats.ts`) lists them; the `export` command, its
 * help and the README's table of formats are made from it.
 */
import type {Catalog} from '../../generated/catalog.js'
import type {Family} from './addresses.js'
import type {Rendered} from './entries.js'
import type {CatalogFilter} from './filter.js'
import type {M365Category, M365Ids} from './m365.js'

export interface ExportOptions {
  /** The part of the catalog to export (default: all of it). */
  filter?: CatalogFilter
  /** pac: what the selected destinations get (default: `DIRECT`). */
  proxy?: string
  /** pac: what every other host gets (default: `DIRECT`). */
  fallback?: string
  /** squid: the ACL name (default: from the catalog's name, `power_bi_endpoints`). */
  acl?: string
  /** ips, cidrs, nftables, ipset: only addresses of this family (default: both). */
  family?: Family
  /** nftables: the table name (default: `endpoint_catalog`). */
  table?: string
  /** ipset: the prefix of the set names (default: `endpoint_catalog`: `endpoint_catalog_v4`, `endpoint_catalog_v6`). */
  set?: string
  /** m365: the `category` of rows whose page states none (default: `Default`). */
  category?: M365Category
  /** m365: the recorded endpoint-set numbers (default: none recorded; numbered in catalog order). */
  m365Ids?: M365Ids
}

/** The options a format's `render` gets: the filter it was selected with, always. */
export type RenderOptions = ExportOptions & {filter: CatalogFilter}

/** One command-line option of a format. */
export interface FormatOption {
  /** The flag, without `--`. */
  flag: string
  /** The option of `ExportOptions` it sets. */
  key: Exclude<keyof ExportOptions, 'filter' | 'm365Ids'>
  /** What the value is, for the help (`name`, `"PROXY h:p"`, `4|6`). */
  value: string
  /** What it does, with its default. */
  help: string
  /** The value from the command line's text; throws a RangeError saying what is expected. */
  parse?: (text: string) => ExportOptions[FormatOption['key']]
}

export interface ExportFormatModule<Name extends string = string> {
  name: Name
  /** What the file holds, in one line (help and README). */
  summary: string
  /** The line that loads the file into its consumer (README), or how it is read. */
  loads: string
  options: readonly FormatOption[]
  /**
   * True for a format that carries every endpoint set with its direction (`csv`, `json`); an
   * allow-list takes outbound sets only, unless the filter asks for `--direction inbound`.
   */
  everySet?: boolean
  /** The file for a catalog already filtered by `options.filter`. */
  render(catalog: Catalog, options: RenderOptions): Rendered
}

/** A format module, its name kept as a literal type. */
export function defineFormat<const Name extends string>(module: ExportFormatModule<Name>): ExportFormatModule<Name> {
  return module
}

/** `--family 4|6`: the address formats' option. */
export const familyOption: FormatOption = {
  flag: 'family',
  key: 'family',
  value: '4|6',
  help: 'only IPv4 or only IPv6 addresses (default: both)',
  parse: (text) => {
    if (text === '4' || text === '6') return Number(text) as Family
    throw new RangeError(`--family ${JSON.stringify(text)}: expected 4 or 6`)
  }
}
