/**
 * YAML read the one way this tool does: errors thrown, and warnings (an unknown tag such as
 * `!!js/function`) returned as one-line messages for the caller to report, never printed by the
 * library as a raw `YAMLWarning` block.
 */
import {parseDocument} from 'yaml'

/** The value of `text` and its warnings (`Unresolved tag: tag:yaml.org,2002:js/function at line 1, column 5`); throws on a YAML error. */
export function parseYaml(text: string): {value: unknown; warnings: string[]} {
  const document = parseDocument(text, {logLevel: 'silent'})
  const error = document.errors[0]
  if (error !== undefined) throw error
  return {value: document.toJS({logLevel: 'silent'}) as unknown, warnings: document.warnings.map((warning) => firstLine(warning.message))}
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/:$/, '')
}
