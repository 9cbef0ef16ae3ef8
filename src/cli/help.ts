/** The command line's help: the whole of it, and each command's own. */
import {formatModules} from '../format/formats.js'

/** Each command's usage line (after `endpoint-catalog `) and what it does, with its options. */
export const commandHelp: Record<string, {usage: string; text: string}> = {
  build: {
    usage: 'build [--source dir] [--out dir] [--check]',
    text: `compile docs-source/*.md into generated/catalog.json; when the content changed, a new version,
recorded in generated/changes.json and CHANGELOG.md

  --source dir   the pages (default: docs-source)
  --out dir      where the catalog, feed and changelog go (default: generated)
  --check        write nothing; exit 1 when the output would change (for CI)
${'{compile}'}`
  },
  changes: {
    usage: 'changes --since <version> [changes.json|-] [--format text|markdown|json|atom|m365] [-o file]',
    text: `every change after that version (default feed: generated/changes.json; --since 0000000000 for all)
`
  },
  history: {
    usage: 'history (<revision.md | dir>... | --git <repository> <path.md>... | --upstream) --out dir',
    text: `replay dated page revisions (ms.date, or 2021-09-01.md names) into a catalog with its whole change feed

  --git repository   replay every first-parent commit of the repository that changed the pages,
                     following the moves its redirection files record (else git's renames)
  --follow a.md=b.md a move neither records, or to another repository (repo:path.md); repeatable
  --upstream         every page listed in \`upstream\` of endpoint-catalog.yaml, each repository
                     fetched with its history; releases in commit order
${'{compile}'}`
  },
  watch: {
    usage: 'watch [--upstream <repository> --page <upstream.md>=<docs-source/page.md>... [--ref ref]]',
    text: `copy the watched pages from the upstream docs repositories, build, and when the catalog
changed push a branch and open or update its pull request (in a scheduled workflow); when it did
not, or a page is gone upstream, close the open one with a comment saying why. Without --upstream
and --page: every page listed in \`upstream\` of endpoint-catalog.yaml, each repository fetched once

  --upstream repository   a clone of the docs repository (shallow and without checkout will do)
  --page a.md=b.md        an upstream page and the page of docs-source/ it replaces; repeatable
  --ref ref               the upstream revision (default: HEAD)
  --branch name           the pull request's branch (default: endpoint-catalog/upstream)
  --base name             the branch it targets (default: main)
  --out dir               the published files (default: generated)
  --config file           the configuration (default: endpoint-catalog.yaml)
Environment: GITHUB_TOKEN, GITHUB_REPOSITORY (owner/name); GITHUB_API_URL and GITHUB_SERVER_URL as a runner sets them.
`
  },
  compile: {
    usage: 'compile <file.md | dir | ->... [-o file|-]',
    text: `print the catalog of the given pages (or write it to a file)
${'{compile}'}`
  },
  export: {
    usage: 'export <catalog.json | file.md | dir | ->... --format <format> [-o file|-] [filters]',
    text: `a catalog for a firewall, proxy or script; what a format cannot hold is named on stderr

formats:
${formatHelp()}
filters: --required, --service <product>, --cloud <cloud>, --section <text>,
         --route internet|expressroute, --kind host,wildcard,...,
         --direction outbound|inbound (allow-lists take outbound sets unless told otherwise)
${'{compile}'}`
  },
  validate: {
    usage: 'validate <file | ->',
    text: `check a catalog, change feed, diff document (JSON) or endpoint-catalog.yaml against its schema;
the kind is recognised by the content
`
  },
  diff: {
    usage: 'diff <old> <new> [--format text|markdown|json] [--fail-on level] [--cloud cloud] [-o file|-]',
    text: `what changed: each side a catalog.json, a page, or a directory of pages
  diff --base <ref> [--head <ref>] [--source dir]   the same, for docs-source/ at two git revisions

  --format text|markdown|json
  --fail-on error|warning|info|none   exit 1 when a change is at or above this level
  --cloud public|usgov-gcc|usgov-gcchigh|usgov-dod|china   that cloud's changes only
  --service <product>, --section <text>, --kind host,wildcard,..., --route internet|expressroute
                        only the endpoint sets and destinations they select, on both sides
  --color, --no-color   colour the text format (default: on a terminal, unless NO_COLOR or
                        TERM=dumb; FORCE_COLOR forces it)
  --config file         the file of accepted findings
`
  },
  rules: {
    usage: 'rules [--format text|json]',
    text: `list the diagnostic and change rule ids
`
  }
}

const compileOptions = `
  --fail-on error|warning|info|none
             exit 1 when a diagnostic (reading problem or finding, not accepted in the config) is at
             or above this level; the output is written all the same
  --strict   the same as --fail-on warning
  --config   the file of accepted findings (default: the nearest endpoint-catalog.yaml, in the
             working directory or above it up to the repository's root)
  --quiet    print only errors (the counts still include warnings and infos)
`

const reportOption = `  --report text|json
             diagnostics on stderr as text (default), or as JSON, one object a line
`

/** `endpoint-catalog <command> --help`. */
export function helpOf(command: string): string {
  const {usage, text} = commandHelp[command]!
  const options = compileOptions + reportOption
  return `Usage: endpoint-catalog ${usage}\n\n${text.replace('{compile}', options)}`
}

/** `endpoint-catalog --help`. */
export const help = `Usage: endpoint-catalog <command> [options]

Commands:
${Object.entries(commandHelp)
  .map(([, {usage}]) => `  ${usage}`)
  .join('\n')}

Run \`endpoint-catalog <command> --help\` for a command's options.
A file argument of \`-\` reads standard input; \`-o -\` writes to standard output.

  -h, --help   this help
  --version    the version

Exit codes: 0 done, 1 errors reading the input (nothing written), a diagnostic or change at or
above --fail-on, or \`build --check\` found changes; 2 usage or unreadable input.
`

/** The formats of `export --help`: each name and what it holds, then its options, from the registry. */
export function formatHelp(): string {
  const width = formatModules.flatMap((module) => [module.name.length, ...module.options.map((option) => option.flag.length + option.value.length + 5)]).reduce((widest, length) => Math.max(widest, length), 0)
  const lines: string[] = []
  for (const module of formatModules) {
    lines.push(`  ${module.name.padEnd(width)}  ${module.summary.replace(/`/g, '')}`)
    for (const option of module.options) lines.push(`    ${`--${option.flag} ${option.value}`.padEnd(width - 2)}  ${option.help.replace(/`/g, '')}`)
  }
  return lines.join('\n')
}

/** The README's table of export formats (markdown), from the registry; a test checks README.md against it. */
export function formatTable(): string {
  const cell = (text: string): string => text.replace(/\|/g, '\\|')
  const rows = formatModules.map((module) => {
    const options = module.options.length === 0 ? '—' : module.options.map((option) => `\`--${option.flag} ${option.value}\``).join(', ')
    return `| \`${module.name}\` | ${cell(module.summary)} | ${cell(options)} | ${cell(module.loads)} |`
  })
  return ['| format | what it holds | options | what loads it |', '|---|---|---|---|', ...rows].join('\n') + '\n'
}
