/**
 * The catalog and its change feed in the shapes of the Microsoft 365 IP Address and URL web
 * service's `endpoints` and `changes` answers, so tools written against that service read the
 * catalog's endpoints, each endpoint set in the service area of its product. Numbers stand for endpoint set ids through a recorded mapping (M365Ids) that only
 * grows: a number, once given, always means the same row.
 */
import {isIP} from 'node:net'
import type {Catalog, EndpointSet, Port} from '../../generated/catalog.js'
import type {ChangeFeed, Release} from '../../generated/changes.js'
import type {Change, DestinationChange, DestinationRef, DestinationState, EndpointSetChange, EndpointSetRef} from '../../generated/diff.js'
import type {M365Change, M365ChangeValues, M365Changes} from '../../generated/m365-changes.js'
import type {M365EndpointSet, M365Endpoints} from '../../generated/m365-endpoints.js'
import type {M365Ids} from '../../generated/m365-ids.js'
import {compareText} from '../core/text.js'
import {setPorts} from '../compile/cells.js'
import {columnEntry, productName} from '../compile/vocabulary.js'
import {changeRules} from '../diff/rules.js'
import {checkedJson} from '../io.js'
import {allowEntries, isWellFormed, placeholderOf, urlHost, type Rendered} from './entries.js'
import {setService} from './filter.js'
import {defineFormat} from './format.js'
import {asRange} from './lists.js'

export type {M365Ids}

/** Version of the id mapping file (schema/m365-ids.schema.json). */
export const m365IdsSchemaVersion = '1.0.0'

export const m365Categories = ['Optimize', 'Allow', 'Default'] as const
export type M365Category = (typeof m365Categories)[number]

/**
 * An endpoint set's service area: its product's name (`serviceAreaDisplayName`, `Power BI`) and
 * that name's words run together (`serviceArea`, `PowerBI`, `OnPremisesDataGateway`), as the service writes its own.
 */
function serviceAreaOf(set: EndpointSet, catalog: Catalog): Pick<M365EndpointSet, 'serviceArea' | 'serviceAreaDisplayName'> {
  const service = setService(set)
  const source = catalog.sources.find((one) => one.path === set.source.path && one.service === set.service)
  const name = source?.serviceName ?? productName(service) ?? service
  const words = name.split(/[^A-Za-z0-9]+/).filter((word) => word !== '')
  return {serviceArea: words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('') || 'Unknown', serviceAreaDisplayName: name}
}

/**
 * The category of a set: what its page's Category column states (`Optimize`, `Allow`, `Default`,
 * also as `Default<BR>Required`), else `fallback`.
 */
function categoryOf(set: EndpointSet, fallback: M365Category): M365Category {
  for (const [header, value] of Object.entries(set.attributes ?? {})) {
    if (columnEntry(header).role !== 'category') continue
    const stated = m365Categories.find((category) => new RegExp(`^\\W*${category}\\b`, 'i').test(value.trim()))
    if (stated !== undefined) return stated
  }
  return fallback
}

/**
 * The mapping after `previous` (undefined: none recorded yet) with a number for every endpoint
 * set the feed or the catalog names, new numbers counting up from the highest given: through the
 * feed oldest first, then the catalog in order. A row the diff matched under a new id (reworded
 * purpose, moved section) keeps its number.
 */
export function assignM365Ids(previous: M365Ids | undefined, feed: ChangeFeed, catalog?: Catalog): M365Ids {
  const ids = new Map(Object.entries(previous?.endpointSets ?? {}))
  let next = Math.max(0, ...ids.values()) + 1
  const give = (id: string, same?: string): void => {
    if (ids.has(id)) return
    const inherited = same === undefined ? undefined : ids.get(same)
    ids.set(id, inherited ?? next++)
  }
  for (const release of [...feed.versions].reverse()) {
    for (const change of release.changes) {
      if (changeRules[change.rule].m365 === 'rowReworded') {
        const {before, after} = change as EndpointSetChange
        if (before !== null && after !== null) {
          give(before.id)
          give(after.id, before.id)
          continue
        }
      }
      for (const set of changeSets(change)) give(set.id)
    }
  }
  for (const set of catalog?.endpointSets ?? []) give(set.id)
  return {schemaVersion: m365IdsSchemaVersion, endpointSets: Object.fromEntries([...ids].sort(([a], [b]) => compareText(a, b)))}
}

/** The endpoint sets a change names, before and after. */
function changeSets(change: Change): EndpointSetRef[] {
  if ('destination' in change) return [...(change.before?.endpointSets ?? []), ...(change.after?.endpointSets ?? [])]
  // Only endpoint-set changes name sets: not a section, an ExpressRoute exception or a page.
  if (changeRules[change.rule].shape !== 'endpointSet') return []
  const set = change as EndpointSetChange
  return [set.before, set.after].filter((one): one is EndpointSetRef => one !== null)
}

