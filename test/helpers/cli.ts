import {spawnSync} from 'node:child_process'
import {resolve} from 'node:path'

const bin = resolve('bin/endpoint-catalog.js')

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

export interface RunOptions {
  /** Variables added to the environment (NO_COLOR=1 unless given); undefined removes one. */
  env?: Record<string, string | undefined>
  /** Standard input. */
  input?: string
}

/** Run the installed command line (the package `bin`, built into dist/) in `cwd`. */
export function cli(args: string[], cwd = process.cwd(), options: RunOptions = {}): Run {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries({...process.env, NO_COLOR: '1', ...options.env})) if (value !== undefined) env[name] = value
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', env, ...(options.input === undefined ? {} : {input: options.input})})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** The path of the package `bin`. */
export const binPath = bin
