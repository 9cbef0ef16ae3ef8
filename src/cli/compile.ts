/** `compile`: print (or write) the catalog of the given pages. */
import {stringify} from '../io.js'
import {checkOutput, compilePages, emit, failOnExit, pageArguments, parse, reportOption, UsageError, type Io} from './common.js'

/** `compile <file.md | dir | ->...`: the arguments after the command name; returns the exit code. */
export function compileCommand(args: string[], io: Io): number {
  const {values, positionals} = parse(args, {output: {type: 'string', short: 'o'}, ...reportOption})
  if (positionals.length === 0) throw new UsageError('compile needs at least one markdown file')
  const pages = pageArguments(positionals, io)
  checkOutput(values.output, pages.map(({path}) => path), io)
  const catalog = compilePages(pages, values, io, false, true)
  if (!catalog) return 1
  emit(stringify(catalog), values.output, io)
  return failOnExit(catalog.diagnostics, values, io)
}
