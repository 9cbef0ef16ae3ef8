/**
 * The ExpressRoute page: its tables (activity → destinations) and bulleted prose exceptions, each
 * scoped by its heading; and the routing status this gives every destination of the URL page.
 */
import type {Heading, ListItem, Root} from 'mdast'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import type {EndpointSet, ExpressRouteException, RouteMatch} from '../../generated/catalog.js'
import {report} from '../report.js'
import {cellText, readDestinations} from './cells.js'
import {covers, matchKey} from './destination.js'
import {position} from './endpoint-sets.js'
import {headingText, type ReadTable} from './read-tables.js'
import {expressRouteScopes} from './vocabulary.js'

export type Scope = ExpressRouteException['scope']
export type UnnamedException = Omit<ExpressRouteException, 'id'>

/** The scope a heading or column header names (`Power BI Desktop and ExpressRoute` → desktop). */
export function scopeOf(text: string): Scope {
  const lower = text.toLowerCase()
  return expressRouteScopes.find((entry) => entry.words.test(lower))?.scope ?? 'other'
}

/** Read the exceptions of an ExpressRoute page. */
export function readExceptions(tree: Root, tables: ReadTable[], file: VFile, path: string): UnnamedException[] {
  const exceptions: UnnamedException[] = []

  for (const table of tables) {
    for (const row of table.rows) {
      const headerScope = scopeOf(row.purposeHeader)
      const scope = headerScope === 'paas' ? headerScope : scopeOf(table.section)
      if (scope === 'other') {
        report(file, 'expressroute-scope-unknown', `Unexpected ExpressRoute exception under \`${table.section}\`, expected a heading naming overall, SaaS, Desktop, PaaS, Mobile or gateway`, row.node)
      }
      const exception: UnnamedException = {
        scope,
        section: table.section,
        kind: 'table',
        activity: cellText(row.purpose),
        destinations: readDestinations(row.destinations, file).destinations,
        source: position(row.node, path)
      }
      if (row.attributes.length > 0) {
        exception.attributes = Object.fromEntries(row.attributes.map(({name, text}) => [name, text]))
      }
      exceptions.push(exception)
    }
  }

  // Bullets under a scoped ExpressRoute heading are the prose exceptions.
  let heading: Heading | undefined
  visit(tree, (node) => {
    if (node.type === 'heading') {
      heading = node
      return 'skip'
    }
    if (node.type !== 'list' || !heading) return
    const section = headingText(heading)
    const scope = scopeOf(section)
    if (scope === 'other' || !/expressroute|exception/i.test(section)) return 'skip'
    for (const item of node.children) exceptions.push(proseException(item, scope, section, path))
    return 'skip'
  })

  return exceptions.sort((a, b) => a.source.line - b.source.line || a.source.column - b.source.column)
}

function proseException(item: ListItem, scope: Scope, section: string, path: string): UnnamedException {
  let subject: string | undefined
  visit(item, 'strong', (node) => {
    subject = cellText(node)
    return false
  })
  const exception: UnnamedException = {
    scope,
    section,
    kind: 'prose',
    activity: cellText(item),
    destinations: [],
    source: position(item, path)
  }
  if (subject) exception.subject = subject
  return exception
}

/**
 * Give every host, wildcard and URL of the endpoint sets its ExpressRoute status. An ExpressRoute
 * page speaks for its own product (`routed` lists the products that have one): a destination of
 * such a product goes over the public Internet when an exception of that product's page equals or
 * covers it — or, for a wildcard, when the wildcard covers an exception's destination, since part of
 * its traffic then leaves ExpressRoute — else over ExpressRoute (the page lists no exception for
 * it). A destination of a product without an ExpressRoute page has route `unknown`.
 */
export function applyExpressRoute(sets: EndpointSet[], exceptions: ExpressRouteException[], routed: ReadonlySet<string | undefined>): void {
  const patterns = exceptions.flatMap((exception) =>
    exception.destinations.flatMap((destination) => {
      const key = matchKey(destination)
      return key === undefined ? [] : [{key, exception}]
    })
  )

  for (const set of sets) {
    const known = routed.has(set.service)
    for (const destination of set.destinations) {
      const key = matchKey(destination)
      if (key === undefined) continue
      if (!known) {
        destination.expressRoute = {route: 'unknown', exceptions: []}
        continue
      }
      const matches: RouteMatch[] = patterns
        .filter((pattern) => pattern.exception.service === set.service && (covers(pattern.key, key) || covers(key, pattern.key)))
        .map(({key: pattern, exception}) => ({exception: exception.id, activity: exception.activity, pattern}))
      destination.expressRoute = {route: matches.length > 0 ? 'internet' : 'expressroute', exceptions: matches}
    }
  }
}
