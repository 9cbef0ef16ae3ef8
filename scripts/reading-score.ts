// How well the compiler reads real pages: each hand-judged reading in test/fixtures/judged/ (its
// format is the README there) against the catalog compiled from the same page, value by value.
//
//   node --import tsx scripts/reading-score.ts [--detail] [--corpus DIR] [stem ...]
//
// One line per page (judged, found, missed, extra, and among the found the requirement, ports and
// clouds that differ), then the total. `--detail` lists the values behind each count.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {portKey} from '../src/compile/ports.js'
import {compile, type Catalog, type Cloud, type Requirement} from '../src/index.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** Where the judged readings are, one `<stem>.json` per page (and the test's `floor.json`). */
export const judgedDirectory = join(root, 'test', 'fixtures', 'judged')
/** The shared corpus of real pages the readings are of (page paths are relative to it). */
export const defaultCorpus = resolve(root, '..', 'shared', 'corpus')

export const judgedKinds = ['host', 'wildcard', 'url', 'ip', 'cidr'] as const
export type JudgedKind = (typeof judgedKinds)[number]
export const requirements: readonly Requirement[] = ['required', 'optional', 'unknown']
export const cloudOrder: readonly Cloud[] = ['public', 'usgov-gcc', 'usgov-gcchigh', 'usgov-dod', 'china']

export interface JudgedDestination {
  value: string
  kind: JudgedKind
  requirement: Requirement
  /** `tcp/443`, `udp/123`, `tcp/5671-5672`. */
  ports: string[]
  clouds: Cloud[]
  line: number
  note?: string
}

export interface JudgedText {
  text: string
  line: number
  note?: string
  why?: string
}

/** One page as a reader judged it (the format is test/fixtures/judged/README.md). */
export interface Judged {
  page: string
  product: string
  reading: string
  destinations: JudgedDestination[]
  patterns: JudgedText[]
  templates: JudgedText[]
  notDestinations: JudgedText[]
}

/** A destination value with everything said of it merged: clouds and ports unioned, requirement the strongest. */
export interface Merged {
  kind: string
  requirement: Requirement
  ports: string[]
  clouds: Cloud[]
}

export interface Mismatch {
  value: string
  judged: string
  catalog: string
}

export interface PageScore {
  stem: string
  judged: number
  found: number
  missed: string[]
  /** Catalog destinations not judged destinations, each with what the reading says it is, if anything. */
  extra: Array<{value: string; judged?: string}>
  requirement: Mismatch[]
  ports: Mismatch[]
  clouds: Mismatch[]
  exact: boolean
}

/** The stems of the judged pages, in name order. */
export function judgedStems(directory = judgedDirectory): string[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json') && name !== 'floor.json')
    .map((name) => name.slice(0, -'.json'.length))
    .sort(compareText)
}

export function readJudged(stem: string, directory = judgedDirectory): Judged {
  return JSON.parse(readFileSync(join(directory, stem + '.json'), 'utf8')) as Judged
}

/** The page a reading is of, as the compiler takes it (path relative to the corpus). */
export function compilePage(judged: Judged, corpus = defaultCorpus): Catalog {
  const file = join(corpus, judged.page)
  if (!existsSync(file)) throw new Error(`${judged.page}: not found under ${corpus}`)
  return compile([{path: judged.page, value: readFileSync(file)}]).catalog
}

const strength: Record<Requirement, number> = {required: 2, optional: 1, unknown: 0}

/** Merge entries by value: the union of their clouds and ports, the strongest requirement. */
export function mergeByValue(entries: Iterable<{value: string} & Merged>): Map<string, Merged> {
  const merged = new Map<string, Merged>()
  for (const entry of entries) {
    const seen = merged.get(entry.value)
    if (!seen) {
      merged.set(entry.value, {kind: entry.kind, requirement: entry.requirement, ports: sortedPorts(entry.ports), clouds: sortedClouds(entry.clouds)})
      continue
    }
    if (strength[entry.requirement] > strength[seen.requirement]) seen.requirement = entry.requirement
    seen.ports = sortedPorts([...seen.ports, ...entry.ports])
    seen.clouds = sortedClouds([...seen.clouds, ...entry.clouds])
  }
  return merged
}

