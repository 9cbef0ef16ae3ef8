/** `validate`: check a catalog against its schema and its content hash. */
import type {Catalog} from '../../generated/catalog.js'
import {readInput} from '../io.js'
import {contentHashMismatch, validateAgainst} from '../validate.js'
import {parse, UsageError, type Io} from './common.js'

export function validateCommand(args: string[], io: Io): number {
  const {positionals} = parse(args, {})
  if (positionals.length !== 1) throw new UsageError('validate takes one catalog.json')
  const path = positionals[0]!
  const text = readInput(path, io.cwd).toString('utf8')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    io.stderr.write(`${path}: not valid JSON (${(error as Error).message})\n`)
    return 1
  }
  const errors = validateAgainst('catalog', value)
  const mismatch = errors.length === 0 ? contentHashMismatch(value as Catalog) : undefined
  if (mismatch !== undefined) errors.push({pointer: '/contentHash', message: mismatch})
  if (errors.length === 0) {
    io.stdout.write(`${path}: valid catalog\n`)
    return 0
  }
  for (const error of errors) io.stderr.write(`${path}: ${error.pointer || '/'}  ${error.message}\n`)
  io.stderr.write(`${errors.length} schema ${errors.length === 1 ? 'error' : 'errors'}\n`)
  return 1
}
