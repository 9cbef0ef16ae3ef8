// The command line run in this process: main(argv, io) with captured output.
import {main} from '../../src/cli.js'

export interface InProcessRun {
  code: number
  stdout: string
  stderr: string
}

/** Run `endpoint-catalog <args>` in-process in `cwd`, with `stdin` as standard input when given. */
export async function run(args: string[], cwd: string, stdin?: string | Buffer): Promise<InProcessRun> {
  let stdout = ''
  let stderr = ''
  const code = await main(args, {
    stdout: {write: (text: string) => (stdout += text)},
    stderr: {write: (text: string) => (stderr += text)},
    ...(stdin === undefined ? {} : {stdin: () => Buffer.from(stdin)}),
    env: {NO_COLOR: '1'},
    cwd
  })
  return {code, stdout, stderr}
}
