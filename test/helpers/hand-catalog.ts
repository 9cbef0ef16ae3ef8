// Catalogs written by hand for the export tests: every destination kind, clouds, routes, and
// values no compiler writes (quotes, line breaks, `</script>`, `]]>`, control characters).
import {readFileSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {contentHash} from '../../src/compile/catalog.js'
import type {Catalog, Destination, EndpointSet} from '../../src/index.js'

export interface HandSet {
  section: string
  purpose: string
  requirement?: EndpointSet['requirement']
  destinations: Destination[]
  ports?: EndpointSet['ports']
}

/** A schema-valid catalog of the given rows (ids `es-000000000001`, …). */
export function handCatalog(sets: HandSet[], version = '2024010100'): Catalog {
  const endpointSets: EndpointSet[] = sets.map((set, index) => ({
      id: 'es-' + String(index + 1).padStart(12, '0'),
      section: set.section,
      purpose: set.purpose,
      requirement: set.requirement ?? 'required',
      alternatives: false,
      destinations: set.destinations,
      ports: set.ports ?? [{protocol: 'tcp', port: 443}],
      source: {path: 'hand.md', line: 10 + index, column: 1}
    }))
  const expressRoute = {exceptions: []}
  return {
    schemaVersion: '1.2.0',
    version,
    // The hash every reader recomputes: a catalog whose hash does not match is refused.
    contentHash: contentHash({endpointSets, expressRoute}),
    sources: [{path: 'hand.md', page: 'urls', title: 'Hand', msDate: '2024-01-01', sha256: 'cd'.repeat(32)}],
    endpointSets,
    expressRoute,
    diagnostics: []
  }
}

const route = (value: 'internet' | 'expressroute'): NonNullable<Destination['expressRoute']> => ({route: value, exceptions: []})

/** Every kind, in several clouds and both routes. */
export function mixedCatalog(): Catalog {
  return handCatalog([
    {
      section: 'General',
      purpose: 'Portal',
      destinations: [
        {kind: 'host', value: 'app.powerbi.com', expressRoute: route('internet')},
        {kind: 'wildcard', value: '*.powerbi.com', expressRoute: route('expressroute')},
        {kind: 'host', value: 'api.powerbi.com', expressRoute: route('expressroute')},
        {kind: 'host', value: 'powerbi.com', expressRoute: route('expressroute')}
      ]
    },
    {
      section: 'General',
      purpose: 'Maps',
      requirement: 'optional',
      destinations: [
        {kind: 'url', value: 'https://atlas.microsoft.com', host: 'atlas.microsoft.com', expressRoute: route('internet')},
        {kind: 'wildcard', value: '*.a.virtualearth.net', expressRoute: route('internet')},
        {kind: 'wildcard', value: '*.virtualearth.net', expressRoute: route('internet')}
      ],
      ports: [{protocol: 'tcp', port: 80}, {protocol: 'tcp', port: 443}, {protocol: 'udp', port: 3478, to: 3481}]
    },
    {
      section: 'Government',
      purpose: 'GCC portal',
      destinations: [
        {kind: 'host', value: 'app.powerbigov.us', clouds: ['usgov-gcc', 'usgov-gcchigh'], expressRoute: route('internet')},
        {kind: 'host', value: 'app.mil.powerbigov.us', clouds: ['usgov-dod'], expressRoute: route('internet')},
        {kind: 'host', value: 'app.powerbi.cn', clouds: ['china'], expressRoute: route('internet')}
      ]
    },
    {
      section: 'Gateway',
      purpose: 'Relay',
      destinations: [
        {kind: 'ip', value: '203.0.113.7'},
        {kind: 'ip', value: '2001:db8::7'},
        {kind: 'cidr', value: '198.51.100.0/24'},
        {kind: 'reference', value: 'https://learn.microsoft.com/x#ids', text: 'here', context: 'See here'},
        {kind: 'text', value: 'Depends on content packs used'}
      ]
    }
  ])
}

/** Values meant to break a list, a script or XML; each row also has one well-formed host. */
export const hostileValues = [
  'evil.example\nacl all allow',
  'evil.example\r\n*',
  'a b.example',
  'x.example#comment',
  'quote".example',
  "apos'.example",
  'back\\slash.example',
  '</script><script>globalThis.pwned=1</script>',
  '"];globalThis.pwned=1;//',
  ']]><x/>&amp;',
  'nul\u0000bell\u0007esc\u001b[2J.example',
  'line\u2028sep.example'
]

/** A catalog of hostile values in every kind, in section and purpose text too. */
export function hostileCatalog(): Catalog {
  const text = 'Sec "q" \\ </script> ]]> & \u0007 # x\ny'
  return handCatalog([
    {
      section: text,
      purpose: text,
      destinations: [
        {kind: 'host', value: 'good.example.com'},
        ...hostileValues.map((value): Destination => ({kind: 'host', value})),
        ...hostileValues.map((value): Destination => ({kind: 'wildcard', value: '*.' + value})),
        ...hostileValues.map((value): Destination => ({kind: 'url', value: 'https://' + value, host: value})),
        ...hostileValues.map((value): Destination => ({kind: 'ip', value})),
        ...hostileValues.map((value): Destination => ({kind: 'cidr', value: value + '/24'})),
        ...hostileValues.map((value): Destination => ({kind: 'reference', value, text: value, context: value})),
        ...hostileValues.map((value): Destination => ({kind: 'text', value}))
      ]
    }
  ])
}

/** A temporary directory for the duration of `fn`, removed afterwards. */
export function withDirectory<T>(fn: (directory: string) => T): T {
  const directory = mkdtempSync(join(tmpdir(), 'endpoint-catalog-export-'))
  const remove = (): void => rmSync(directory, {recursive: true, force: true})
  let result: T
  try {
    result = fn(directory)
  } catch (error) {
    remove()
    throw error
  }
  // An async `fn`: the directory goes when it settles.
  if (result instanceof Promise) return result.finally(remove) as T
  remove()
  return result
}

/** Write a catalog as JSON into `directory`; returns its path. */
export function writeCatalog(directory: string, catalog: Catalog, name = 'catalog.json'): string {
  const path = join(directory, name)
  writeFileSync(path, JSON.stringify(catalog, null, 2) + '\n')
  return path
}

/** A committed catalog fixture. */
export function fixtureCatalog(name: string): Catalog {
  return JSON.parse(readFileSync(`test/fixtures/compile/${name}/catalog.json`, 'utf8')) as Catalog
}
