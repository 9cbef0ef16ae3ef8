/**
 * `npm run bench`: compile, diff and command-line timings on synthetic pages of 10^3, 10^4 and
 * 10^5 rows, each as a ratio to a baseline measured in the same run. Prints one markdown table
 * (progress goes to stderr) and writes it to bench/RESULTS.md.
 *
 * Every measurement runs in a fresh process (bench/measure.ts), so sizes do not share a heap
 * and each reports its own peak memory. A run at 10^5 rows takes minutes; the runs there stop
 * once `BENCH_BUDGET` seconds (default 540) would be exceeded, and the table says how many ran.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {cpus, loadavg, release, tmpdir, totalmem, type} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {heavy, hostile} from './hostile.js'
import {changePage, generatePage, renderPage, type ChangeCounts} from './generate.js'
import type {Measurement} from './measure.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const measureScript = fileURLToPath(new URL('measure.ts', import.meta.url))
const resultsFile = fileURLToPath(new URL('RESULTS.md', import.meta.url))
const budget = Number(process.env['BENCH_BUDGET'] ?? 540) * 1000
const started = performance.now()
// Other work on the machine slows the runs unevenly; the table states the load it ran under.
const loadAtStart = loadavg()[0]!
// Give the children what the machine has, so that a regression shows as a figure, not a crash.
const heapMb = Math.max(4096, Math.floor((totalmem() / 2 ** 20) * 0.85))

const sizes = [1_000, 10_000, 100_000] as const
type Size = (typeof sizes)[number]
/** Rounds of (floor, compile) processes, and timed runs in each, per size. */
const plan: Record<Size, {rounds: number; runs: number}> = {
  1_000: {rounds: 3, runs: 3},
  10_000: {rounds: 3, runs: 1},
  100_000: {rounds: 3, runs: 1}
}
const cliRuns = 10
const diffRuns = 3
/** A measurement that takes longer than this is stopped and reported as not finished. */
const childTimeout = 600_000

interface Row {
  measure: string
  baseline: string
  runs: string
  ratio: number | undefined
  /** Upper bound on the ratio; undefined where the issue sets none. */
  target: number | undefined
  /** Said instead of a ratio when the measurement failed. */
  failure?: string
}

function main(): void {
  const directory = mkdtempSync(join(tmpdir(), 'endpoint-catalog-bench-'))
  try {
    // `bench/run.ts hostile`: only the hostile pages (seconds), printed and not written to RESULTS.md.
    if (process.argv[2] === 'hostile') {
      process.stdout.write(report(...Object.values(benchHostile(directory)) as [Row[], string[]]))
      return
    }
    const {rows, notes} = bench(directory)
    const text = report(rows, notes)
    process.stdout.write(text)
    writeFileSync(resultsFile, text)
    log(`wrote ${resultsFile} in ${seconds(performance.now() - started)}`)
  } finally {
    rmSync(directory, {recursive: true, force: true})
  }
}

