/**
 * The command line: parse arguments, call the library, print, and exit with
 * 0 (done), 1 (errors in the input, or a check failed) or 2 (usage or unreadable input).
 */
import {build} from './cli/build.js'
import {changesCommand} from './cli/changes.js'
import {compileCommand} from './cli/compile.js'
import {UsageError, type Io} from './cli/common.js'
import {diffCommand} from './cli/diff.js'
import {exportCommand} from './cli/export.js'
import {help} from './cli/help.js'
import {historyCommand} from './cli/history.js'
import {rulesCommand} from './cli/rules.js'
import {validateCommand} from './cli/validate.js'
import {InputError} from './errors.js'

export type {Io} from './cli/common.js'

/** Run the command line; returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await run(argv, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`endpoint-catalog: ${error.message}\n\n${help}`)
      return 2
    }
    if (error instanceof InputError) {
      io.stderr.write(`endpoint-catalog: ${error.message}\n`)
      return 2
    }
    const detail = error instanceof Error ? error.message : String(error)
    io.stderr.write(`endpoint-catalog: unexpected failure: ${detail}\n`)
    return 70
  }
}

function run(argv: string[], io: Io): number | Promise<number> {
  const [first, ...rest] = argv
  const command = rest.includes('--help') || rest.includes('-h') ? 'help' : first
  if (command === undefined) throw new UsageError('missing command')
  if (command === 'help' || command === '--help' || command === '-h') {
    io.stdout.write(help)
    return 0
  }
  const handler = Object.hasOwn(commands, command) ? commands[command] : undefined
  if (!handler) throw new UsageError(`unknown command \`${command}\``)
  return handler(rest, io)
}

/** Each command by its name on the command line. */
const commands: Record<string, (args: string[], io: Io) => number | Promise<number>> = {
  build,
  compile: compileCommand,
  export: exportCommand,
  validate: validateCommand,
  diff: diffCommand,
  changes: changesCommand,
  history: historyCommand,
  rules: rulesCommand
}
