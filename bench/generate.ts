/**
 * Synthetic URL pages in the shapes of the real Power BI pages, for the benchmarks: a seeded model
 * of sections, tables and rows, rendered to markdown, and a second revision derived from it.
 * The same seed always gives the same bytes.
 */

/** A reference to another page's list, rendered as the real pages write links. */
export interface Reference {
  kind: 'reference'
  text: string
  href: string
}

export interface Host {
  kind: 'host'
  /** `api.contoso.net`, `*.contoso.net` or `https://contoso.net`. */
  value: string
}

export type Destination = Host | Reference

export interface Row {
  /** Row number as written; the pages skip and renumber. */
  number: number
  requirement: 'Required' | 'Optional'
  purpose: string
  /** `One of the following:<li>…</li>`, as on the 2023 page. */
  alternatives: boolean
  destinations: Destination[]
  /** `TCP 443`, `TCP 80, 443`, `UDP 3478`, `TCP 5671-5672`, `1433` or `N/A`. */
  ports: string
}

/**
 * How a table is written:
 * - `legacy`: the 2018 page: a four-cell header (sometimes without its closing pipe) over a six-cell
 *   delimiter row, which GFM rejects; destinations joined by `, `; `Go [here](…) for more details`.
 * - `rows`: the 2020–2021 pages: `| Row | Purpose | Destination(s) | Port(s) |`, `<br>` between
 *   destinations, often a trailing empty row.
 * - `compact`: the 2023 page: `| Purpose | Destination | Port |`, URLs in code spans.
 */
export type TableStyle = 'legacy' | 'rows' | 'compact'

export interface Section {
  heading: string
  intro: string
  style: TableStyle
  trailingEmptyRow: boolean
  rows: Row[]
}

export interface PageModel {
  title: string
  /** `MM/DD/YYYY`, as the pages write `ms.date`. */
  msDate: string
  sections: Section[]
}

/** The path a synthetic page is compiled under: the URL page of the tool's own build. */
export const pagePath = 'docs-source/power-bi-urls.md'

export interface GenerateOptions {
  /** Endpoint-set rows in the page (empty trailing rows not counted). */
  rows: number
  /** Seed of the pseudo-random sequence; default 1. */
  seed?: number
}

/** A deterministic page model with `rows` endpoint-set rows. */
export function generatePage(options: GenerateOptions): PageModel {
  const random = createRandom(options.seed ?? 1)
  const names = createNames(random)
  const sections: Section[] = []
  let remaining = options.rows
  while (remaining > 0) {
    const size = Math.min(remaining, random.int(1, 12))
    sections.push(generateSection(random, names, sections.length, size))
    remaining -= size
  }
  return {title: 'Add Power BI URLs to your allowlist', msDate: '09/01/2021', sections}
}

export interface ChangeOptions {
  /** Share of rows changed; default 0.01. */
  rate?: number
  /** Seed of the pseudo-random sequence; default 2. */
  seed?: number
}

export interface ChangedPage {
  page: PageModel
  /** Indices of the changed rows, counted over all tables in page order. */
  changed: number[]
  counts: ChangeCounts
}

export interface ChangeCounts {
  hostAdded: number
  hostRemoved: number
  hostReplaced: number
  requirementFlipped: number
  portsChanged: number
  referenceRetargeted: number
}

/**
 * A later revision of `page`: about `rate` of its rows changed (a host added, removed or replaced,
 * the requirement flipped, the ports changed, a link retargeted), rows and lines kept in place.
 */