function bench(directory: string): {rows: Row[]; notes: string[]} {
  const notes: string[] = []
  const warmup = join(directory, 'warmup.md')
  const pages = new Map<Size, string>()
  const models = new Map<Size, ReturnType<typeof generatePage>>()
  for (const size of sizes) {
    const model = generatePage({rows: size, seed: size})
    models.set(size, model)
    const file = join(directory, `page-${size}.md`)
    writeFileSync(file, renderPage(model))
    pages.set(size, file)
  }
  writeFileSync(warmup, renderPage(generatePage({rows: 1_000, seed: 7})))
  log(`generated pages in ${directory}`)

  const floor = new Map<Size, Array<Measurement | string>>()
  const compile = new Map<Size, Array<Measurement | string>>()
  const round = (size: Size, catalogOut?: string): void => {
    const {runs} = plan[size]
    const args = [pages.get(size)!, String(runs), warmup, '1']
    push(floor, size, child(['floor', ...args], `floor ${size}`))
    push(compile, size, child(['compile', ...args, ...(catalogOut ? [catalogOut] : [])], `compile ${size}`))
  }
  for (const size of [1_000, 10_000] as const) for (let index = 0; index < plan[size].rounds; index++) round(size)

  const cli = benchCli()
  const first = benchFirst()
  const defaultHeap = benchDefaultHeap(directory)

  // The first round at 10^5 also writes the catalog the diffs start from.
  const oldCatalog = join(directory, 'old.json')
  const largeStart = performance.now()
  round(100_000, oldCatalog)
  const largeRound = performance.now() - largeStart

  const diffs = diffRates.map((rate) => benchDiff(directory, models.get(100_000)!, oldCatalog, rate))

  for (let index = 1; index < plan[100_000].rounds; index++) {
    if (performance.now() - started + largeRound > budget) break
    round(100_000)
  }

  const rows: Row[] = []
  for (const size of sizes) {
    rows.push(
      ratioRow(
        `compile, ${label(size)} rows (${megabytes(firstNote(compile.get(size), 'bytes'))})`,
        'line-splitter floor',
        compile.get(size),
        floor.get(size),
        floorTargets[size]
      )
    )
  }
  rows.push(
    memoryRow(compile.get(100_000)),
    ratioRow('compile, 10^5 rows', 'compile, 10^4 rows', compile.get(100_000), compile.get(10_000), 10.5, 'scaling: ')
  )
  for (const one of diffs) {
    rows.push(...one.rows)
    notes.push(one.note)
  }
  rows.push(cli.row, first.row, defaultHeap.row)
  notes.push(cli.note, first.note, defaultHeap.note)
  const refusals = benchHostile(directory)
  rows.push(...refusals.rows)
  notes.push(...refusals.notes)

  notes.push(
    'Pages: synthetic, in the real pages\' shapes (bench/generate.ts, seeded): front matter with `ms.date`, `##` sections ' +
      'of 1–12 rows, 2018-style tables with six-cell delimiter rows (about 10%), `| Row | Purpose | Destination(s) | Port(s) |` ' +
      'tables with `<br>` and trailing empty rows, 2023-style tables with code-span URLs and `One of the following:` lists; ' +
      '1–8 destinations a row, 12% of rows only a link, `N/A` and bare ports.',
    'The floor (bench/measure.ts `splitLines`) is the least a reader of the tables must do, written plainly: split the page ' +
      'into lines, each table line into `|` cells, each cell into `,`, `;` and `<br>` items, trimmed and counted.',
    `Each figure is the median of the runs shown, each run in a fresh process (after a warm-up run on a 10^3-row page) with ` +
      `the heap collected first; children get \`--max-old-space-size=${heapMb}\` (but the default-heap row). Runs at 10^5 stop ` +
      `at the time budget (\`BENCH_BUDGET\`, ${budget / 1000} s), so a figure there may rest on one run: on a machine shared ` +
      'with other work one run can be off by a fifth, and a pass or miss within that margin of the target decides nothing. ' +
      'The catalogs of the changed 10^5 pages are compiled from those pages in full.'
  )
  return {rows, notes}
}

/** Ratio targets of compile time to the floor, per size (none set at 10^4). */
const floorTargets: Record<Size, number | undefined> = {1_000: 4, 10_000: undefined, 100_000: 15}
/** Shares of the 10^5 rows changed between the two catalogs the diff compares. */
const diffRates = [0.01, 0.5] as const

