/** `build`: compile docs-source/ into generated/, releasing a new version when the content changed. */
import {existsSync} from 'node:fs'
import {join, resolve} from 'node:path'
import type {Catalog} from '../../generated/catalog.js'
import {release, type Published} from '../feed/release.js'
import {withOutputLock} from '../feed/lock.js'
import {changedPublished, readM365Ids, readPublished, writePublished} from '../feed/store.js'
import {destinationKey} from '../diff/diff.js'
import {InputError} from '../errors.js'
import {countLine} from '../format/diagnostics.js'
import {countText} from '../format/diff-text.js'
import {publishedTexts} from '../format/published.js'
import {displayPath} from '../io.js'
import {compilePages, failOnExit, isDirectory, pagesIn, parse, reportOption, UsageError, type Io} from './common.js'

/** `build [--source dir] [--out dir] [--check]`: the arguments after the command name; returns the exit code. */
export async function build(args: string[], io: Io): Promise<number> {
  const {values, positionals} = parse(args, {source: {type: 'string'}, out: {type: 'string'}, check: {type: 'boolean'}, ...reportOption})
  if (positionals.length > 0) throw new UsageError('build takes no file arguments')
  const source = values.source ?? 'docs-source'
  const out = values.out ?? 'generated'
  if (existsSync(resolve(io.cwd, out)) && !isDirectory(resolve(io.cwd, out))) throw new InputError(`${out}: not a directory (--out names the directory to write to)`)
  const paths = pagesIn(source, io)
  if (paths.length === 0) throw new InputError(`${source}: no markdown pages`)

  const catalog = compilePages(paths, values, io, true)
  if (!catalog) return 1
  if (values.check) return check(out, catalog, io)
  // Read, release and write under the lock: a build running beside this one waits.
  await withOutputLock(out, io.cwd, () => {
    const previous = readPublished(out, io.cwd)
    const published = release(catalog, previous)
    writePublished(out, publishedTexts(published, readM365Ids(out, io.cwd)), io.cwd)
    report(out, published, previous, io)
  })
  return failOnExit(catalog.diagnostics, values, io)
}

/** `--check`: write nothing; 1 (naming the files) when the build would change the output, else 0. */
function check(out: string, catalog: Catalog, io: Io): number {
  const previous = readPublished(out, io.cwd)
  const changed = changedPublished(out, publishedTexts(release(catalog, previous), readM365Ids(out, io.cwd)), io.cwd)
  if (changed.length === 0) {
    io.stdout.write(`${displayPath(out, io.cwd)}: up to date\n`)
    return 0
  }
  io.stdout.write(`${displayPath(out, io.cwd)}: out of date (${changed.join(', ')}); run \`endpoint-catalog build\`\n`)
  return 1
}

/** `generated/catalog.json: version …, new|unchanged`, with the counts of the catalog and its latest changes. */
function report(out: string, published: Published, previous: Published | undefined, io: Io): void {
  const {catalog, feed} = published
  const latest = feed.versions[0]!
  const isNew = previous?.catalog.version !== catalog.version
  const destinations = new Set(catalog.endpointSets.flatMap((set) => set.destinations.map(destinationKey)))
  io.stdout.write(
    `${displayPath(join(out, 'catalog.json'), io.cwd)}: version ${catalog.version}` +
      (isNew ? ` (new: ${countText(latest.counts)} since ${latest.previous ?? 'an empty catalog'})` : ' (unchanged)') +
      `, ${catalog.endpointSets.length} endpoint sets, ${destinations.size} destinations, ` +
      `${catalog.expressRoute.exceptions.length} ExpressRoute exceptions (${countLine(catalog.diagnostics)})\n`
  )
}
