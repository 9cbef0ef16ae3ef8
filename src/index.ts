/**
 * endpoint-catalog: compile the Power BI endpoint documentation into a catalog, validate it, diff
 * two catalogs, and keep a catalog's versions and change feed.
 */
export {compile, schemaVersion, type CompileResult, type PageInput} from './compile/catalog.js'
export {changeRules, diff, diffSchemaVersion, hasChangeAtLeast, type ChangeRule, type ChangeRuleId, type DiffOptions} from './diff/index.js'
export {InputError} from './errors.js'
export {changesSchemaVersion, release, type Published} from './feed/release.js'
export {changesSince} from './feed/since.js'
export {diagnosticRules, type DiagnosticRuleId, type Level} from './rules.js'
export {parseCatalog, validate, type SchemaError} from './validate.js'
export type * from '../generated/catalog.js'
export type * from '../generated/diff.js'
// Both files name the catalog's cloud type; it is the catalog's.
export type {Cloud} from '../generated/catalog.js'
export type {ChangeFeed, Release} from '../generated/changes.js'
