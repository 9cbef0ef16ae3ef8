/**
 * The diff engine: catalog × catalog → structural differences → changes graded by the rule registry.
 */
export {diff, diffSchemaVersion, hasChangeAtLeast, type DiffOptions} from './document.js'
export {changeRules, type ChangeRule, type ChangeRuleId} from './rules.js'
export type * from '../../generated/diff.js'
