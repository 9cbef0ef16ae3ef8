import {spawnSync} from 'node:child_process'
import {resolve} from 'node:path'

const bin = resolve('bin/endpoint-catalog.js')

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Run the installed command line (the package `bin`, built into dist/) in `cwd`. */
export function cli(args: string[], cwd = process.cwd()): Run {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}