/**
 * The catalog as the `endpoints` answer: one record per endpoint set, in catalog order. Sets the
 * mapping has no number for are numbered after its highest, with a stderr line (run `build` to
 * record them).
 */
export function formatM365Endpoints(catalog: Catalog, recorded?: M365Ids, category: M365Category = 'Default'): Rendered {
  const mapping = assignM365Ids(recorded, {schemaVersion: '1.0.0', versions: []}, catalog)
  const unrecorded = catalog.endpointSets.filter((set) => recorded?.endpointSets[set.id] === undefined).length
  const hasRoutes = catalog.endpointSets.some((set) => set.destinations.some((d) => d.expressRoute !== undefined))
  const records: M365Endpoints = catalog.endpointSets.map((set) => ({
    ...endpointRecord(set, mapping.endpointSets[set.id]!, hasRoutes, serviceAreaOf(set, catalog)),
    category: categoryOf(set, category)
  }))
  const notes: string[] = []
  const unrouted = catalog.endpointSets.filter((set) => set.destinations.some((d) => d.expressRoute?.route === 'unknown'))
  if (unrouted.length > 0) {
    const services = [...new Set(unrouted.map(setService))].sort(compareText).join(', ')
    notes.push(`m365: ${unrouted.length} endpoint ${unrouted.length === 1 ? 'set says' : 'sets say'} expressRoute: false because ${unrouted.length === 1 ? 'its product has' : 'their products have'} no ExpressRoute page (${services})`)
  }
  if (unrecorded > 0) {
    notes.push(`m365: ${unrecorded} endpoint ${unrecorded === 1 ? 'set has' : 'sets have'} no recorded number (m365-ids.json beside the catalog); numbered after the highest recorded, run \`build\` to record them`)
  }
  const numbers = records.map((record) => record.id)
  const shared = numbers.filter((number, index) => numbers.indexOf(number) !== index)
  if (shared.length > 0) notes.push(`m365: endpoint sets share ${shared.length === 1 ? 'number' : 'numbers'} ${[...new Set(shared)].join(', ')} (a reworded row and its old wording both listed again)`)
  for (const note of allowEntries(catalog, 'm365').leftOut.notes()) notes.push(note)
  return {text: checkedJson('m365Endpoints', records), notes}
}

export const m365Format = defineFormat({
  name: 'm365',
  summary: 'the `endpoints` answer of the Microsoft 365 endpoints web service',
  loads: 'a script written against `https://endpoints.office.com/endpoints/worldwide`, reading the file instead',
  options: [
    {
      flag: 'category',
      key: 'category',
      value: m365Categories.join('|'),
      help: 'the category of rows whose page states none (default: Default)',
      parse: (text) => {
        if ((m365Categories as readonly string[]).includes(text)) return text as M365Category
        throw new RangeError(`--category ${text}: expected one of ${m365Categories.join(', ')}`)
      }
    }
  ],
  render: (catalog, options) => formatM365Endpoints(catalog, options.m365Ids, options.category)
})

function endpointRecord(set: EndpointSet, id: number, hasRoutes: boolean, area: Pick<M365EndpointSet, 'serviceArea' | 'serviceAreaDisplayName'>): M365EndpointSet {
  const urls = new Set<string>()
  const ips = new Set<string>()
  const see: string[] = []
  for (const destination of set.destinations) {
    if (destination.kind === 'reference' || destination.kind === 'text') {
      see.push(destination.kind === 'reference' ? `See ${oneLine(destination.value)}` : `Also: ${oneLine(destination.value)}`)
      continue
    }
    if (!isWellFormed(destination)) continue
    const entry = m365Entry(destination)
    if (entry?.list === 'urls' && placeholderOf(entry.value) !== undefined) continue
    if (entry !== undefined) (entry.list === 'urls' ? urls : ips).add(entry.value)
  }
  const routed = set.destinations.filter((d) => d.expressRoute !== undefined)
  const record: M365EndpointSet = {
    id,
    ...area,
    ...(urls.size > 0 ? {urls: [...urls].sort(compareText) as [string, ...string[]]} : {}),
    ...(ips.size > 0 ? {ips: [...ips].sort(compareText) as [string, ...string[]]} : {}),
    ...portFields(setPorts(set)),
    expressRoute: hasRoutes && routed.length > 0 && routed.every((d) => d.expressRoute!.route === 'expressroute'),
    category: 'Default',
    required: set.requirement === 'required',
    notes: [`${oneLine(set.section)} / ${oneLine(set.purpose)}`, ...see].join('. ')
  }
  return record
}

