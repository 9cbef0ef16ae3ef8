/**
 * One measurement in a fresh process (so each size starts from an empty heap and reports its own
 * peak memory). Prints one JSON line: the time of each run in milliseconds and the RSS high-water.
 *
 *   measure.ts floor <page.md> <runs> <warmup.md> <warmups>   (the line-splitter floor)
 *   measure.ts compile <page.md> <runs> <warmup.md> <warmups> [catalog-out.json]
 *   measure.ts first <page.md>   (the first compile in a process, then a second one)
 *   measure.ts diff <old.json> <new.json> <runs> [jsondiffpatch]   (and time jsondiffpatch on the same pair)
 *   measure.ts refuse <page.md>   (compile must refuse the page with an input error)
 *
 * Run with `--expose-gc`: the heap is collected before every timed run.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {getHeapStatistics} from 'node:v8'
import {diff as jsonDiff} from 'jsondiffpatch'
import {diff} from '../dist/src/diff/index.js'
import {InputError} from '../dist/src/errors.js'
import {compile, type Catalog} from '../dist/src/index.js'
import {stringify} from '../dist/src/io.js'
import {pagePath} from './generate.js'

export interface Measurement {
  /** Milliseconds of each timed run (for `diff`: the diff itself). */
  times: number[]
  /** Named baselines timed in the same runs (`diff`: `jsonParse`, `jsondiffpatch`). */
  baselines: Record<string, number[]>
  /** RSS high-water of the process, in bytes. */
  maxRss: number
  /** What the runs produced, to show the work was real. */
  notes: Record<string, number>
}

const collect = (globalThis as {gc?: () => void}).gc ?? ((): void => {})

function timed(work: () => void): number {
  collect()
  const start = performance.now()
  work()
  return performance.now() - start
}

/**
 * The floor for reading a page: the least a reader of its tables must do, written plainly. Split
 * the text into lines, each table line into `|` cells, each cell into `,`, `;` and `<br>` items,
 * trimmed; counts the items, so that the work cannot be skipped.
 */
function splitLines(text: string): number {
  let items = 0
  for (const line of text.split(/\r?\n|\r/)) {
    if (!line.trimStart().startsWith('|')) continue
    for (const cell of line.split('|')) {
      for (const item of cell.split(/[,;]|<\/?br\s*\/?>/i)) if (item.trim() !== '') items++
    }
  }
  return items
}

function measurePages(mode: 'floor' | 'compile', args: string[]): Measurement {
  const [file, runs, warmupFile, warmups, catalogOut] = args
  const text = readFileSync(file!, 'utf8')
  const warmupText = readFileSync(warmupFile!, 'utf8')
  let catalog: Catalog | undefined
  let items = 0
  const run = (value: string): void => {
    if (mode === 'floor') items = splitLines(value)
    else catalog = compile([{path: pagePath, value}]).catalog
  }

  for (let index = 0; index < Number(warmups); index++) run(warmupText)
  const times: number[] = []
  for (let index = 0; index < Number(runs); index++) times.push(timed(() => run(text)))
  // The high-water of the compile itself, before the catalog is written out.
  const maxRss = process.resourceUsage().maxRSS * 1024

  const notes: Record<string, number> = {bytes: Buffer.byteLength(text), heapLimit: getHeapStatistics().heap_size_limit}
  if (mode === 'floor') notes['items'] = items
  if (catalog) {
    notes['endpointSets'] = catalog.endpointSets.length
    notes['diagnostics'] = catalog.diagnostics.length
    if (catalogOut) writeFileSync(catalogOut, stringify(catalog))
  }
  return {times, baselines: {}, maxRss, notes}
}

/** The first compile of a page in a fresh process (modules loaded, code not yet warm), then the same page again. */
function measureFirst(args: string[]): Measurement {
  const text = readFileSync(args[0]!, 'utf8')
  const compileOnce = (): void => {
    compile([{path: pagePath, value: text}])
  }
  const first = timed(compileOnce)
  const second = timed(compileOnce)
  return {times: [first], baselines: {warm: [second]}, maxRss: process.resourceUsage().maxRSS * 1024, notes: {bytes: Buffer.byteLength(text)}}
}

function measureDiff(args: string[]): Measurement {
  const [oldFile, newFile, runs, against] = args
  const oldText = readFileSync(oldFile!, 'utf8')
  const newText = readFileSync(newFile!, 'utf8')
  const parseBoth = (): [Catalog, Catalog] => [JSON.parse(oldText) as Catalog, JSON.parse(newText) as Catalog]

  const times: number[] = []
  const withJsondiffpatch = against === 'jsondiffpatch'
  const baselines: Record<string, number[]> = {jsonParse: [], ...(withJsondiffpatch ? {jsondiffpatch: []} : {})}
  const notes: Record<string, number> = {}
  for (let index = 0; index < Number(runs); index++) {
    let catalogs: [Catalog, Catalog] | undefined
    baselines['jsonParse']!.push(timed(() => (catalogs = parseBoth())))
    // Neither contender changes its inputs, so both get the catalogs just parsed.
    const [before, after] = catalogs!
    notes['endpointSets'] = before.endpointSets.length
    times.push(
      timed(() => {
        notes['changes'] = diff(before, after).changes.length
      })
    )
    if (!withJsondiffpatch) continue
    baselines['jsondiffpatch']!.push(
      timed(() => {
        const delta = jsonDiff(before, after) as {endpointSets?: object} | undefined
        // An array delta has one key per changed item, and `_t`.
        notes['jsondiffpatchEndpointSetsChanged'] = Object.keys(delta?.endpointSets ?? {_t: 'a'}).length - 1
      })
    )
  }
  return {times, baselines, maxRss: process.resourceUsage().maxRSS * 1024, notes}
}

/** Compile a hostile page once, from a cold start: the time until it is refused, and the process's peak memory. */
function measureRefusal(args: string[]): Measurement {
  const text = readFileSync(args[0]!, 'utf8')
  let refused = 0
  const time = timed(() => {
    try {
      compile([{path: pagePath, value: text}])
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      refused = 1
    }
  })
  // `refuse <page> read`: a heavy page, read rather than refused.
  if (!refused && args[1] !== 'read') throw new Error(`${args[0]}: compiled, expected an input error`)
  return {times: [time], baselines: {}, maxRss: process.resourceUsage().maxRSS * 1024, notes: {bytes: Buffer.byteLength(text), refused}}
}

const [mode, ...args] = process.argv.slice(2)
const result =
  mode === 'diff'
    ? measureDiff(args)
    : mode === 'refuse'
      ? measureRefusal(args)
      : mode === 'first'
        ? measureFirst(args)
        : mode === 'floor' || mode === 'compile'
          ? measurePages(mode, args)
          : undefined
if (!result) {
  process.stderr.write('Usage: measure.ts floor|compile <page.md> <runs> <warmup.md> <warmups> [catalog.json] | first <page.md> | diff <old.json> <new.json> <runs> [jsondiffpatch] | refuse <page.md> [read]\n')
  process.exitCode = 2
} else {
  process.stdout.write(JSON.stringify(result) + '\n')
}
