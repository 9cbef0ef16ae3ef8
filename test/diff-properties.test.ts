// The diff's promise to an administrator, over generated pages (fast-check): apply exactly what
// it says to add (destinations, ports, requirements), then take off everything it says is gone,
// and the firewall still allows every destination of the new page on every port, in every cloud.
import fc from 'fast-check'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {compile, diff, type Catalog, type Change, type Cloud} from '../src/index.js'
import {page as generatedPage} from './helpers/arbitrary.js'
import {page} from './diff-helpers.js'

/** What an administrator allows in one cloud: each destination (`kind value`) with its ports. */
type Firewall = Map<string, Set<string>>

const portKey = (port: {protocol: string; port: number; to?: number}): string =>
  `${port.protocol}/${port.port}${port.to === undefined ? '' : `-${port.to}`}`

/** The allowlist of one cloud, read straight from the catalog (a destination without clouds is public). */
function firewallOf(catalog: Catalog, cloud: Cloud): Firewall {
  const firewall: Firewall = new Map()
  for (const set of catalog.endpointSets) {
    for (const destination of set.destinations) {
      if (!(destination.clouds ?? ['public']).includes(cloud)) continue
      const key = `${destination.kind} ${destination.value}`
      const ports = firewall.get(key) ?? new Set<string>()
      // Ports written beside a destination are its own; the set's are the others'.
      for (const port of destination.ports ?? set.ports) ports.add(portKey(port))
      firewall.set(key, ports)
    }
  }
  return firewall
}

/** The host a rule for this destination lets through (a host, a URL's host, a wildcard as written). */
function hostOf(key: string): string | undefined {
  const [kind, value] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)]
  if (kind === 'host' || kind === 'wildcard') return value
  if (kind === 'url') return new URL(value).hostname
  return undefined
}

/** Whether the firewall lets `key` through on every one of `ports`: by its own rule, or by a wildcard's. */
function allows(firewall: Firewall, key: string, ports: Set<string>): boolean {
  // Text kept as written (a template, a sentence) is on no allow-list: it is listed, its ports mean nothing.
  if (key.startsWith('text ')) return firewall.has(key)
  const own = firewall.get(key)
  if (own && [...ports].every((port) => own.has(port))) return true
  const host = hostOf(key)
  if (host === undefined) return false
  for (const [rule, allowed] of firewall) {
    if (!rule.startsWith('wildcard *.')) continue
    const suffix = rule.slice('wildcard *'.length)
    if (host.endsWith(suffix) && host.length > suffix.length && [...ports].every((port) => allowed.has(port))) return true
  }
  return false
}

/** Apply a diff as an administrator would: additions first, then removals. */
function apply(firewalls: Map<Cloud, Firewall>, changes: Change[]): void {
  const each = (change: Change, act: (firewall: Firewall) => void): void => {
    for (const cloud of change.clouds ?? ['public']) act(firewalls.get(cloud)!)
  }
  for (const change of changes) {
    if (!('destination' in change)) continue
    const key = `${change.destination.kind} ${change.destination.value}`
    const rule = change.rule
    if (rule === 'required-destination-added' || rule === 'optional-destination-added' || rule === 'reference-added' || rule === 'reference-changed') {
      each(change, (firewall) => firewall.set(key, new Set(change.after?.ports ?? [])))
    } else if (rule === 'ports-added') {
      each(change, (firewall) => {
        const ports = firewall.get(key) ?? new Set<string>()
        for (const port of change.ports ?? []) ports.add(port)
        firewall.set(key, ports)
      })
    }
  }
  for (const change of changes) {
    if (!('destination' in change)) continue
    const key = `${change.destination.kind} ${change.destination.value}`
    const rule = change.rule
    if (rule === 'destination-removed' || rule === 'destination-covered-by-wildcard' || rule === 'reference-removed') {
      each(change, (firewall) => firewall.delete(key))
    } else if (rule === 'reference-changed' && change.previous) {
      const previous = `${change.previous.kind} ${change.previous.value}`
      each(change, (firewall) => firewall.delete(previous))
    } else if (rule === 'ports-removed') {
      each(change, (firewall) => {
        for (const port of change.ports ?? []) firewall.get(key)?.delete(port)
      })
    }
  }
}