/** Where a destination goes in an endpoint set: a host or wildcard in `urls`, an address range in `ips`. */
function m365Entry(destination: DestinationRef): {list: 'urls' | 'ips'; value: string} | undefined {
  const {kind, value} = destination
  if (kind === 'host' || kind === 'wildcard') return {list: 'urls', value}
  if (kind === 'ip') return {list: 'ips', value: asRange(value)}
  if (kind === 'cidr') return {list: 'ips', value}
  if (kind === 'url') {
    const host = urlHost(destination)
    return isIP(host) === 0 ? {list: 'urls', value: host} : {list: 'ips', value: asRange(host)}
  }
  return undefined
}

/** `tcpPorts` / `udpPorts` as the service writes them (`80,443`, `5671-5672`), omitted when none. */
function portFields(ports: Port[]): Pick<M365EndpointSet, 'tcpPorts' | 'udpPorts'> {
  const list = (protocol: Port['protocol']): string =>
    ports
      .filter((port) => port.protocol === protocol)
      .map((port) => `${port.port}${port.to === undefined ? '' : '-' + port.to}`)
      .join(',')
  const tcp = list('tcp')
  const udp = list('udp')
  return {...(tcp === '' ? {} : {tcpPorts: tcp}), ...(udp === '' ? {} : {udpPorts: udp})}
}

/** Doc text on one line (JSON escapes the rest). */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

interface SetChange {
  disposition: M365Change['disposition']
  add: {urls: Set<string>; ips: Set<string>}
  remove: {urls: Set<string>; ips: Set<string>}
  previous: M365ChangeValues
  current: M365ChangeValues
  route: boolean
  /** The lists an error-level change without an addition concerns (a destination now required, new ports on one). */
  priority: {urls: boolean; ips: boolean}
  /** `section / purpose` of the set, said when nothing else is. */
  label?: string
}

/**
 * The releases of `feed` that `selected` holds as the `changes` answer: per release, one record per
 * endpoint set its changes name, oldest first. Record ids count through the whole feed from its
 * oldest release, which never changes, so an id always means the same record. `Add` is the
 * disposition of a set first named in that release, `Remove` of a removed row whose destinations
 * are listed elsewhere (`endpoint-set-removed`); anything else is `Change`.
 */
export function formatM365Changes(selected: Release[], feed: ChangeFeed, ids: M365Ids): Rendered {
  const wanted = new Set(selected.map((release) => release.version))
  const records: M365Changes = []
  const seen = new Set<string>()
  let next = 1
  let renames = 0
  let unshaped = 0
  let malformed = 0
  for (const release of [...feed.versions].reverse()) {
    const sets = new Map<string, SetChange>()
    const of = (id: string): SetChange => {
      let entry = sets.get(id)
      if (entry === undefined) {
        entry = {disposition: seen.has(id) ? 'Change' : 'Add', add: {urls: new Set(), ips: new Set()}, remove: {urls: new Set(), ips: new Set()}, previous: {}, current: {}, route: false, priority: {urls: false, ips: false}}
        sets.set(id, entry)
      }
      return entry
    }
    for (const change of release.changes) {
      const impact = changeRules[change.rule].m365
      if (impact === 'sectionRenamed') {
        renames++
        continue
      }
      // ExpressRoute exceptions and whole pages are not endpoint sets: the shape has no record for them.
      if (impact === 'noRecord') {
        unshaped++
        continue
      }
      if (!('destination' in change)) {
        const set = change as EndpointSetChange
        if (impact === 'rowRemoved') labelled(of(set.before!.id), set.before!).disposition = 'Remove'
        else if (impact === 'rowAdded') labelled(of(set.after!.id), set.after!)
        else {
          const entry = of(set.after!.id)
          entry.previous.notes = `${oneLine(set.before!.section)} / ${oneLine(set.before!.purpose)}`
          entry.current.notes = `${oneLine(set.after!.section)} / ${oneLine(set.after!.purpose)}`
        }
        continue
      }
      if (!isWellFormed(change.destination)) {
        malformed++
        continue
      }
      applyDestinationChange(change, of)
    }
    for (const [id, entry] of sets) {
      seen.add(id)
      const record = changeRecord(next++, ids.endpointSets[id], release, entry)
      if (wanted.has(release.version)) records.push(record)
    }
  }
  const notes: string[] = []
  if (unshaped > 0) notes.push(`m365: ${unshaped} ExpressRoute exception or page ${unshaped === 1 ? 'change has' : 'changes have'} no record in this shape`)
  if (renames > 0) notes.push(`m365: ${renames} section ${renames === 1 ? 'rename has' : 'renames have'} no record in this shape (rows under a renamed section keep no number)`)
  if (malformed > 0) notes.push(`m365: left out ${malformed} ${malformed === 1 ? 'change' : 'changes'} of a destination not valid as its kind`)
  return {text: checkedJson('m365Changes', records), notes}
}

