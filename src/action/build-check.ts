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
  const key = (diagnostic: Diagnostic): string => `${diagnostic.source.path}\n${diagnostic.ruleId}\n${diagnostic.message}`
  const atBase = new Map<string, number>()
  for (const diagnostic of base.diagnostics) {
    if (diagnostic.severity === 'error') atBase.set(key(diagnostic), (atBase.get(key(diagnostic)) ?? 0) + 1)
  }
  return head.diagnostics.filter((diagnostic) => {
    if (diagnostic.severity !== 'error') return false
    const left = atBase.get(key(diagnostic)) ?? 0
    if (left === 0) return true
    atBase.set(key(diagnostic), left - 1)
    return false
  })
}