/**
 * The catalog's destinations as the reading counts them: every host, wildcard, url, ip and cidr of
 * its endpoint sets, with its set's requirement, its own ports or else its set's, and its clouds.
 */
export function catalogDestinations(catalog: Catalog): Map<string, Merged> {
  return mergeByValue(
    catalog.endpointSets.flatMap((set) =>
      set.destinations
        .filter((destination) => (judgedKinds as readonly string[]).includes(destination.kind))
        .map((destination) => ({
          value: destination.value,
          kind: destination.kind,
          requirement: set.requirement,
          ports: (destination.ports ?? set.ports).map(portKey),
          clouds: destination.clouds ?? ['public']
        }))
    )
  )
}

/** Compare a page's catalog with its judged reading, value by value. */
export function scorePage(stem: string, judged: Judged, catalog: Catalog): PageScore {
  const expected = mergeByValue(judged.destinations)
  const actual = catalogDestinations(catalog)
  const score: PageScore = {stem, judged: expected.size, found: 0, missed: [], extra: [], requirement: [], ports: [], clouds: [], exact: false}
  const said = new Map<string, string>()
  for (const [name, list] of [['not a destination', judged.notDestinations], ['a template', judged.templates], ['a pattern', judged.patterns]] as const) {
    // `*:123` judged a pattern is the catalog's `*` with its port.
    for (const item of list) for (const text of [item.text, item.text.replace(/:\d+$/, '')]) said.set(text.toLowerCase(), name)
  }

  for (const value of [...expected.keys()].sort(compareText)) {
    const want = expected.get(value)!
    const got = actual.get(value)
    if (!got) {
      score.missed.push(value)
      continue
    }
    score.found++
    if (got.requirement !== want.requirement) score.requirement.push({value, judged: want.requirement, catalog: got.requirement})
    if (got.ports.join(' ') !== want.ports.join(' ')) score.ports.push({value, judged: list(want.ports), catalog: list(got.ports)})
    if (got.clouds.join(' ') !== want.clouds.join(' ')) score.clouds.push({value, judged: list(want.clouds), catalog: list(got.clouds)})
  }
  for (const value of [...actual.keys()].sort(compareText)) {
    if (expected.has(value)) continue
    const judgedAs = said.get(value.toLowerCase())
    score.extra.push(judgedAs ? {value, judged: judgedAs} : {value})
  }
  score.exact = score.missed.length + score.extra.length + score.requirement.length + score.ports.length + score.clouds.length === 0
  return score
}

/** Score every named page (default: every judged page). */
export function scorePages(stems = judgedStems(), corpus = defaultCorpus): PageScore[] {
  return stems.map((stem) => {
    const judged = readJudged(stem)
    return scorePage(stem, judged, compilePage(judged, corpus))
  })
}

/** The score table: one line per page, then the total; with `detail`, the values under each page. */
export function formatScores(scores: PageScore[], detail = false): string {
  const width = Math.max(4, ...scores.map((score) => score.stem.length))
  const lines: string[] = []
  lines.push(
    ['page'.padEnd(width), 'judged', ' found', '  missed', 'extra', 'requirement', 'ports', 'clouds', ' exact'].join('  ')
  )
  for (const score of scores) {
    lines.push(
      [
        score.stem.padEnd(width),
        String(score.judged).padStart(6),
        percent(score.found, score.judged).padStart(6),
        String(score.missed.length).padStart(8),
        String(score.extra.length).padStart(5),
        String(score.requirement.length).padStart(11),
        String(score.ports.length).padStart(5),
        String(score.clouds.length).padStart(6),
        (score.exact ? 'exact' : '-').padStart(6)
      ].join('  ')
    )
    if (detail) lines.push(...details(score))
  }
  const judged = sum(scores, (score) => score.judged)
  const found = sum(scores, (score) => score.found)
  lines.push(
    `total: pages exact ${scores.filter((score) => score.exact).length}/${scores.length}, destinations found ${found}/${judged} (${percent(found, judged)}), ` +
      `missed ${sum(scores, (s) => s.missed.length)}, extra ${sum(scores, (s) => s.extra.length)}, ` +
      `requirement ${sum(scores, (s) => s.requirement.length)}, ports ${sum(scores, (s) => s.ports.length)}, clouds ${sum(scores, (s) => s.clouds.length)}`
  )
  return lines.join('\n') + '\n'
}

