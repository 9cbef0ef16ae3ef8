/**
 * Validation against the JSON Schemas in schema/ (Ajv validators compiled ahead of time): every
 * catalog the tool writes or reads passes through here.
 */
import type {Catalog} from '../generated/catalog.js'
import * as validators from '../generated/validators.js'
import {contentHash} from './compile/catalog.js'
import {InputError} from './errors.js'

export interface SchemaError {
  /** JSON pointer to the offending value (`/endpointSets/3/ports/0/port`); empty for the root. */
  pointer: string
  message: string
}

/** What an Ajv validator reports for each error (the fields read here; Ajv's ErrorObject has them). */
interface ErrorObject {
  instancePath: string
  keyword: string
  params: Record<string, unknown>
  message?: string
}

/** A validator compiled ahead of time from schema/ (generated/validators.ts, by `npm run types`). */
interface ValidateFunction {
  (value: unknown): boolean
  errors?: ErrorObject[] | null
}

/** The schemas of the files this tool reads and writes, by name. */
const schemas: Record<'catalog' | 'config' | 'diff' | 'changes' | 'm365Endpoints' | 'm365Changes' | 'm365Ids', ValidateFunction> = validators
export type SchemaName = keyof typeof schemas

/** Check a value against a schema (`catalog`, …); returns the errors, empty when valid. */
export function validateAgainst(name: SchemaName, value: unknown): SchemaError[] {
  const validate = schemas[name]
  if (validate(value)) return integrity[name]?.(value) ?? []
  return (validate.errors ?? []).map((error) => ({pointer: error.instancePath, message: describe(error)}))
}

/**
 * What the schemas cannot say, checked once a document matches its schema: ids that are unique
 * (a diff would otherwise match the wrong rows and report changes that are not there), a feed's
 * versions newest first, each counted from the one after it, and numbers a reader holds exactly.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each check takes the document its schema has just accepted
const integrity: Partial<Record<SchemaName, (value: any) => SchemaError[]>> = {
  catalog: (catalog: Catalog) => [...duplicateIds(catalog.endpointSets, '/endpointSets'), ...duplicateIds(catalog.expressRoute.exceptions, '/expressRoute/exceptions')],
  changes: (feed: {versions: Array<{version: string; previous: string | null}>}) =>
    feed.versions.flatMap(({version, previous}, index): SchemaError[] => {
      const pointer = `/versions/${index}`
      const older = feed.versions[index + 1]
      if (previous === version) return [{pointer: pointer + '/previous', message: `is its own version ${version}`}]
      if (older !== undefined && older.version >= version) {
        return [{pointer: pointer + '/version', message: `${version} is not newer than the version after it (${older.version}); expected the newest first, each once`}]
      }
      if (older !== undefined && previous !== older.version) return [{pointer: pointer + '/previous', message: `is ${previous ?? 'null'}, expected ${older.version} (the version after it)`}]
      if (previous !== null && previous >= version) return [{pointer: pointer + '/previous', message: `${previous} is not older than ${version}`}]
      return []
    }),
  m365Ids: (ids: {endpointSets: Record<string, number>}) =>
    Object.entries(ids.endpointSets).flatMap(([id, number]): SchemaError[] =>
      Number.isSafeInteger(number) ? [] : [{pointer: `/endpointSets/${id}`, message: `${number} is past the largest number a reader holds exactly (${Number.MAX_SAFE_INTEGER})`}]
    )
}

/** An error for each item whose `id` an earlier item of `items` has. */
function duplicateIds(items: Array<{id: string}>, pointer: string): SchemaError[] {
  const seen = new Map<string, number>()
  return items.flatMap(({id}, index): SchemaError[] => {
    const first = seen.get(id)
    if (first === undefined) {
      seen.set(id, index)
      return []
    }
    return [{pointer: `${pointer}/${index}/id`, message: `${id} is also the id of ${pointer}/${first}; expected each id once`}]
  })
}

/** Check a catalog against schema/catalog.schema.json; returns the errors, empty when valid. */
export function validate(value: unknown): SchemaError[] {
  return validateAgainst('catalog', value)
}

/**
 * Parse and validate catalog JSON text, and recompute its content hash; throws an InputError
 * naming the file and JSON pointer, or the hash that does not match.
 */
export function parseCatalog(text: string, path: string): Catalog {
  const catalog = parseDocument<Catalog>('catalog', text, path)
  const mismatch = contentHashMismatch(catalog)
  if (mismatch !== undefined) throw new InputError(`${path}: ${mismatch}`)
  return catalog
}

/**
 * Why a (schema-valid) catalog's `contentHash` is not the hash of its content, undefined when it
 * is: an edit by hand or a damaged file, which a consumer comparing hashes would not notice.
 */
export function contentHashMismatch(catalog: Catalog): string | undefined {
  const expected = contentHash(catalog)
  if (catalog.contentHash === expected) return undefined
  return `contentHash ${catalog.contentHash} does not match the catalog's content (${expected}): edited by hand or damaged; build it again`
}

/** Parse and validate a JSON document of the named schema; throws an InputError on failure. */
export function parseDocument<T>(name: SchemaName, text: string, path: string): T {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${(error as Error).message})`)
  }
  const errors = validateAgainst(name, value)
  if (errors.length > 0) {
    const first = errors[0]!
    throw new InputError(
      `${path}: not a valid ${name}: ${first.pointer || '/'} ${first.message}` +
        (errors.length > 1 ? ` (and ${errors.length - 1} more${name === 'catalog' ? `; run \`endpoint-catalog validate ${path}\`` : ''})` : '')
    )
  }
  return value as T
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') {
    return `has unexpected property \`${String(error.params['additionalProperty'])}\``
  }
  if (error.keyword === 'enum') {
    return `${error.message ?? 'is invalid'}: ${(error.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
  }
  return error.message ?? 'is invalid'
}

