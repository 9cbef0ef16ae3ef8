import {spawnSync} from 'node:child_process'
import {resolve} from 'node:path'
import {main} from '../../src/cli.js'

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

function environment(options: RunOptions): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries({...process.env, NO_COLOR: '1', ...options.env})) if (value !== undefined) env[name] = value
  return env
}

/**
 * Run the command line in this process, through `main(argv, io)` as the package `bin` does, in
 * `cwd`: the same exit code, standard output and standard error, without starting a process.
 * Standard output is not a terminal; standard input is `options.input` (default: empty).
 */
export async function runCli(args: string[], cwd = process.cwd(), options: RunOptions = {}): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const code = await main(args, {
    stdout: {write: (text: string) => (stdout += text)},
    stderr: {write: (text: string) => (stderr += text)},
    stdin: () => Buffer.from(options.input ?? ''),
    env: environment(options),
    cwd
  })
  return {code, stdout, stderr}
}

/**
 * Run the installed command line (the package `bin`, built into dist/) in `cwd`, in a process of
 * its own: for the end-to-end tests (the bundle, real pipes and standard input, exit codes, locks
 * and signals between processes). Everything else runs in-process (`runCli`), which is much faster.
 */
export function cli(args: string[], cwd = process.cwd(), options: RunOptions = {}): Run {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', env: environment(options), ...(options.input === undefined ? {} : {input: options.input})})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** The path of the package `bin`. */
export const binPath = bin