export function changePage(page: PageModel, options: ChangeOptions = {}): ChangedPage {
  const random = createRandom(options.seed ?? 2)
  const names = createNames(random, 'r2')
  const next: PageModel = structuredClone(page)
  next.msDate = '01/29/2022'
  const rows = next.sections.flatMap((section) => section.rows)
  const target = Math.max(1, Math.round(rows.length * (options.rate ?? 0.01)))
  const counts: ChangeCounts = {hostAdded: 0, hostRemoved: 0, hostReplaced: 0, requirementFlipped: 0, portsChanged: 0, referenceRetargeted: 0}

  const changed = random.sample(rows.length, target)
  for (const index of changed) {
    const row = rows[index]!
    const reference = row.destinations.find((destination): destination is Reference => destination.kind === 'reference')
    const hosts = row.destinations.filter((destination): destination is Host => destination.kind === 'host')
    const roll = random.next()
    if (reference && roll < 0.5) {
      reference.href = names.referenceHref()
      counts.referenceRetargeted++
    } else if (roll < 0.35 || hosts.length === 0) {
      row.destinations.push(names.host())
      counts.hostAdded++
    } else if (roll < 0.55 && hosts.length > 1) {
      row.destinations.splice(row.destinations.indexOf(random.pick(hosts)), 1)
      counts.hostRemoved++
    } else if (roll < 0.65) {
      row.destinations[row.destinations.indexOf(random.pick(hosts))] = names.host()
      counts.hostReplaced++
    } else if (roll < 0.85) {
      row.requirement = row.requirement === 'Required' ? 'Optional' : 'Required'
      counts.requirementFlipped++
    } else {
      row.ports = random.pick(row.ports === 'TCP 443' ? ['TCP 443, 8443', 'TCP 80, 443', 'TCP 8443'] : ['TCP 443'])
      counts.portsChanged++
    }
  }
  return {page: next, changed, counts}
}

/** The page as markdown, in the real pages' layout. */
export function renderPage(page: PageModel): string {
  const out: string[] = [
    '---',
    `title: ${page.title}`,
    'description: This article lists URL endpoints and ports to add to your allowlist for connectivity to Power BI.',
    'ms.service: powerbi',
    'ms.topic: conceptual',
    `ms.date: ${page.msDate}`,
    '---',
    '',
    `# ${page.title}`,
    '',
    'The Power BI service requires connectivity to the internet. The endpoints listed in the tables in this article should be reachable for customers using the Power BI service.',
    '',
    'Wildcards (*) represent all levels under the root domain, and we use N/A when information isn\'t available. The **Destination(s)** column lists domain names and links to external sites, which contain further endpoint information.',
    ''
  ]
  for (const section of page.sections) {
    out.push(`## ${section.heading}`, '', section.intro, '')
    out.push(...renderTable(section), '')
  }
  return out.join('\n')
}

function renderTable(section: Section): string[] {
  const lines: string[] = []
  switch (section.style) {
    case 'legacy':
      lines.push(
        section.rows.length % 2 === 0
          ? '|     Row     |     Purpose     |     Destination     |       Port(s)'
          : '|     Row     |       Purpose     |       Destination     |       Port(s)     |',
        '|-------------|----------------------|-----------------------------|----------------|----------------------|--------------------------------------------------------------|'
      )
      break
    case 'rows':
      lines.push('| Row | Purpose | Destination(s) | Port(s) |', '| --- | --- | --- | --- |')
      break
    case 'compact':
      lines.push('| Purpose | Destination | Port |', '| --- | --- | --- |')
      break
  }
  for (const row of section.rows) {
    const purpose = `**${row.requirement}:** ${row.purpose}`
    const destinations = renderDestinations(row, section.style)
    lines.push(
      section.style === 'compact'
        ? `| ${purpose} | ${destinations} | ${row.ports} |`
        : `| ${row.number} | ${purpose} | ${destinations} | ${row.ports} |`
    )
  }
  if (section.trailingEmptyRow) lines.push(section.style === 'compact' ? '| | |' : '| | | |')
  return lines
}

function renderDestinations(row: Row, style: TableStyle): string {
  // The 2023 page writes URL lists as code spans joined by a bare `<br>`.
  const codeSpans = style === 'compact' && row.destinations.some((d) => d.kind === 'host' && d.value.startsWith('https://'))
  const parts = row.destinations.map((destination) => {
    if (destination.kind === 'reference') {
      return style === 'legacy'
        ? `Go [here](${destination.href}) for more details`
        : `See the documentation for [${destination.text}](${destination.href})`
    }
    return codeSpans ? '`' + destination.value + '`' : destination.value
  })
  if (row.alternatives) return 'One of the following:' + parts.map((part) => `<li>${part}</li>`).join('')
  switch (style) {
    case 'legacy':
      return parts.join(', ')
    case 'rows':
      return parts.join(' <br> ')
    case 'compact':
      return parts.join(codeSpans ? '<br>' : ' <br> ')
  }
}

