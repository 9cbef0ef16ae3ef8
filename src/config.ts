/**
 * endpoint-catalog.yaml: the maintainers' reviewed decisions (accepted findings), read and
 * validated against schema/config.schema.json.
 */
import {existsSync} from 'node:fs'
import {dirname, join, relative, resolve, sep} from 'node:path'
import type {Diagnostic} from '../generated/catalog.js'
import type {Config} from '../generated/config.js'
import type {CompileOptions} from './compile/catalog.js'
import {InputError} from './errors.js'
import {readInput} from './io.js'
import {diagnosticRules, readingError} from './rules.js'
import {validateAgainst} from './validate.js'
import {parseYaml} from './yaml.js'

export const defaultConfigPath = 'endpoint-catalog.yaml'

/** Read the config at `path`, or the one `findConfig` finds from `cwd` (else an empty config). */
export function readConfig(cwd: string, path?: string): Config {
  const file = findConfig(cwd, path)
  if (file === undefined) return {}
  return parseConfig(readInput(file, cwd).toString('utf8'), file)
}

/**
 * The config to read, relative to `cwd`: `path` when given; else the nearest `endpoint-catalog.yaml`
 * in `cwd` or a directory above it, as ESLint, Prettier and npm find theirs, up to the root of the
 * git repository (a directory holding `.git`) or of the file system; undefined when there is none.
 */
export function findConfig(cwd: string, path?: string): string | undefined {
  if (path !== undefined) return path
  for (let directory = resolve(cwd); ; directory = dirname(directory)) {
    const candidate = join(directory, defaultConfigPath)
    if (existsSync(candidate)) return relative(resolve(cwd), candidate).split(sep).join('/')
    if (existsSync(join(directory, '.git')) || dirname(directory) === directory) return undefined
  }
}

/** Parse and validate a config's text; `file` names it in error messages. */
export function parseConfig(text: string, file: string): Config {
  const value = configYaml(text, file)
  const errors = validateAgainst('config', value)
  if (errors.length > 0) throw new InputError(`${file}: not a valid config: ${errors[0]!.pointer || '/'} ${errors[0]!.message}`)
  return value as Config
}

/** What a config tells the compiler: accepted findings, products of pages, the catalog's name. */
export function compileOptionsOf(config: Config): CompileOptions {
  return {accept: config.accept ?? [], services: config.services ?? [], ...(config.name === undefined ? {} : {name: config.name})}
}

/** What a config tells the writing of a build's files: where its Atom feed is published. */
export function publishOptionsOf(config: Config): {feedUrl?: string} {
  return config.feedUrl === undefined ? {} : {feedUrl: config.feedUrl}
}

/** A config's YAML value (an empty file is `{}`); a YAML error or tag (`!!js/function`) is an input error. */
export function configYaml(text: string, file: string): unknown {
  let read: {value: unknown; warnings: string[]}
  try {
    read = parseYaml(text)
  } catch (error) {
    throw new InputError(`${file}: not valid YAML (${(error as Error).message.split('\n')[0]})`)
  }
  if (read.warnings.length > 0) throw new InputError(`${file}: not valid YAML here (${read.warnings[0]})`)
  return read.value ?? {}
}

/** An accepted finding that does nothing: its rule id is not a diagnostic rule, or no diagnostic matched it. */
export interface IdleAcceptance {
  /** Its place in `accept`, from 1. */
  entry: number
  rule: string
  why: 'unknown-rule' | 'reading-error' | 'unmatched'
}

/**
 * The entries of `accept` that do nothing for these diagnostics (a diagnostic records the reason of
 * the entry it matched); `unmatched` only when `complete` (the diagnostics of the whole page set).
 */
export function idleAcceptances(config: Config, diagnostics: Diagnostic[], complete: boolean): IdleAcceptance[] {
  return (config.accept ?? []).flatMap((item, index): IdleAcceptance[] => {
    if (!Object.hasOwn(diagnosticRules, item.rule)) return [{entry: index + 1, rule: item.rule, why: 'unknown-rule' as const}]
    if (readingError(item.rule)) return [{entry: index + 1, rule: item.rule, why: 'reading-error' as const}]
    const matched = diagnostics.some((d) => d.ruleId === item.rule && d.accepted === item.reason)
    return complete && !matched ? [{entry: index + 1, rule: item.rule, why: 'unmatched' as const}] : []
  })
}
