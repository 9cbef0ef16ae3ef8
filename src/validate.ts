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
  if (validate(value)) return []
  return (validate.errors ?? []).map((error) => ({pointer: error.instancePath, message: describe(error)}))
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

