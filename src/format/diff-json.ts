/**
 * Diff → JSON: the diff document itself (schema/diff.schema.json), checked against its schema,
 * two-space indented, with a final newline.
 */
import type {Diff} from '../../generated/diff.js'
import {checkedJson} from '../io.js'

/** Render a diff as its JSON document. */
export function formatDiffJson(document: Diff): string {
  return checkedJson('diff', document)
}