/** Diff the 10^5 catalog against that of the page with `rate` of its rows changed: against `JSON.parse` of both, and (at 1%) jsondiffpatch. */
function benchDiff(directory: string, model: ReturnType<typeof generatePage>, oldCatalog: string, rate: number): {rows: Row[]; note: string} {
  const share = `${Math.round(rate * 100)}%`
  const measure = `diff, 10^5 endpoint sets, ${share} of rows changed`
  const newCatalog = join(directory, `new-${share.replace('%', '')}.json`)
  const withJsondiffpatch = rate === diffRates[0]
  let measurement: Measurement | string
  let counts: ChangeCounts | undefined
  try {
    const changed = changePage(model, {seed: 100_001, rate})
    counts = changed.counts
    const newPage = join(directory, `new-${share.replace('%', '')}.md`)
    writeFileSync(newPage, renderPage(changed.page))
    const compiled = child(['compile', newPage, '1', newPage, '0', newCatalog], `compile ${share} changed`)
    measurement =
      typeof compiled === 'string'
        ? compiled
        : child(['diff', oldCatalog, newCatalog, String(diffRuns), ...(withJsondiffpatch ? ['jsondiffpatch'] : [])], `diff ${share}`)
  } catch (error) {
    measurement = error instanceof Error ? error.message : String(error)
  }
  if (typeof measurement === 'string') {
    const rows = [failedRow(measure, 'JSON.parse of both files', measurement, 2)]
    if (withJsondiffpatch) rows.push(failedRow(measure, 'jsondiffpatch', measurement, 0.5))
    return {rows, note: `${measure}: ${measurement}`}
  }
  const diffTime = median(measurement.times)
  const runs = String(measurement.times.length)
  const rows: Row[] = [
    {
      measure: `${measure}: ${duration(diffTime)}`,
      baseline: `JSON.parse of both files (${megabytes(fileSize(oldCatalog) + fileSize(newCatalog))}): ${duration(median(measurement.baselines['jsonParse']!))}`,
      runs,
      ratio: diffTime / median(measurement.baselines['jsonParse']!),
      target: 2
    }
  ]
  if (withJsondiffpatch) {
    rows.push({
      measure: `${measure}: ${duration(diffTime)}`,
      baseline: `jsondiffpatch \`diff\` of the same pair: ${duration(median(measurement.baselines['jsondiffpatch']!))}`,
      runs,
      ratio: diffTime / median(measurement.baselines['jsondiffpatch']!),
      target: 0.5
    })
  }
  const note =
    `The ${share} diff compares two catalogs of ${measurement.notes['endpointSets']} endpoint sets; the new page has ` +
    `${describeCounts(counts)} (${measurement.notes['changes']} changes reported). Timed: \`diff(old, new)\` on catalogs ` +
    'fresh from `JSON.parse`' +
    (withJsondiffpatch ? '; jsondiffpatch with its default options (arrays matched by position, which suits this pair: no row moves).' : '.')
  return {rows, note}
}

/** The first compile of a real page in a fresh process against a second one in the same process. */
function benchFirst(): {row: Row; note: string} {
  const page = join(root, 'test', 'fixtures', 'compile', 'urls-2021-09-01', 'input.md')
  const runs: Measurement[] = []
  let failure: string | undefined
  for (let index = 0; index < cliRuns; index++) {
    const measurement = child(['first', page], 'first page')
    if (typeof measurement === 'string') failure = measurement
    else runs.push(measurement)
  }
  const cold = median(runs.map((m) => m.times[0]!))
  const warm = median(runs.map((m) => m.baselines['warm']![0]!))
  const row: Row = {
    measure: `first compile of 2021-09-01.md in a process: ${duration(cold)}`,
    baseline: `the same page compiled again: ${duration(warm)}`,
    runs: String(runs.length),
    ratio: cold / warm,
    target: undefined,
    ...(failure ? {failure} : {})
  }
  const note =
    'The first-page figure is the cost of code that has not run yet (modules are loaded before the timer starts): the first ' +
    'compile of the 2021-09-01 page in a fresh process against a second compile of it there.'
  return {row, note}
}

