/**
 * The command line: find the command and hand it the arguments; exit with 0 (done), 1 (errors in
 * the input, or a check failed) or 2 (usage or unreadable input). Each command is in src/cli/.
 */
import {closest, distance} from 'fastest-levenshtein'
import {UsageError, type Io} from './cli/common.js'
import {commandHelp, help, helpOf} from './cli/help.js'
import {version} from './cli/version.js'
import {InputError} from './errors.js'

export type {Io} from './cli/common.js'

/** Run the command line; returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv
  try {
    return await run(command, rest, await withStdin(rest, io))
  } catch (error) {
    if (error instanceof UsageError) {
      const known = command !== undefined && Object.hasOwn(commands, command)
      const usage = known ? `endpoint-catalog ${commandHelp[command]!.usage}` : 'endpoint-catalog <command> [options]'
      io.stderr.write(`endpoint-catalog: ${error.message}\nUsage: ${usage}\nRun \`endpoint-catalog ${known ? command + ' ' : ''}--help\` for more.\n`)
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

/**
 * `io` with standard input read whole, as a stream, when an argument is `-` (not the value of
 * `-o`, `--output` or `--out`): a pipe from a slow producer, or one another process made
 * non-blocking, is read as it comes.
 */
async function withStdin(args: string[], io: Io): Promise<Io> {
  const stdin = io.stdin
  if (stdin === undefined || !args.some((arg, index) => arg === '-' && !outputOptions.has(args[index - 1] ?? ''))) return io
  const bytes = await stdin()
  return {...io, stdin: () => bytes}
}

const outputOptions = new Set(['-o', '--output', '--out'])

function run(command: string | undefined, args: string[], io: Io): number | Promise<number> {
  if (command === undefined) {
    // No command: what the tool does and its commands, as `--help` prints them; a usage error still.
    io.stderr.write(help)
    return 2
  }
  if (command === '--version') {
    io.stdout.write(version + '\n')
    return 0
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    const topic = args[0]
    io.stdout.write(topic !== undefined && Object.hasOwn(commands, topic) ? helpOf(topic) : help)
    return 0
  }
  if (!Object.hasOwn(commands, command)) {
    const nearest = closest(command, Object.keys(commands))
    throw new UsageError(`unknown command \`${command}\`${distance(command, nearest) <= 2 ? ` (did you mean \`${nearest}\`?)` : ''}`)
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(helpOf(command))
    return 0
  }
  return commands[command]!().then((handler) => handler(args, io))
}

/**
 * Each command by its name on the command line, loaded when it runs: a command loads only the
 * code it uses (the watch's GitHub client, the exports' formats, the feed's), which keeps start-up short.
 */
const commands: Record<string, () => Promise<(args: string[], io: Io) => number | Promise<number>>> = {
  build: async () => (await import('./cli/build.js')).build,
  compile: async () => (await import('./cli/compile.js')).compileCommand,
  export: async () => (await import('./cli/export.js')).exportCommand,
  validate: async () => (await import('./cli/validate.js')).validateCommand,
  diff: async () => (await import('./cli/diff.js')).diffCommand,
  changes: async () => (await import('./cli/changes.js')).changesCommand,
  history: async () => (await import('./cli/history.js')).historyCommand,
  rules: async () => (await import('./cli/rules.js')).rulesCommand,
  watch: async () => (await import('./cli/watch.js')).watchCommand
}
