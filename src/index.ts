/**
 * endpoint-catalog: compile Microsoft's endpoint documentation (Power BI, Fabric, Intune, …) into a
 * catalog, validate it, diff two catalogs, keep a catalog's versions and change feed, and export
 * them for firewalls, proxies and feed readers.
 */
export {compile, schemaVersion, type CompileOptions, type CompileResult, type PageInput} from './compile/catalog.js'
export {parseConfig, readConfig} from './config.js'
export {changeRules, diff, diffSchemaVersion, hasChangeAtLeast, type ChangeRule, type ChangeRuleId, type DiffOptions} from './diff/index.js'
export {InputError} from './errors.js'
export {changesSchemaVersion, release, type Published} from './feed/release.js'
export {changesSince} from './feed/since.js'
export {changesFormats, renderReleases, type ChangesFormat} from './format/changelog.js'
export {formatDiagnostics, formatDiagnosticsJson, type DiagnosticFormatOptions} from './format/diagnostics.js'
export {formatDiffJson} from './format/diff-json.js'
export {formatDiffMarkdown} from './format/diff-markdown.js'
export {formatDiffText, type DiffTextOptions} from './format/diff-text.js'
export type {Rendered} from './format/entries.js'
export {inputKind, type InputKind} from './kinds.js'
export {exportCatalog, exportFormats, type ExportFormat, type ExportOptions} from './format/export.js'
export {FilterError, filterCatalog, type CatalogFilter} from './format/filter.js'
export {assignM365Ids} from './format/m365.js'
export {diagnosticRules, type DiagnosticRuleId, type Level} from './rules.js'
export {parseCatalog, validate, type SchemaError} from './validate.js'
export type * from '../generated/catalog.js'
export type * from '../generated/diff.js'
// Both files name the catalog's cloud type; it is the catalog's.
export type {Cloud} from '../generated/catalog.js'
export type {ChangeFeed, Release} from '../generated/changes.js'
export type {Acceptance, Config, ServiceOverride} from '../generated/config.js'
export type {M365Changes} from '../generated/m365-changes.js'
export type {M365Endpoints} from '../generated/m365-endpoints.js'
export type {M365Ids} from '../generated/m365-ids.js'
