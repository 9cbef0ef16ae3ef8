/**
 * `validate`: check a catalog, change feed, diff document or config against its schema (a
 * catalog also against its content hash), the kind told by the content.
 */
import type {Catalog} from '../../generated/catalog.js'
import {configYaml} from '../config.js'
import {InputError} from '../errors.js'
import {inputKind, inputKinds, kindMismatch, type InputKind} from '../kinds.js'
import {contentHashMismatch, validateAgainst, type SchemaError, type SchemaName} from '../validate.js'
import {parse, readArgument, UsageError, type Io} from './common.js'

/** The kinds validate checks, by the schema each has. */
const schemaOf: Partial<Record<InputKind, SchemaName>> = {catalog: 'catalog', changes: 'changes', diff: 'diff', m365Ids: 'm365Ids', config: 'config'}

/** `validate <file | ->`: the arguments after the command name; returns the exit code. */
export function validateCommand(args: string[], io: Io): number {
  const {positionals} = parse(args, {}, {})
  if (positionals.length !== 1) throw new UsageError('validate takes one file')
  const path = positionals[0]!
  const text = readArgument(path, io).toString('utf8')
  const kind = inputKind(text)
  const schema = schemaOf[kind]
  if (schema === undefined) {
    if (kind === 'json') return invalidJson(path, text, io)
    throw new InputError(kindMismatch(path, kind, 'a catalog, change feed, diff document or config'))
  }
  // A config is read as --config reads it: a YAML tag is an input error.
  const value: unknown = kind === 'config' ? configYaml(text, path) : JSON.parse(text)
  const errors: SchemaError[] = validateAgainst(schema, value)
  const mismatch = kind === 'catalog' && errors.length === 0 ? contentHashMismatch(value as Catalog) : undefined
  const name = inputKinds[kind].name.replace(/^(?:an?|the) /, '').replace(/ \(.*\)$/, '')
  if (mismatch !== undefined) {
    io.stderr.write(`${path}: /contentHash  ${mismatch}\n`)
    io.stderr.write(`${path}: not a valid ${name}: its content hash does not match its content\n`)
    return 1
  }
  if (errors.length === 0) {
    io.stdout.write(`${path}: valid ${name}\n`)
    return 0
  }
  for (const error of errors) io.stderr.write(`${path}: ${error.pointer || '/'}  ${error.message}\n`)
  io.stderr.write(`${path}: not a valid ${name}: ${errors.length} schema ${errors.length === 1 ? 'error' : 'errors'}\n`)
  return 1
}

/** JSON validate cannot check: not JSON at all, or of no kind this tool reads. */
function invalidJson(path: string, text: string, io: Io): number {
  try {
    JSON.parse(text)
    io.stderr.write(`${path}: ${inputKinds.json.name}; expected a catalog, change feed, diff document or config\n`)
  } catch (error) {
    io.stderr.write(`${path}: not valid JSON (${(error as Error).message})\n`)
  }
  return 1
}
