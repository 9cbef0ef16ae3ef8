// Hand-judged readings of real pages (test/fixtures/judged/<stem>.json): each reading is well-formed
// and every value in it is written on the line it names; the page compiles to a valid catalog; and
// the compiler's score against the reading does not fall below the floor recorded in floor.json
// (found destinations, and exactness once reached). A missing floor, or a page missing from it,
// records itself; UPDATE=1 records the floor anew.
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {isIP} from 'node:net'
import {basename, join} from 'node:path'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {validate} from '../src/index.js'
import {stringify} from '../src/io.js'
import {
  cloudOrder,
  compilePage,
  defaultCorpus,
  judgedDirectory,
  judgedKinds,
  judgedStems,
  readJudged,
  requirements,
  scorePage,
  type Judged,
  type PageScore
} from '../scripts/reading-score.js'

interface Floor {
  found: number
  exact: boolean
}

const floorPath = join(judgedDirectory, 'floor.json')
const stems = judgedStems()
const scores = new Map<string, PageScore>()
const judged = suite('judged readings')

/** What is wrong with a judged reading of `page` (the page's text), one message each; none when well-formed. */
function problems(stem: string, reading: Judged, page: string): string[] {
  const lines = page.split(/\r\n|\r|\n/)
  const found: string[] = []
  const fail = (where: string, message: string): void => void found.push(`${stem} ${where}: ${message}`)
  const keys = (where: string, item: object, allowed: string[]): void => {
    for (const key of Object.keys(item)) if (!allowed.includes(key)) fail(where, `unexpected key ${key}`)
  }
  keys('file', reading, ['page', 'product', 'reading', 'destinations', 'patterns', 'templates', 'notDestinations'])
  if (basename(reading.page ?? '') !== stem + '.md') fail('page', `${reading.page} is not the page ${stem}.md`)
  for (const key of ['product', 'reading'] as const) if (typeof reading[key] !== 'string' || reading[key].trim() === '') fail(key, 'empty')
  for (const key of ['destinations', 'patterns', 'templates', 'notDestinations'] as const) {
    if (!Array.isArray(reading[key])) fail(key, 'not a list')
  }
  const onLine = (where: string, text: string, line: unknown, kind?: string): void => {
    if (!Number.isInteger(line) || (line as number) < 1 || (line as number) > lines.length) {
      fail(where, `line ${String(line)} is not a line of the page (1-${lines.length})`)
      return
    }
    const written = lines[(line as number) - 1]!
    if (!spelling(text).test(written) && !((kind === 'cidr' || kind === 'ip') && inRangeOn(text, written))) {
      fail(where, `${text} is not written on line ${String(line)}: ${written.trim().slice(0, 120)}`)
    }
  }

  const kinds = new Map<string, string>()
  for (const [index, d] of (reading.destinations ?? []).entries()) {
    const where = `destinations[${index}] ${d.value}`
    keys(where, d, ['value', 'kind', 'requirement', 'ports', 'clouds', 'line', 'note'])
    if (!(judgedKinds as readonly string[]).includes(d.kind)) fail(where, `kind ${d.kind} is not one of ${judgedKinds.join(', ')}`)
    else if (!normalised(d.kind, d.value)) fail(where, `not a normalised ${d.kind}`)
    if (kinds.has(d.value) && kinds.get(d.value) !== d.kind) fail(where, `kind ${d.kind}, elsewhere ${kinds.get(d.value)}`)
    kinds.set(d.value, d.kind)
    if (!requirements.includes(d.requirement)) fail(where, `requirement ${d.requirement} is not one of ${requirements.join(', ')}`)
    const ports = Array.isArray(d.ports) ? d.ports : []
    if (!Array.isArray(d.ports)) fail(where, 'ports is not a list')
    for (const port of ports) if (!portText(port)) fail(where, `port ${port} is not protocol/number or protocol/from-to`)
    if (ports.join(' ') !== [...new Set(ports)].sort(compareText).join(' ')) fail(where, `ports ${ports.join(' ')} are not sorted strings without repeats`)
    const clouds = Array.isArray(d.clouds) ? d.clouds : []
    if (clouds.length === 0) fail(where, 'no clouds')
    for (const cloud of clouds) if (!cloudOrder.includes(cloud)) fail(where, `cloud ${cloud} is not one of ${cloudOrder.join(', ')}`)
    if (clouds.join(' ') !== cloudOrder.filter((cloud) => clouds.includes(cloud)).join(' ')) fail(where, `clouds ${clouds.join(' ')} are not in the cloud list's order, once each`)
    if (d.note !== undefined && (typeof d.note !== 'string' || d.note.trim() === '')) fail(where, 'empty note')
    onLine(where, d.value, d.line, d.kind)
  }
  for (const key of ['patterns', 'templates', 'notDestinations'] as const) {
    for (const [index, item] of (reading[key] ?? []).entries()) {
      const where = `${key}[${index}] ${item.text}`
      keys(where, item, key === 'notDestinations' ? ['text', 'line', 'why'] : ['text', 'line', 'note'])
      if (typeof item.text !== 'string' || item.text.trim() === '') fail(where, 'empty text')
      if (key === 'notDestinations' && (typeof item.why !== 'string' || item.why.trim() === '')) fail(where, 'no why')
      onLine(where, item.text, item.line)
    }
  }
  return found
}

