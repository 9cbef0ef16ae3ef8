/**
 * Markdown → mdast: remark-parse with GFM and YAML front matter, then table recovery, a section
 * of the page at a time. The page's own metadata (title, ms.date) is read here too.
 */
import type {Root, RootContent, Yaml} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {Point} from 'unist'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {report} from '../report.js'
import {parseYaml} from '../yaml.js'
import {plainLine} from './plain-lines.js'
import {inlineCells, pageLines, recoverLines, recoverTables, type PageLines} from './recover-tables.js'
import {batches} from './batches.js'
import {parsed} from './limits.js'
import {splitSections, type PageSection} from './sections.js'
import {rejectedTableLines, tableLines, type TableLines} from './table-lines.js'

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze()

/**
 * Parse a page a batch of sections at a time (see sections.ts), recovering the tables GFM rejects;
 * diagnostics go to `file`. Positions are in the page; each tree can go once read.
 */
export function* parseSections(file: VFile): Generator<Root> {
  const text = String(file)
  const lines = pageLines(text)
  // Small neighbouring sections are parsed together (batches.ts).
  for (const batch of batches(splitSections(text), (section) => section.text.length)) {
    const tree = parseBatch(batch, file, lines)
    recoverTables(tree, file, lines)
    yield tree
  }
}

/**
 * The tree of a batch of sections: a plain heading or line of text from its line (plain-lines.ts),
 * simple tables from their lines (table-lines.ts), with their
 * cells' markup read in one pass, and tables GFM rejects recovered from their lines; the other
 * sections parsed together, in one pass. Sections parse alone, so parsing them joined gives each
 * the tree it has alone.
 */
function parseBatch(sections: PageSection[], file: VFile, lines: PageLines): Root {
  const tables = new Map<PageSection, TableLines>()
  const built = new Map<PageSection, RootContent>()
  for (const section of sections) {
    const line = plainLine(section)
    if (line) {
      built.set(section, line)
      continue
    }
    const table = tableLines(section)
    if (table) tables.set(section, table)
    const rejected = table ? undefined : rejectedTableLines(section)
    const recovered = rejected && recoverLines(rejected, file, lines)
    if (recovered) built.set(section, recovered)
  }
  const contents = inlineCells([...tables.values()].flatMap((table) => table.cells))
  let index = 0
  for (const [section, table] of tables) {
    const cells = contents ? contents.slice(index, (index += table.cells.length)) : inlineCells(table.cells)
    if (cells) built.set(section, table.build(cells))
  }

  const rest = sections.filter((section) => !built.has(section))
  const parsed = rest.length > 0 ? parseJoined(rest) : new Map<PageSection, RootContent[]>()
  const children: RootContent[] = []
  for (const section of sections) {
    const node = built.get(section)
    if (node) children.push(node)
    else for (const child of parsed.get(section) ?? []) children.push(child)
  }
  return {type: 'root', children}
}

/** Parse sections joined into one text; each section's nodes, with positions in the page. */
function parseJoined(sections: PageSection[]): Map<PageSection, RootContent[]> {
  for (const section of sections) parsed(section.text, section.line)
  const tree = processor.parse(sections.map((section) => section.text).join(''))
  // Where each section starts in the joined text.
  const starts: Array<{offset: number; line: number}> = []
  let offset = 0
  let line = 1
  for (const section of sections) {
    starts.push({offset, line})
    offset += section.text.length
    line += lineCount(section.text)
  }
  const result = new Map<PageSection, RootContent[]>()
  let at = 0
  for (const child of tree.children) {
    const start = child.position?.start.offset ?? 0
    while (at + 1 < sections.length && starts[at + 1]!.offset <= start) at++
    const section = sections[at]!
    const from = starts[at]!
    if (section.offset !== from.offset || section.line !== from.line) {
      const move = (point: Point): Point => ({line: point.line - from.line + section.line, column: point.column, offset: (point.offset ?? 0) - from.offset + section.offset})
      visit(child, (node) => {
        if (node.position) node.position = {start: move(node.position.start), end: move(node.position.end)}
      })
    }
    const nodes = result.get(section)
    if (nodes) nodes.push(child)
    else result.set(section, [child])
  }
  return result
}

