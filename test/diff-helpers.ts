// Helpers for the diff tests: small pages of `| Purpose | Destination | Port |` rows, an ExpressRoute page.
import {diff, type Change, type Diff} from '../src/diff/index.js'
import {compile, type Catalog} from '../src/index.js'

/** A URL page with one table per section; rows are the cells of `| Purpose | Destination | Port |`. */
export function page(sections: Record<string, string[]>): string {
  const lines = ['---', 'title: Power BI URLs', 'ms.date: 01/02/2020', '---', '']
  for (const [section, rows] of Object.entries(sections)) {
    lines.push(`## ${section}`, '', '| Purpose | Destination | Port |', '| --- | --- | --- |', ...rows.map((row) => `| ${row} |`), '')
  }
  return lines.join('\n')
}

/** An ExpressRoute page whose one table lists the destinations that go over the public Internet. */
export function expressRoutePage(destinations: string[]): string {
  return [
    '---',
    'title: Power BI and ExpressRoute',
    'ms.date: 01/02/2020',
    '---',
    '# Power BI and ExpressRoute',
    '',
    '### Power BI SaaS Application and ExpressRoute',
    '',
    '| User Activity | Destination |',
    '| --- | --- |',
    `| Login | \`${destinations.join(' ; ')}\` |`,
    ''
  ].join('\n')
}

/** Compile a URL page (and optionally an ExpressRoute page) into a catalog. */
export function catalogOf(urls: string, expressRoute?: string): Catalog {
  const pages = [{path: 'urls.md', value: urls}]
  if (expressRoute !== undefined) pages.push({path: 'expressroute.md', value: expressRoute})
  return compile(pages).catalog
}

/** Diff two URL pages. */
export function diffPages(before: string, after: string): Diff {
  return diff(catalogOf(before), catalogOf(after))
}

/** `rule subject` of each change, in diff order: compact to assert on. */
export function summary(document: Diff): string[] {
  return document.changes.map((change) => `${change.rule} ${subject(change)}`)
}

function subject(change: Change): string {
  switch (change.rule) {
    case 'section-renamed':
      return `${change.before.section} -> ${change.after.section}`
    case 'expressroute-exception-added':
    case 'expressroute-exception-removed':
      return change.exceptionDestination?.value ?? (change.after ?? change.before)?.[0]?.activity ?? ''
    case 'page-added':
    case 'page-removed':
      return (change.after ?? change.before)?.path ?? ''
    case 'purpose-changed':
    case 'endpoint-set-moved':
    case 'endpoint-set-added':
    case 'endpoint-set-removed': {
      const set = change.after ?? change.before
      return set ? `${set.section} / ${set.purpose}` : ''
    }
    default:
      return change.destination.value
  }
}