/** A page just under the default page-size limit (1 MiB), compiled in Node's default heap. */
function benchDefaultHeap(directory: string): {row: Row; note: string} {
  let rows = 5_000
  let text = renderPage(generatePage({rows, seed: 11}))
  while (Buffer.byteLength(text) > 2 ** 20) text = renderPage(generatePage({rows: (rows -= 100), seed: 11}))
  const file = join(directory, 'page-1mib.md')
  writeFileSync(file, text)
  const measure = `compile, ${rows} rows (${megabytes(Buffer.byteLength(text))}, under the 1 MiB page limit), default heap`
  const measurement = child(['compile', file, '1', file, '0'], 'default heap', false)
  if (typeof measurement === 'string') return {row: failedRow(measure, 'default heap limit', measurement, 1), note: ''}
  const limit = measurement.notes['heapLimit']!
  const row: Row = {
    measure: `${measure}: ${duration(measurement.times[0]!)}, ${megabytes(measurement.maxRss)} RSS`,
    baseline: `default heap limit: ${megabytes(limit)}`,
    runs: '1',
    ratio: measurement.maxRss / limit,
    target: 1
  }
  return {row, note: 'The default-heap row compiles a page just under the page-size limit in a process without `--max-old-space-size`; its ratio is peak RSS (heap and all) over the heap limit.'}
}

function benchCli(): {row: Row; note: string} {
  const bin = join(root, 'bin', 'endpoint-catalog.js')
  // Two real revisions of the URL page, as the compile fixtures keep them byte for byte.
  const oldPage = join(root, 'test', 'fixtures', 'compile', 'urls-2020-01-29', 'input.md')
  const newPage = join(root, 'test', 'fixtures', 'compile', 'urls-2021-09-01', 'input.md')
  const command = [bin, 'diff', oldPage, newPage]
  const shown = 'diff 2020-01-29.md 2021-09-01.md'

  const tool: number[] = []
  const bare: number[] = []
  let failure: string | undefined
  for (let index = 0; index <= cliRuns; index++) {
    const start = performance.now()
    spawnSync(process.execPath, ['-e', '0'])
    const bareTime = performance.now() - start
    const toolStart = performance.now()
    const result = spawnSync(process.execPath, command, {encoding: 'utf8', cwd: root})
    const toolTime = performance.now() - toolStart
    // 0: no changes or only allowed ones; 1: changes at the failing level. Anything else is a failure.
    if (result.status !== 0 && result.status !== 1) failure = `exit ${result.status}: ${result.stderr.trim().split('\n')[0]}`
    if (index === 0) continue
    bare.push(bareTime)
    tool.push(toolTime)
  }
  log(`cli: ${shown} ${duration(median(tool))}, node -e 0 ${duration(median(bare))}`)
  const row: Row = {
    measure: `\`endpoint-catalog ${shown}\`, whole process: ${duration(median(tool))}`,
    baseline: `\`node -e 0\`: ${duration(median(bare))}`,
    runs: String(cliRuns),
    ratio: median(tool) / median(bare),
    target: 3,
    ...(failure ? {failure} : {})
  }
  const note =
    'The command-line figure diffs two real revisions of the URL page (2020-01-29 and 2021-09-01, kept in `test/fixtures/compile/`), compiling both.'
  return {row, note}
}

/** A hostile page must be refused within this long, from a cold start of the compiler, */
const refusalMs = 1000
/** with the whole process's peak memory (module loading included) within this. */
const refusalRss = 256e6
/** A heavy page, read whole (up to the parser's bound of markup, `parsedCharacters`), within these. */
const parsedMs = 5000
const parsedRss = 300e6
/** The pages of bench/hostile.ts that reach the parser. */
const parsing = new Set(['linkRowsUnder', 'paddedRows'])

