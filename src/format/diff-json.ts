/**
 * Diff → JSON: the diff document itself (schema/diff.schema.json), two-space indented, with a
 * final newline.
 */
import type {Diff} from '../../generated/diff.js'
import {stringify} from '../io.js'

/** Render a diff as its JSON document. */
export function formatDiffJson(document: Diff): string {
  return stringify(document)
}
