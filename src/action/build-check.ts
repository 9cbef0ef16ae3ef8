/**
 * What `endpoint-catalog build` will say after the merge: the head's error-level diagnostics that
 * the base does not have (both compiled with the base's accepted findings). An error there fails
 * the build, whatever the diff's levels say.
 */
import type {Catalog, Diagnostic} from '../../generated/catalog.js'

/**
 * The head's errors not at the base: matched by page, rule and message (not by line, which moves
 * with any edit above it), each base error matching one head error.
 */
export function newBuildErrors(base: Catalog, head: Catalog): Diagnostic[] {
  return newDiagnostics(base, head, (diagnostic) => diagnostic.severity === 'error')
}

/** The findings of a risky destination (an over-broad wildcard, address range or port range). */
export const riskyRules: readonly string[] = ['over-broad-wildcard', 'over-broad-address', 'over-broad-ports']

/**
 * The risky destinations the head adds: its findings of `riskyRules` not accepted in the base's
 * endpoint-catalog.yaml and not at the base. They are warnings, so the build passes; the comment
 * says so all the same.
 */
export function newRiskyFindings(base: Catalog, head: Catalog): Diagnostic[] {
  return newDiagnostics(base, head, (diagnostic) => riskyRules.includes(diagnostic.ruleId) && diagnostic.accepted === undefined)
}

/** The head's diagnostics that `keep` selects and the base does not have, matched as `newBuildErrors` says. */
function newDiagnostics(base: Catalog, head: Catalog, keep: (diagnostic: Diagnostic) => boolean): Diagnostic[] {
  const key = (diagnostic: Diagnostic): string => `${diagnostic.source.path}\n${diagnostic.ruleId}\n${diagnostic.message}`
  const atBase = new Map<string, number>()
  for (const diagnostic of base.diagnostics) {
    if (keep(diagnostic)) atBase.set(key(diagnostic), (atBase.get(key(diagnostic)) ?? 0) + 1)
  }
  return head.diagnostics.filter((diagnostic) => {
    if (!keep(diagnostic)) return false
    const left = atBase.get(key(diagnostic)) ?? 0
    if (left === 0) return true
    atBase.set(key(diagnostic), left - 1)
    return false
  })
}