/** A value as a page may write it: case aside, with markdown escapes, HTML entities, and emphasis or code marks between its characters. */
function spelling(value: string): RegExp {
  const one = (character: string): string => {
    if (character === '*') return String.raw`(?:\\?\*|&#0*42;|&ast;)`
    if (character === '<') return String.raw`(?:\\?<|&lt;|&#0*60;)`
    if (character === '>') return String.raw`(?:\\?>|&gt;|&#0*62;)`
    if (character === '&') return '(?:&|&amp;)'
    const literal = character.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')
    return /[!-/:-@[-`{-~]/.test(character) ? String.raw`\\?` + literal : literal
  }
  // Between two characters: emphasis or code marks, and a line break inside a cell (`app.<br>codelens`).
  const marks = String.raw`(?:\*{1,2}|_{1,2}|\x60|\s+|<\/?br\s*\/?>)*`
  return new RegExp([...value].map(one).join(marks), 'i')
}

/** Whether `value` (a CIDR or address) lies inside an address range `a - b` written on the line. */
function inRangeOn(value: string, line: string): boolean {
  const [address = '', prefix] = value.split('/')
  const first = ipv4(address)
  if (first === undefined) return false
  const size = 2n ** BigInt(32 - Number(prefix ?? 32))
  for (const match of line.matchAll(/(\d{1,3}(?:\.\d{1,3}){3})\s*(?:-|–|—|to)\s*(\d{1,3}(?:\.\d{1,3}){3})/g)) {
    const from = ipv4(match[1]!)
    const to = ipv4(match[2]!)
    if (from !== undefined && to !== undefined && first >= from && first + size - 1n <= to) return true
  }
  return false
}

function ipv4(text: string): bigint | undefined {
  if (isIP(text) !== 4) return undefined
  return text.split('.').reduce((total, part) => total * 256n + BigInt(part), 0n)
}

const dnsName = /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{2,63}$/

/** Whether a value is written the way the reading format normalises its kind. */
function normalised(kind: string, value: string): boolean {
  if (typeof value !== 'string') return false
  switch (kind) {
    case 'host':
      return dnsName.test(value)
    case 'wildcard':
      return /^(?:\*\.)+/.test(value) && dnsName.test(value.replace(/^(?:\*\.)+/, ''))
    case 'url': {
      if (!URL.canParse(value)) return false
      const href = new URL(value).href
      return value === href || (value + '/' === href && new URL(value).pathname === '/')
    }
    case 'ip':
      return isIP(value) !== 0 && value === value.toLowerCase()
    case 'cidr': {
      const [address = '', prefix = '', rest] = value.split('/')
      const version = isIP(address)
      return rest === undefined && version !== 0 && /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128) && value === value.toLowerCase()
    }
    default:
      return false
  }
}

/** Code-unit order: the same in every locale. */
function compareText(a: string, b: string): number {
  return Number(a > b) - Number(a < b)
}

function portText(port: unknown): boolean {
  const match = typeof port === 'string' ? /^(tcp|udp)\/(\d{1,5})(?:-(\d{1,5}))?$/.exec(port) : null
  if (!match) return false
  const from = Number(match[2])
  const to = match[3] === undefined ? from : Number(match[3])
  return from >= 1 && to <= 65535 && (match[3] === undefined || from < to)
}

judged('there are judged readings, and the shared corpus holds their pages', () => {
  assert.ok(stems.length >= 8, `only ${stems.length} judged readings`)
  assert.ok(existsSync(defaultCorpus), `the shared corpus is not at ${defaultCorpus}`)
})

judged('the well-formedness check finds a wrong line, a misspelt value, a bad port and a cloud out of order', () => {
  const page = ['# Page', '', '| Host | Ports |', '| --- | --- |', '| `\\*.Example-Cdn.net` | 443 |', '| 10.0.0.0 - 10.0.1.255 | 80 |', ''].join('\n')
  const good = (destinations: Judged['destinations']): Judged => ({
    page: 'wild-dev/page.md',
    product: 'Page',
    reading: 'A table.',
    destinations,
    patterns: [],
    templates: [],
    notDestinations: []
  })
  const wildcard = {value: '*.example-cdn.net', kind: 'wildcard', requirement: 'unknown', ports: ['tcp/443'], clouds: ['public'], line: 5} as const
  const range = {value: '10.0.0.0/23', kind: 'cidr', requirement: 'unknown', ports: ['tcp/80'], clouds: ['public'], line: 6} as const
  assert.equal(problems('page', good([{...wildcard, ports: [...wildcard.ports], clouds: [...wildcard.clouds]}, {...range, ports: [...range.ports], clouds: [...range.clouds]}]), page), [])
  const bad = problems(
    'page',
    good([
      {...wildcard, ports: ['tcp/443'], clouds: ['public'], line: 6},
      {...wildcard, value: '*.example-cnd.net', ports: ['tcp/443'], clouds: ['public']},
      {...wildcard, ports: ['tcp/80', 'tcp/443', 'tcp/0'], clouds: ['public']},
      {...wildcard, ports: ['tcp/443'], clouds: ['china', 'public']},
      {...range, value: '10.0.0.0/22', ports: ['tcp/80'], clouds: ['public']}
    ]),
    page
  )
  assert.equal(
    bad.map((message) => message.replace(/:.*$/s, '')),
    [
      'page destinations[0] *.example-cdn.net',
      'page destinations[1] *.example-cnd.net',
      'page destinations[2] *.example-cdn.net',
      'page destinations[2] *.example-cdn.net',
      'page destinations[3] *.example-cdn.net',
      'page destinations[4] 10.0.0.0/22'
    ]
  )
  assert.match(bad[0]!, /is not written on line 6/)
  assert.match(bad[1]!, /is not written on line 5/)
  assert.match(bad[2]!, /port tcp\/0 is not/)
  assert.match(bad[3]!, /are not sorted strings/)
  assert.match(bad[4]!, /not in the cloud list's order/)
  assert.match(bad[5]!, /is not written on line 6/)
})

for (const stem of stems) {
  judged(stem, () => {
    const reading = readJudged(stem)
    const page = readFileSync(join(defaultCorpus, reading.page), 'utf8')
    assert.equal(problems(stem, reading, page), [], 'the reading is well-formed')
    const catalog = compilePage(reading)
    assert.equal(validate(catalog), [], 'the catalog validates')
    scores.set(stem, scorePage(stem, reading, catalog))
  })
}

judged('no page reads worse than its recorded floor', () => {
  // A page whose reading or catalog failed above is reported there, and has no score to compare.
  const scored = stems.filter((stem) => scores.has(stem))
  const now = (stem: string): Floor => ({found: scores.get(stem)!.found, exact: scores.get(stem)!.exact})
  if (process.env['UPDATE'] === '1' || !existsSync(floorPath)) {
    writeFileSync(floorPath, stringify(Object.fromEntries(scored.map((stem) => [stem, now(stem)]))))
    return
  }
  const floor = JSON.parse(readFileSync(floorPath, 'utf8')) as Record<string, Floor>
  const stale = Object.keys(floor).filter((stem) => !stems.includes(stem))
  assert.equal(stale, [], 'floors of pages no longer judged (UPDATE=1 records the floor anew)')
  const missing = scored.filter((stem) => floor[stem] === undefined)
  if (missing.length > 0) {
    for (const stem of missing) floor[stem] = now(stem)
    writeFileSync(floorPath, stringify(Object.fromEntries(stems.filter((stem) => floor[stem]).map((stem) => [stem, floor[stem]!]))))
  }
  const worse = scored.flatMap((stem) => {
    const score = scores.get(stem)!
    const was = floor[stem]!
    return [
      ...(score.found < was.found ? [`${stem}: ${score.found} destinations found, floor ${was.found}`] : []),
      ...(was.exact && !score.exact ? [`${stem}: no longer exact`] : [])
    ]
  })
  assert.equal(worse, [], 'pages read worse than their floor (node --import tsx scripts/reading-score.ts --detail)')
})

judged.run()