/** Each hostile page of bench/hostile.ts compiled once in a fresh process: time to the refusal and peak memory, against the ceilings. */
function benchHostile(directory: string): {rows: Row[]; notes: string[]} {
  const pages = {...hostile, ...heavy} as Record<string, string>
  const rows = Object.entries(hostileDescriptions).map(([name, description]) => {
    const file = join(directory, `hostile-${name}.md`)
    writeFileSync(file, pages[name]!)
    const read = Object.hasOwn(heavy, name)
    const measurement = child(['refuse', file, ...(read ? ['read'] : [])], `${read ? 'read' : 'refuse'} ${name}`)
    const measure = `${read ? 'read' : 'refused'}: ${description}`
    const [ms, rss] = parsing.has(name) ? [parsedMs, parsedRss] : [refusalMs, refusalRss]
    const ceiling = `ceiling ${duration(ms)}, ${megabytes(rss)} RSS`
    if (typeof measurement === 'string') return failedRow(measure, ceiling, measurement, 1)
    const time = measurement.times[0]!
    return {
      measure: `${measure}: ${duration(time)}, ${megabytes(measurement.maxRss)} RSS`,
      baseline: ceiling,
      runs: '1',
      ratio: Math.max(time / ms, measurement.maxRss / rss),
      target: 1
    }
  })
  const note =
    'The hostile pages (bench/hostile.ts, also in the bad-input and hostile-pages tests) are each refused by the bounds in ' +
    '`src/compile/limits.ts`, before parsing or once the parser has had its share of the page; the heavy ones are read. ' +
    'Their ratio is the larger of time and memory over its ceiling. Without the bounds they took 15 s to several minutes and up to 2.9 GB.'
  return {rows, notes: [note]}
}

const hostileDescriptions: Record<keyof typeof hostile | keyof typeof heavy, string> = {
  emphasis: '40 KB of nested emphasis',
  stars: '40 KB of one emphasis run',
  links: '100 KB of nested links',
  frontMatter: 'front matter of 40,000 keys',
  footnotes: '1 MB of footnotes',
  cells: 'a 900 KB row of 300,000 cells',
  unclosedFrontMatter: '1 MB of front matter never closed',
  references: '200,000 lines of `a&b`',
  emails: '200,000 lines of `a@b`',
  marks: '200,000 lines of `a<b`, `a!b`, `a\\b`',
  rows: '130,000 rows of `|a|b|c|`',
  tabNesting: 'lists nested 400 deep by tabs',
  spaceNesting: 'lists nested 400 deep by two spaces',
  looseList: '60,000 items of a loose list',
  linkRows: '15,000 rows of links',
  brCell: 'one cell of 75,000 `<br>`-separated hosts',
  commaCell: 'one cell of 55,000 comma-separated hosts',
  blockTags: '600 rows of hosts in `<div>` tags',
  saidCell: 'one cell of 4,000 sentences, each giving its host a port',
  dotCell: 'one cell of 30,000 host names broken at a dot',
  pairedCell: '25,000 hosts beside 25,000 ports, line by line',
  linkRowsUnder: '4,300 rows of links, all parsed',
  paddedRows: '13,000 rows padded with spaces (1 MB)'
}

/** Run bench/measure.ts in a fresh process; a failure (crash, out of memory, time-out) is a string. */
function child(args: string[], name: string, largeHeap = true): Measurement | string {
  const start = performance.now()
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', ...(largeHeap ? [`--max-old-space-size=${heapMb}`] : []), '--import', 'tsx', measureScript, ...args],
    {encoding: 'utf8', cwd: root, timeout: childTimeout, maxBuffer: 2 ** 24}
  )
  const elapsed = performance.now() - start
  if (result.status !== 0) {
    const reason =
      result.error && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT'
        ? `did not finish in ${seconds(childTimeout)}`
        : /heap out of memory/i.test(result.stderr)
          ? `out of memory (${largeHeap ? `heap limit ${heapMb} MB` : 'default heap'})`
          : `failed: ${(result.stderr || String(result.signal)).trim().split('\n').slice(-3).join(' ')}`
    log(`${name}: ${reason}`)
    return reason
  }
  const measurement = JSON.parse(result.stdout) as Measurement
  log(`${name}: ${measurement.times.map(duration).join(', ')} (process ${seconds(elapsed)}, peak RSS ${gigabytes(measurement.maxRss)})`)
  return measurement
}

function push(map: Map<Size, Array<Measurement | string>>, size: Size, measurement: Measurement | string): void {
  map.set(size, [...(map.get(size) ?? []), measurement])
}