/** A destination change into the records of the endpoint sets it names. */
function applyDestinationChange(change: DestinationChange, of: (id: string) => SetChange): void {
  const found = m365Entry(change.destination)
  // A placeholder name is not a host to allow: no list gets it, the record says only its set.
  const entry = found?.list === 'urls' && placeholderOf(found.value) !== undefined ? undefined : found
  for (const set of [...(change.before?.endpointSets ?? []), ...(change.after?.endpointSets ?? [])]) labelled(of(set.id), set)
  const impact = changeRules[change.rule].m365
  if (impact === 'add') {
    for (const set of change.after!.endpointSets) {
      const target = of(set.id)
      if (entry !== undefined) target.add[entry.list].add(entry.value)
    }
    return
  }
  if (impact === 'remove') {
    for (const set of change.before!.endpointSets) {
      const target = of(set.id)
      if (entry !== undefined) target.remove[entry.list].add(entry.value)
    }
    return
  }
  const before = change.before!
  const after = change.after!
  for (const set of after.endpointSets) {
    const target = of(set.id)
    if (change.level === 'error' && entry !== undefined) target.priority[entry.list] = true
    if (impact === 'required') {
      target.previous.required = before.requirement === 'required'
      target.current.required = after.requirement === 'required'
    } else if (impact === 'ports') {
      Object.assign(target.previous, statePorts(before))
      Object.assign(target.current, statePorts(after))
    } else if (impact === 'expressRoute') {
      target.previous.expressRoute = before.route === 'expressroute'
      target.current.expressRoute = after.route === 'expressroute'
      target.route = true
    }
  }
}

/** A set's record with its `section / purpose`, said when the record would say nothing else. */
function labelled(entry: SetChange, set: Pick<EndpointSetRef, 'section' | 'purpose'>): SetChange {
  entry.label ??= `${oneLine(set.section)} / ${oneLine(set.purpose)}`
  return entry
}

/** A destination's ports (`tcp/443`, `tcp/5671-5672`) as `tcpPorts` and `udpPorts`. */
function statePorts(state: DestinationState): M365ChangeValues {
  const list = (protocol: string): string =>
    state.ports
      .filter((key) => key.startsWith(protocol + '/'))
      .map((key) => key.slice(protocol.length + 1))
      .join(',')
  return {tcpPorts: list('tcp'), udpPorts: list('udp')}
}

function changeRecord(id: number, endpointSetId: number | undefined, release: Release, entry: SetChange): M365Change {
  if (endpointSetId === undefined) throw new Error(`no m365 number for an endpoint set of version ${release.version}`)
  const list = (values: Set<string>): [string, ...string[]] | undefined => (values.size === 0 ? undefined : ([...values].sort(compareText) as [string, ...string[]]))
  const addUrls = list(entry.add.urls)
  const addIps = list(entry.add.ips)
  const removeUrls = list(entry.remove.urls)
  const removeIps = list(entry.remove.ips)
  const impact: M365Change['impact'] =
    addUrls && addIps
      ? 'AddedIpAndUrl'
      : addUrls
        ? 'AddedUrl'
        : addIps
          ? 'AddedIp'
          : removeUrls || removeIps
            ? 'RemovedIpOrUrl'
            : entry.route
              ? 'ChangedIsExpressRoute'
              : // An error-level change (now required, new ports) asks the perimeter to allow more.
                entry.priority.urls && entry.priority.ips
                ? 'AddedIpAndUrl'
                : entry.priority.urls
                  ? 'AddedUrl'
                  : entry.priority.ips
                    ? 'AddedIp'
                    : 'OtherNonPriorityChanges'
  const effectiveDate = (release.date ?? '').replace(/-/g, '') || release.version.slice(0, 8)
  // A new set has no previous values (Microsoft's `Add` records carry none); a record always says
  // what changed: when no list or value did, the set's section and purpose.
  const previous = entry.disposition === 'Add' ? {} : entry.previous
  const says = Object.keys(previous).length > 0 || Object.keys(entry.current).length > 0 || addUrls || addIps || removeUrls || removeIps
  const current = says || entry.label === undefined ? entry.current : {notes: entry.label}
  return {
    id,
    endpointSetId,
    disposition: entry.disposition,
    impact,
    version: release.version,
    ...(Object.keys(previous).length > 0 ? {previous} : {}),
    ...(Object.keys(current).length > 0 ? {current} : {}),
    ...(addUrls || addIps ? {add: {effectiveDate, ...(addIps ? {ips: addIps} : {}), ...(addUrls ? {urls: addUrls} : {})}} : {}),
    ...(removeUrls || removeIps ? {remove: {...(removeIps ? {ips: removeIps} : {}), ...(removeUrls ? {urls: removeUrls} : {})}} : {})
  }
}
