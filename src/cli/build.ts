/** `build`: compile docs-source/ into generated/, releasing a new version when the content changed. */
import {existsSync, realpathSync} from 'node:fs'
import {isAbsolute, join, relative, resolve, sep} from 'node:path'
import type {Catalog} from '../../generated/catalog.js'
import {release, type Published} from '../feed/release.js'
import {withOutputLock} from '../feed/lock.js'
import {publishOptionsOf, readConfig} from '../config.js'
import {changedPublished, readM365Ids, readPublished, writePublished} from '../feed/store.js'
import {destinationKey} from '../diff/diff.js'
import {InputError} from '../errors.js'
import {countLine} from '../format/diagnostics.js'
import type {ChangeCounts} from '../../generated/diff.js'
import {levels} from '../format/diff-text.js'
import {publishedTexts, type PublishOptions} from '../format/published.js'
import {displayPath} from '../io.js'
import {skipReasons} from '../pages.js'
import {compilePages, failOnExit, isDirectory, note, pagesIn, parse, reportOption, UsageError, type Io} from './common.js'

/** `build [--source dir] [--out dir] [--check]`: the arguments after the command name; returns the exit code. */
export async function build(args: string[], io: Io): Promise<number> {
  const {values, positionals} = parse(args, {source: {type: 'string'}, out: {type: 'string'}, check: {type: 'boolean'}, ...reportOption})
  if (positionals.length > 0) throw new UsageError('build takes no file arguments')
  const source = values.source ?? 'docs-source'
  const out = values.out ?? 'generated'
  if (existsSync(resolve(io.cwd, out)) && !isDirectory(resolve(io.cwd, out))) throw new InputError(`${out}: not a directory (--out names the directory to write to)`)
  const paths = pagesIn(source, io, outside(source, out, io))
  if (paths.length === 0) throw new InputError(`${source}: no markdown pages`)

  const catalog = compilePages(paths, values, io, true)
  if (!catalog) return 1
  const options = publishOptionsOf(readConfig(io.cwd, values.config))
  if (values.check) return check(out, catalog, io, options)
  // Read, release and write under the lock: a build running beside this one waits.
  await withOutputLock(out, io.cwd, () => {
    const previous = readPublished(out, io.cwd)
    const published = release(catalog, previous)
    writePublished(out, publishedTexts(published, readM365Ids(out, io.cwd), options), io.cwd)
    report(out, published, previous, io)
  }, {onWait: (message) => io.stderr.write(`endpoint-catalog: ${message}\n`)})
  return failOnExit(catalog.diagnostics, values, io)
}

/**
 * What a build reads of `source`: not what lies under `out` when `out` is inside it (a build never
 * reads what it writes), with one note naming the directory when a page was left out there.
 */
function outside(source: string, out: string, io: Io): (relative: string) => boolean {
  const below = relative(realOrResolved(source, io), realOrResolved(out, io)).split(sep).join('/')
  if (below === '' || below.startsWith('..') || isAbsolute(below)) return () => true
  let noted = false
  return (path) => {
    if (path !== below && !path.startsWith(below + '/')) return true
    if (!noted) note({path: out.replace(/\/+$/, '') + '/', reason: skipReasons.output}, io)
    noted = true
    return false
  }
}

function realOrResolved(path: string, io: Io): string {
  try {
    return realpathSync(resolve(io.cwd, path))
  } catch {
    return resolve(io.cwd, path)
  }
}

/** `--check`: write nothing; 1 (naming the files) when the build would change the output, else 0. */
function check(out: string, catalog: Catalog, io: Io, options: PublishOptions): number {
  const previous = readPublished(out, io.cwd)
  const changed = changedPublished(out, publishedTexts(release(catalog, previous), readM365Ids(out, io.cwd), options), io.cwd)
  if (changed.length === 0) {
    io.stdout.write(`${displayPath(out, io.cwd)}: up to date\n`)
    return 0
  }
  io.stdout.write(`${displayPath(out, io.cwd)}: out of date (${changed.join(', ')}); run \`endpoint-catalog build\`\n`)
  return 1
}

/**
 * `71 changes; change levels 12 error, 59 warning`: the levels are those of the changes (a
 * reviewer's priority), not errors of the build, and say so.
 */
function changeSummary(counts: ChangeCounts): string {
  const total = levels.reduce((sum, level) => sum + counts[level], 0)
  if (total === 0) return 'no changes'
  const byLevel = levels.filter((level) => counts[level] > 0).map((level) => `${counts[level]} ${level}`)
  return `${total} ${total === 1 ? 'change' : 'changes'}; change levels ${byLevel.join(', ')}`
}

/** `generated/catalog.json: version …, new|unchanged`, with the counts of the catalog and its latest changes. */
function report(out: string, published: Published, previous: Published | undefined, io: Io): void {
  const {catalog, feed} = published
  const latest = feed.versions[0]!
  const isNew = previous?.catalog.version !== catalog.version
  const destinations = new Set(catalog.endpointSets.flatMap((set) => set.destinations.map(destinationKey)))
  io.stdout.write(
    `${displayPath(join(out, 'catalog.json'), io.cwd)}: version ${catalog.version}` +
      (isNew ? ` (new since ${latest.previous ?? 'an empty catalog'}: ${changeSummary(latest.counts)})` : ' (unchanged)') +
      `, ${catalog.endpointSets.length} endpoint sets, ${destinations.size} destinations, ` +
      `${catalog.expressRoute.exceptions.length} ExpressRoute exceptions (diagnostics: ${countLine(catalog.diagnostics)})\n`
  )
}