function ratioRow(
  measure: string,
  baseline: string,
  subject: Array<Measurement | string> | undefined,
  base: Array<Measurement | string> | undefined,
  target: number | undefined,
  prefix = ''
): Row {
  const failure = [...(subject ?? []), ...(base ?? [])].find((m): m is string => typeof m === 'string')
  if (failure !== undefined) return failedRow(prefix + measure, baseline, failure, target)
  const a = measured(subject).flatMap((m) => m.times)
  const b = measured(base).flatMap((m) => m.times)
  return {
    measure: `${prefix}${measure}: ${duration(median(a))}`,
    baseline: `${baseline}: ${duration(median(b))}`,
    runs: a.length === b.length ? String(a.length) : `${a.length} / ${b.length}`,
    ratio: median(a) / median(b),
    target
  }
}

/** Peak RSS of a compile at 10^5 rows per byte of its page. */
function memoryRow(compile: Array<Measurement | string> | undefined): Row {
  const measure = 'peak memory (RSS) per input byte, compile 10^5 rows'
  const failure = (compile ?? []).find((m): m is string => typeof m === 'string')
  if (failure !== undefined) return failedRow(measure, 'input bytes', failure, 30)
  const peak = Math.max(...measured(compile).map((m) => m.maxRss))
  const bytes = firstNote(compile, 'bytes')
  return {
    measure: `${measure}: ${megabytes(peak)}`,
    baseline: `input: ${megabytes(bytes)}`,
    runs: String(measured(compile).length),
    ratio: peak / bytes,
    target: 30
  }
}

/** The measurements that succeeded. */
function measured(list: Array<Measurement | string> | undefined): Measurement[] {
  return (list ?? []).filter((m): m is Measurement => typeof m !== 'string')
}

function failedRow(measure: string, baseline: string, failure: string, target: number | undefined): Row {
  return {measure, baseline, runs: '—', ratio: undefined, target, failure}
}

function report(rows: Row[], notes: string[]): string {
  const cpu = cpus()
  const machine = `${type()} ${release()}, ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${gigabytes(totalmem())} RAM, Node.js ${process.version}`
  const lines = [
    '# Benchmarks',
    '',
    `Machine: ${machine}. Load average (1 min) ${loadAtStart.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end. ` +
      `Total time: ${seconds(performance.now() - started)}.`,
    '',
    '| measure | baseline | runs | ratio | target | result |',
    '|---|---|---|---|---|---|',
    ...rows.map((row) => {
      const ratio = row.ratio === undefined || !Number.isFinite(row.ratio) ? '—' : row.ratio.toFixed(2)
      const target = row.target === undefined ? '—' : `≤ ${row.target}`
      const result = row.failure ?? (row.target === undefined || row.ratio === undefined ? '—' : row.ratio <= row.target ? 'pass' : 'miss')
      return `| ${row.measure} | ${row.baseline} | ${row.runs} | ${ratio} | ${target} | ${result} |`
    }),
    '',
    ...notes.map((note) => `- ${note}`),
    ''
  ]
  return lines.join('\n')
}

function describeCounts(counts: ChangeCounts | undefined): string {
  if (!counts) return 'unknown changes'
  return [
    `${counts.hostAdded} hosts added`,
    `${counts.hostRemoved} removed`,
    `${counts.hostReplaced} replaced`,
    `${counts.requirementFlipped} requirements flipped`,
    `${counts.portsChanged} port changes`,
    `${counts.referenceRetargeted} links retargeted`
  ].join(', ')
}

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function firstNote(measurements: Array<Measurement | string> | undefined, name: string): number {
  return measured(measurements)[0]?.notes[name] ?? Number.NaN
}

function fileSize(file: string): number {
  return Buffer.byteLength(readFileSync(file))
}

function label(size: Size): string {
  return `10^${Math.round(Math.log10(size))}`
}

function duration(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(0)} ms` : seconds(ms)
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`
}

function gigabytes(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(2)} GB`
}

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`)
}

main()