const clouds: Cloud[] = ['public', 'usgov-gcc', 'usgov-gcchigh']

/** The property: after applying diff(a, b) to a's firewalls, each cloud allows all of b's. */
function keepsEveryDestination(before: Catalog, after: Catalog): void {
  const firewalls = new Map(clouds.map((cloud) => [cloud, firewallOf(before, cloud)]))
  apply(firewalls, diff(before, after).changes)
  for (const cloud of clouds) {
    for (const [key, ports] of firewallOf(after, cloud)) {
      assert.ok(allows(firewalls.get(cloud)!, key, ports), `${cloud}: ${key} on ${[...ports].join(' ') || 'no port'} is still allowed`)
    }
  }
}

// Pages drawn from one small pool of hosts, wildcards over them and URLs, so that revisions share
// destinations, and wildcards of one cover hosts of the other: where substitutes happen.
const destination = fc.constantFrom(
  'x.com',
  'a.x.com',
  'b.x.com',
  'c.a.x.com',
  '*.x.com',
  '*.a.x.com',
  'y.net',
  'a.y.net',
  '*.y.net',
  '`https://b.x.com`',
  'See [the list](https://example.com/list)',
  'Depends on content packs used'
)
const row = fc
  .record({
    requirement: fc.constantFrom('**Required:** ', '**Optional:** '),
    purpose: fc.constantFrom('Portal', 'Backend', 'Visuals', 'Maps', 'Docs'),
    destinations: fc.uniqueArray(destination, {minLength: 1, maxLength: 3}),
    port: fc.constantFrom('TCP 443', 'TCP 80', 'TCP 80, 443', 'N/A')
  })
  .map(({requirement, purpose, destinations, port}) => `${requirement}${purpose} | ${destinations.join(', ')} | ${port}`)
const pooledPage = fc
  .record({
    general: fc.array(row, {minLength: 0, maxLength: 5}),
    visuals: fc.array(row, {minLength: 0, maxLength: 3}),
    /** The clouds given to the destinations, in page order, round and round. */
    clouds: fc.array(fc.constantFrom<Cloud[] | undefined>(undefined, ['public'], ['usgov-gcc'], ['public', 'usgov-gcc'], ['usgov-gcchigh']), {
      minLength: 1,
      maxLength: 7
    })
  })
  .map(({general, visuals, clouds: given}) => {
    const catalog = compile([{path: 'urls.md', value: page({General: general, Visuals: visuals})}]).catalog
    let index = 0
    for (const set of catalog.endpointSets) {
      for (const item of set.destinations) {
        const cloud = given[index++ % given.length]
        if (cloud) item.clouds = cloud as [Cloud, ...Cloud[]]
      }
    }
    return catalog
  })

const properties = suite('diff properties')
const runs = {numRuns: 200, seed: 20261130}

properties('applying the additions and then the removals keeps every destination of the new page allowed (pages sharing destinations, with clouds)', () => {
  fc.assert(fc.property(pooledPage, pooledPage, keepsEveryDestination), runs)
})

properties('the same for any two generated pages', () => {
  const catalogOf = (text: string): Catalog => compile([{path: 'page.md', value: text}]).catalog
  fc.assert(
    fc.property(generatedPage, generatedPage, (a, b) => keepsEveryDestination(catalogOf(a), catalogOf(b))),
    {...runs, numRuns: 60}
  )
})

properties('a wildcard dropped for the hosts under it: the hosts are additions that replace it', () => {
  // The case the property guards, stated once: `*.x.com` goes, `a.x.com` comes.
  const before = compile([{path: 'urls.md', value: page({General: ['**Required:** Visuals | *.x.com | TCP 443']})}]).catalog
  const after = compile([{path: 'urls.md', value: page({General: ['**Required:** Visuals | a.x.com | TCP 443']})}]).catalog
  keepsEveryDestination(before, after)
  const added = diff(before, after).changes.find((change) => change.rule === 'required-destination-added')
  assert.ok(added && 'replaces' in added)
  assert.equal(added.replaces, [{kind: 'wildcard', value: '*.x.com'}])
})

properties.run()