function details(score: PageScore): string[] {
  const lines: string[] = []
  for (const value of score.missed) lines.push(`  missed       ${value}`)
  for (const extra of score.extra) lines.push(`  extra        ${extra.value}${extra.judged ? ` (judged ${extra.judged})` : ''}`)
  for (const [name, mismatches] of [['requirement', score.requirement], ['ports', score.ports], ['clouds', score.clouds]] as const) {
    for (const m of mismatches) lines.push(`  ${name.padEnd(12)} ${m.value}: judged ${m.judged}, catalog ${m.catalog}`)
  }
  return lines
}

/**
 * Port texts in the catalog's order (protocol, then number), each port once: adjacent and
 * overlapping ranges of one protocol merge, so `5671 5672` and `5671-5672` compare equal.
 */
function sortedPorts(ports: string[]): string[] {
  const ranges = [...new Set(ports)].map((port) => {
    const [protocol = '', range = ''] = port.split('/')
    const [from = '0', to = from] = range.split('-')
    return {protocol, from: Number(from), to: Number(to)}
  })
  ranges.sort((a, b) => compareText(a.protocol, b.protocol) || a.from - b.from || a.to - b.to)
  const merged: typeof ranges = []
  for (const range of ranges) {
    const last = merged.at(-1)
    if (last && last.protocol === range.protocol && range.from <= last.to + 1) last.to = Math.max(last.to, range.to)
    else merged.push({...range})
  }
  return merged.map(({protocol, from, to}) => `${protocol}/${from}${to === from ? '' : '-' + to}`)
}

function sortedClouds(clouds: readonly Cloud[]): Cloud[] {
  return cloudOrder.filter((cloud) => clouds.includes(cloud))
}

function list(items: string[]): string {
  return items.length === 0 ? '(none)' : items.join(' ')
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '-' : ((100 * part) / whole).toFixed(1) + '%'
}

function sum(scores: PageScore[], count: (score: PageScore) => number): number {
  return scores.reduce((total, score) => total + count(score), 0)
}

/** Code-unit order: the same in every locale. */
function compareText(a: string, b: string): number {
  return Number(a > b) - Number(a < b)
}

function main(argv: string[]): number {
  let parsed
  try {
    parsed = parseArgs({args: argv, allowPositionals: true, options: {detail: {type: 'boolean'}, corpus: {type: 'string'}}})
  } catch (error) {
    process.stderr.write(`reading-score: ${(error as Error).message}\n`)
    return 2
  }
  const all = judgedStems()
  const stems = parsed.positionals.map((name) => name.replace(/\.(json|md)$/, '').replace(/^.*\//, ''))
  const unknown = stems.filter((stem) => !all.includes(stem))
  if (unknown.length > 0) {
    process.stderr.write(`reading-score: no judged reading of ${unknown.join(', ')} (judged: ${all.join(', ')})\n`)
    return 2
  }
  try {
    process.stdout.write(formatScores(scorePages(stems.length > 0 ? stems : all, parsed.values.corpus ?? defaultCorpus), parsed.values.detail ?? false))
  } catch (error) {
    process.stderr.write(`reading-score: ${(error as Error).message}\n`)
    return 2
  }
  return 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main(process.argv.slice(2))
