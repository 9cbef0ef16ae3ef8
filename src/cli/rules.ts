/** `rules`: list the diagnostic and change rule ids. */
import {changeRules} from '../diff/index.js'
import {stringify} from '../io.js'
import {diagnosticRules} from '../rules.js'
import {parse, UsageError, type Io} from './common.js'

/** `rules [--format text|json]`: the arguments after the command name; returns the exit code. */
export function rulesCommand(args: string[], io: Io): number {
  const {values, positionals} = parse(args, {format: {type: 'string'}}, {})
  if (positionals.length > 0) throw new UsageError('rules takes no arguments')
  const rules = [
    ...Object.entries(diagnosticRules).map(([id, rule]) => ({id, kind: 'diagnostic', level: rule.level, category: rule.kind, description: rule.description})),
    ...Object.entries(changeRules).map(([id, rule]) => ({
      id,
      kind: 'change',
      level: 'requiredLevel' in rule ? `${rule.level}|${rule.requiredLevel}` : rule.level,
      description: rule.description
    }))
  ]
  if (values.format === 'json') {
    io.stdout.write(stringify(rules))
  } else if (values.format === undefined || values.format === 'text') {
    const width = rules.reduce((widest, rule) => Math.max(widest, rule.id.length), 0)
    for (const kind of ['diagnostic', 'change']) {
      io.stdout.write(`${kind} rules:\n`)
      for (const rule of rules.filter((r) => r.kind === kind)) {
        const level = 'category' in rule ? `${rule.level} (${rule.category})` : rule.level
        io.stdout.write(`  ${rule.id.padEnd(width)}  ${level.padEnd(17)}  ${rule.description}\n`)
      }
    }
  } else {
    throw new UsageError('--format must be text or json')
  }
  return 0
}