function generateSection(random: Random, names: Names, index: number, size: number): Section {
  const styleRoll = random.next()
  const style: TableStyle = styleRoll < 0.1 ? 'legacy' : styleRoll < 0.75 ? 'rows' : 'compact'
  const purposes = random.sample(purposeWords.length, size)
  const rows: Row[] = []
  let number = 0
  for (const purposeIndex of purposes) {
    // The pages skip row numbers now and then (1, 2, 4, 5).
    number += random.next() < 0.05 ? 2 : 1
    rows.push(generateRow(random, names, number, purposeWords[purposeIndex]!, style))
  }
  return {
    heading: `${random.pick(sectionWords)} ${index + 1}`,
    intro: random.pick(introSentences),
    style,
    trailingEmptyRow: style === 'rows' && random.next() < 0.6,
    rows
  }
}

function generateRow(random: Random, names: Names, number: number, purpose: string, style: TableStyle): Row {
  const requirement = random.next() < 0.6 ? 'Required' : 'Optional'
  const roll = random.next()
  if (roll < 0.12) {
    // A row that only points at another page's list.
    return {number, requirement, purpose, alternatives: false, destinations: [names.reference()], ports: 'N/A'}
  }
  const alternatives = style === 'compact' && roll < 0.13
  const count = alternatives ? 2 : random.weighted([40, 20, 12, 9, 7, 5, 4, 3])
  const destinations: Destination[] = []
  const seen = new Set<string>()
  const useUrls = style === 'compact' && random.next() < 0.3
  while (destinations.length < count) {
    const host = random.next() < 0.1 ? {kind: 'host' as const, value: random.pick(sharedHosts)} : names.host()
    if (useUrls && !host.value.startsWith('*')) host.value = 'https://' + host.value
    if (seen.has(host.value)) continue
    seen.add(host.value)
    destinations.push(host)
  }
  if (random.next() < 0.03) destinations.push(names.reference())
  const ports = alternatives
    ? '1433'
    : random.next() < 0.08
      ? 'N/A'
      : random.pick(['TCP 443', 'TCP 443', 'TCP 443', 'TCP 443', 'TCP 443', 'TCP 443', 'TCP 80, 443', 'UDP 3478', 'TCP 5671-5672'])
  return {number, requirement, purpose, alternatives, destinations, ports}
}

interface Names {
  host(): Host
  reference(): Reference
  referenceHref(): string
}

/**
 * Fresh host names (unique within a page, made of service-like words), and references drawn from
 * a small set of linked pages, as the real pages link the same few lists again and again.
 */
function createNames(random: Random, tag = ''): Names {
  let counter = 0
  const next = (): string => tag + (counter++).toString(36)
  return {
    host(): Host {
      const zone = random.pick(zones)
      const word = random.pick(serviceWords)
      const value = random.next() < 0.2 ? `*.${word}${next()}.${zone}` : `${random.pick(prefixWords)}.${word}${next()}.${zone}`
      return {kind: 'host', value}
    },
    reference(): Reference {
      const [text, href] = random.pick(references)
      return {kind: 'reference', text, href}
    },
    referenceHref(): string {
      return `/office365/enterprise/urls-and-ip-address-ranges#${random.pick(serviceWords)}-${next()}`
    }
  }
}

interface Random {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  /** An index chosen with the given weights, plus one (a count from 1). */
  weighted(weights: readonly number[]): number
  /** `count` distinct indices below `size`, in increasing order. */
  sample(size: number, count: number): number[]
}

/** mulberry32: small, fast, and the same sequence on every platform. */
function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted(weights) {
      const total = weights.reduce((sum, weight) => sum + weight, 0)
      let roll = next() * total
      for (let index = 0; index < weights.length; index++) {
        roll -= weights[index]!
        if (roll < 0) return index + 1
      }
      return weights.length
    },
    sample(size, count) {
      // Floyd's algorithm: exact, and without a shuffle of the whole range.
      const chosen = new Set<number>()
      for (let j = size - count; j < size; j++) {
        const candidate = int(0, j)
        chosen.add(chosen.has(candidate) ? j : candidate)
      }
      return [...chosen].sort((a, b) => a - b)
    }
  }
}

