/** `build`: compile docs-source/ into generated/, releasing a new version when the content changed. */
import {join} from 'node:path'
import {release, type Published} from '../feed/release.js'
import {withOutputLock} from '../feed/lock.js'
import {readPublished, writePublished} from '../feed/store.js'
import {destinationKey} from '../diff/diff.js'
import {InputError} from '../errors.js'
import {countLine} from '../format/diagnostics.js'
import {countText} from '../format/diff-text.js'
import {displayPath} from '../io.js'
import {compilePages, failOnExit, pagesIn, parse, UsageError, type Io} from './common.js'

export async function build(args: string[], io: Io): Promise<number> {
  const {values, positionals} = parse(args, {source: {type: 'string'}, out: {type: 'string'}})
  if (positionals.length > 0) throw new UsageError('build takes no file arguments')
  const source = values.source ?? 'docs-source'
  const out = values.out ?? 'generated'
  const paths = pagesIn(source, io)
  if (paths.length === 0) throw new InputError(`${source}: no markdown pages`)

  const catalog = compilePages(paths, values, io)
  if (!catalog) return 1
  // Read, release and write under the lock: a build running beside this one waits.
  await withOutputLock(out, io.cwd, () => {
    const previous = readPublished(out, io.cwd)
    const published = release(catalog, previous)
    writePublished(out, published, io.cwd)
    report(out, published, previous, io)
  })
  return failOnExit(catalog.diagnostics, values, io)
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