/** How many line endings a text has. */
function lineCount(text: string): number {
  let count = 0
  for (const _ of text.matchAll(/\r\n?|\n/g)) count++
  return count
}

/** Front-matter keys that name the docs set a page belongs to. */
const serviceKeys = ['ms.service', 'ms.subservice', 'ms.prod', 'ms.component']

export interface PageMeta {
  title: string | null
  /** ISO date (YYYY-MM-DD) from `ms.date`. */
  msDate: string | null
  /** `ms.service`, `ms.subservice`, `ms.prod` and `ms.component`: which docs set publishes the page. */
  services: string[]
  /** The page's summary (`description`), if it has one. */
  description?: string
}

/** Read title and ms.date from YAML front matter, or from the older `<tags ms.date="…">` block. */
export function readMeta(tree: Root, file: VFile): PageMeta {
  const first = tree.children[0]
  let title: string | null = null
  let rawDate: unknown
  let services: string[]
  let description: string | undefined

  if (first?.type === 'yaml') {
    const data = readYaml(first, file)
    if (typeof data['title'] === 'string') title = data['title']
    rawDate = data['ms.date'] ?? null
    services = serviceKeys.flatMap((key) => (typeof data[key] === 'string' ? [data[key]] : []))
    if (typeof data['description'] === 'string') description = data['description']
  } else {
    // Older pages carry `<properties pageTitle="…" />` and `<tags ms.date="…" />` before the title.
    const text = String(file)
    const head = text.slice(0, text.search(/^#/m) === -1 ? text.length : text.search(/^#/m))
    title = /pageTitle\s*=\s*"([^"]*)"/.exec(head)?.[1] ?? null
    rawDate = /ms\.date\s*=\s*"([^"]*)"/.exec(head)?.[1] ?? null
    services = serviceKeys.flatMap((key) => new RegExp(key.replace('.', '\\.') + '\\s*=\\s*"([^"]*)"').exec(head)?.[1] ?? [])
  }

  const msDate = isoDate(rawDate)
  if (msDate === null) {
    report(file, 'date-missing', 'Unexpected missing or unreadable `ms.date`, expected a date such as 08/10/2018', first)
  }

  return {title, msDate, services, ...(description === undefined ? {} : {description})}
}

function readYaml(node: Yaml, file: VFile): Record<string, unknown> {
  try {
    // CR-only line ends (old Mac files) are line ends to markdown; YAML wants them as `\n`.
    const {value: data, warnings} = parseYaml(node.value.replace(/\r\n?/g, '\n'))
    for (const warning of warnings) {
      // The position in the YAML is not the page's; the diagnostic points at the front matter.
      report(file, 'front-matter-invalid', `Unexpected YAML front matter: ${warning.replace(/ at line \d+, column \d+$/, '')}; read without the tag`, node)
    }
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      return data as Record<string, unknown>
    }
  } catch (error) {
    report(file, 'front-matter-invalid', 'Unexpected YAML front matter: ' + String((error as Error).message).split('\n')[0], node)
    return {}
  }

  report(file, 'front-matter-invalid', 'Unexpected front matter, expected a YAML mapping', node)
  return {}
}

/** `08/10/2018`, `2018-08-10` or a YAML date → `2018-08-10`. */
function isoDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return value.toISOString().slice(0, 10)
  }
  if (typeof value !== 'string') return null
  const us = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(value)
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(value)
  const [year, month, day] = us
    ? [Number(us[3]), Number(us[1]), Number(us[2])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [0, 0, 0]
  // A day the calendar has (not 02/30): the date names the catalog version.
  const date = new Date(Date.UTC(year, month - 1, day))
  if (!year || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