/** Hosts the real pages list in many rows (none of them an over-broad wildcard). */
const sharedHosts = [
  '*.powerbi.com',
  '*.analysis.windows.net',
  '*.pbidedicated.windows.net',
  'api.powerbi.com',
  'app.powerbi.com',
  'content.powerapps.com',
  'dc.services.visualstudio.com',
  'arc.msn.com',
  'nps.onyx.azure.net',
  'appsource.microsoft.com',
  '*.s-microsoft.com',
  '*.osi.office.net',
  '*.msecnd.net',
  'store.office.com',
  'store-images.s-microsoft.com',
  'bing.com',
  'platform.bing.com',
  '*.virtualearth.net',
  'download.microsoft.com',
  'go.microsoft.com',
  'aka.ms',
  'login.microsoftonline.com',
  'graph.microsoft.com'
] as const

const references: ReadonlyArray<readonly [string, string]> = [
  ['Microsoft 365 Common and Office Online URLs', '/office365/enterprise/urls-and-ip-address-ranges#microsoft-365-common-and-office-online'],
  ['SharePoint Online and OneDrive for Business', '/office365/enterprise/urls-and-ip-address-ranges#sharepoint-online-and-onedrive-for-business'],
  ['Required URLs and ports for OneDrive site', '/onedrive/required-urls-and-ports'],
  ['PubNub documentation', 'https://support.pubnub.com/hc/en-us/categories/360004336832-PubNub-101'],
  ['Required services section', '/powerapps/maker/canvas-apps/limits-and-config#required-services'],
  ['Office 365 URLs and IP address ranges', 'https://support.office.com/article/Office-365-URLs-and-IP-address-ranges-8548a211-3fe7-47cb-abb1-355ea5aa88a2#bkmk_identity'],
  ['Azure IP ranges and service tags', 'https://www.microsoft.com/download/details.aspx?id=56519']
]

const zones = [
  'windows.net',
  'core.windows.net',
  'azure.net',
  'microsoft.com',
  'office.net',
  'office.com',
  'powerbi.com',
  'azureedge.net',
  'msecnd.net',
  'akamaized.net',
  'visualstudio.com',
  'dynamics.com'
] as const

const prefixWords = ['api', 'app', 'login', 'content', 'cdn', 'static', 'store', 'portal', 'df-msit', 'wabi', 'eu', 'us', 'weu', 'neu'] as const

const serviceWords = [
  'analysis',
  'pbidedicated',
  'datamart',
  'gateway',
  'dataflows',
  'telemetry',
  'visuals',
  'maps',
  'insights',
  'events',
  'blob',
  'queue',
  'servicebus',
  'frontdoor',
  'fabric',
  'onelake',
  'kusto',
  'synapse'
] as const

const purposeWords = [
  'Backend APIs',
  'Content Delivery Network (CDN)',
  'Microsoft 365 integration',
  'Portal',
  'Service telemetry',
  'Informational messages',
  'NPS surveys',
  'Datamart SQL',
  'Manage gateways, connections and data policies (preview)',
  'AppSource (internal or external apps in Power BI)',
  'Import files From OneDrive personal',
  'Power BI in 60-Seconds tutorial video',
  'PubNub streaming data sources',
  'Excel integration',
  'Import a custom visual from the Marketplace interface or from a file',
  'Azure Maps',
  'Bing Maps',
  'Esri Maps',
  'PowerApps',
  'Visio',
  'OneDrive and SharePoint integration',
  'Community site',
  'Documentation site',
  'Download site (for Power BI Desktop, etc.)',
  'External redirects',
  'Ideas feedback site',
  'Power BI Developer Center',
  'Support site',
  'Dataflows storage',
  'Paginated reports rendering',
  'Dataset refresh',
  'Gateway relay',
  'Dashboard tiles',
  'Report export',
  'Usage metrics',
  'Audit log export',
  'Deployment pipelines',
  'Template apps'
] as const

const sectionWords = [
  'Authentication',
  'General site usage',
  'Administration',
  'Getting data',
  'Dashboard and report integration',
  'Power BI visuals',
  'Related external sites',
  'Power BI OneDrive and SharePoint integration',
  'Power BI Desktop',
  'On-premises data gateway',
  'Power BI Premium',
  'Power BI Embedded'
] as const

const introSentences = [
  'For the general use of Power BI, you must be able to connect to the endpoints in the table and linked sites below.',
  'Power BI depends on certain endpoints to support your dashboards and reports. You must be able to connect to the endpoints in the table and linked sites below.',
  'To get data from specific data sources, such as OneDrive, you must be able to connect to the endpoints in the table below.',
  'To perform administrative functions in Power BI, you must be able to connect to the endpoints in the linked sites below.'
] as const
