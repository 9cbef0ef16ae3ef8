/**
 * Markdown → mdast: remark-parse with GFM and YAML front matter, then table recovery, a section
 * of the page at a time. The page's own metadata (title, ms.date) is read here too.
 */
import type {Root, Yaml} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {Point} from 'unist'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {parse as parseYaml} from 'yaml'
import {report} from '../report.js'
import {pageLines, recoverTables} from './recover-tables.js'
import {splitSections, type PageSection} from './sections.js'
import {readTableSection} from './table-lines.js'

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze()

/**
 * Parse a page one section at a time (see sections.ts), a simple table from its lines
 * (table-lines.ts), recovering the tables GFM rejects;
 * diagnostics go to `file`. Positions are in the page; each tree can go once read.
 */
export function* parseSections(file: VFile): Generator<Root> {
  const text = String(file)
  const lines = pageLines(text)
  for (const section of splitSections(text)) {
    const tree = readTableSection(section) ?? parseSection(section)
    recoverTables(tree, file, lines)
    yield tree
  }
}

function parseSection(section: PageSection): Root {
  const tree = processor.parse(section.text)
  if (section.offset > 0) shiftPositions(tree, section)
  return tree
}

function shiftPositions(tree: Root, section: PageSection): void {
  const move = (at: Point): Point => ({line: at.line + section.line - 1, column: at.column, offset: (at.offset ?? 0) + section.offset})
  visit(tree, (node) => {
    if (node.position) node.position = {start: move(node.position.start), end: move(node.position.end)}
  })
}

/** Front-matter keys that name the docs set a page belongs to. */
const serviceKeys = ['ms.service', 'ms.prod', 'ms.component']

export interface PageMeta {
  title: string | null
  /** ISO date (YYYY-MM-DD) from `ms.date`. */
  msDate: string | null
  /** `ms.service`, `ms.prod` and `ms.component`: which docs set publishes the page. */
  services: string[]
}

/** Read title and ms.date from YAML front matter, or from the older `<tags ms.date="…">` block. */
export function readMeta(tree: Root, file: VFile): PageMeta {
  const first = tree.children[0]
  let title: string | null = null
  let rawDate: unknown = null
  let services: string[] = []

  if (first?.type === 'yaml') {
    const data = readYaml(first, file)
    if (typeof data['title'] === 'string') title = data['title']
    rawDate = data['ms.date'] ?? null
    services = serviceKeys.flatMap((key) => (typeof data[key] === 'string' ? [data[key]] : []))
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

  return {title, msDate, services}
}

function readYaml(node: Yaml, file: VFile): Record<string, unknown> {
  try {
    const data: unknown = parseYaml(node.value)
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
