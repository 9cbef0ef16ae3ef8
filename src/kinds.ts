/**
 * What a file given to the tool is, told by its content rather than its name: a documentation page,
 * a catalog, a change feed, a diff document or a config (endpoint-catalog.yaml).
 */
import {parseYaml} from './yaml.js'

export type InputKind = 'page' | 'changelog' | 'catalog' | 'changes' | 'diff' | 'm365Ids' | 'config' | 'json'

/** How each kind is named in a message, and the commands that take it. */
export const inputKinds: Record<InputKind, {name: string; commands: string}> = {
  page: {name: 'a documentation page (markdown)', commands: '`build`, `compile`, `export`, `diff` and `history` take pages'},
  changelog: {name: 'the CHANGELOG.md a build wrote', commands: '`changes` prints it from the change feed beside it (changes.json)'},
  catalog: {name: 'a catalog', commands: '`export`, `diff` and `validate` take a catalog'},
  changes: {name: 'a change feed', commands: '`changes` and `validate` take a change feed'},
  diff: {name: 'a diff document', commands: '`validate` takes a diff document'},
  m365Ids: {name: 'the endpoint-set numbers (m365-ids.json)', commands: '`build` keeps them beside the catalog'},
  config: {name: 'a config (endpoint-catalog.yaml)', commands: '`--config` and `validate` take a config'},
  json: {name: 'a JSON document of no kind this tool reads', commands: '`validate` tells a catalog, change feed or diff document'}
}

/** The kind of a file's text: JSON by its top-level properties, YAML of config keys, else a page. */
export function inputKind(text: string): InputKind {
  const start = text.replace(/^\uFEFF/, '').trimStart()[0]
  if (start === '{' || start === '[') return jsonKind(text)
  if (isChangelog(text)) return 'changelog'
  return isConfig(text) ? 'config' : 'page'
}

/** The opening of the CHANGELOG.md `build` writes (src/format/changelog.ts): never a page to read. */
function isChangelog(text: string): boolean {
  return /^\uFEFF?# Endpoint changes\r?\n\r?\nEvery version of `catalog\.json`, newest first, [^\n]*Generated from `changes\.json` by `endpoint-catalog build`; do not edit\./.test(text)
}

function jsonKind(text: string): InputKind {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return 'json'
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'json'
  const has = (key: string): boolean => Object.hasOwn(value, key)
  if (has('endpointSets') && has('expressRoute')) return 'catalog'
  if (has('endpointSets')) return 'm365Ids'
  if (has('versions')) return 'changes'
  if (has('changes') && has('from') && has('to')) return 'diff'
  return 'json'
}

const configKeys = new Set(['accept', 'maxPageSize', 'name', 'feedUrl', 'services'])

function isConfig(text: string): boolean {
  // Parse as YAML only what names a config key at the start of a line: pages are left alone.
  if (!/^(accept|maxPageSize|services|feedUrl|name)\s*:/m.test(text)) return false
  let value: unknown
  try {
    value = parseYaml(text).value
  } catch {
    return false
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const keys = Object.keys(value)
  if (keys.length === 0 || !keys.every((key) => configKeys.has(key))) return false
  // The shape of each key, not yet its contents: those the schema checks (`validate` reports them).
  const {accept, maxPageSize, services} = value as {accept?: unknown; maxPageSize?: unknown; services?: unknown}
  return (
    (accept === undefined || accept === null || Array.isArray(accept)) &&
    (maxPageSize === undefined || typeof maxPageSize === 'number') &&
    (services === undefined || services === null || Array.isArray(services))
  )
}

/** `x.json: a catalog, expected a documentation page (markdown); `export`, … take a catalog`. */
export function kindMismatch(path: string, kind: InputKind, expected: string): string {
  return `${path}: ${inputKinds[kind].name}, expected ${expected}; ${inputKinds[kind].commands}`
}
