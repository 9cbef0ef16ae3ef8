/**
 * The one registry of compile diagnostics: every rule id, its level, its kind and what it means.
 * Code that finds a problem names a rule; only this table decides how serious it is.
 *
 * Two kinds: a `reading` diagnostic says the compiler could not read something as the docs site
 * shows it (an error of this kind means nothing is written); a `finding` is about what the page
 * says (a risky wildcard, a duplicate): reported, never a reason to withhold the catalog.
 */

export type Level = 'error' | 'warning' | 'info'
export type DiagnosticKind = 'reading' | 'finding'

export interface DiagnosticRule {
  level: Level
  kind: DiagnosticKind
  description: string
}

export const diagnosticRules = {
  'table-delimiter-mismatch': {
    level: 'warning',
    kind: 'reading',
    description:
      'The delimiter row has a different number of cells than the header row. GFM renders no table; the docs site does, so the table is recovered with all its rows.'
  },
  'table-row-extra-cells': {
    level: 'warning',
    kind: 'reading',
    description:
      'A body row has more cells than the header. The extra cells are kept as attributes named `column N`.'
  },
  'table-row-missing-cells': {
    level: 'info',
    kind: 'reading',
    description: 'A body row has fewer cells than the header; the missing cells are read as empty.'
  },
  'table-row-empty': {
    level: 'info',
    kind: 'reading',
    description: 'A body row with only empty cells (such as a trailing `| | | |`) was skipped.'
  },
  'table-no-body': {
    level: 'warning',
    kind: 'reading',
    description: 'A table has a header but no body rows.'
  },
  'table-header-repeated': {
    level: 'info',
    kind: 'reading',
    description:
      'A body row restates the header (`| PaaS Activity | Additional destinations used |`); the rows after it are read under the new header.'
  },
  'table-not-endpoints': {
    level: 'warning',
    kind: 'reading',
    description:
      'A table has no destination column, so its rows are not endpoint sets. The diagnostic names the rows left out.'
  },
  'column-unknown': {
    level: 'info',
    kind: 'reading',
    description: 'A column the compiler does not map; its cells are kept as attributes under the header text.'
  },
  'requirement-missing': {
    level: 'warning',
    kind: 'reading',
    description:
      'A row says neither Required nor Optional (no `**Required:**` prefix and no Required/Optional column): its requirement is `unknown`.'
  },
  'requirement-unknown': {
    level: 'warning',
    kind: 'reading',
    description: 'A Required/Optional column holds something other than Required, Optional, Yes or No.'
  },
  'destination-missing': {
    level: 'warning',
    kind: 'reading',
    description: 'A row has no destination.'
  },
  'destination-text': {
    level: 'warning',
    kind: 'reading',
    description:
      'A destination is not a host, wildcard, URL, address or link; it is kept verbatim as `text`.'
  },
  'destination-duplicate': {
    level: 'info',
    kind: 'finding',
    description: 'A destination appears twice in one row for the same cloud; it is read once.'
  },
  'destination-trailing-dot': {
    level: 'info',
    kind: 'reading',
    description: 'A host ends in a dot (an absolute DNS name); the dot is dropped.'
  },
  'destination-idn': {
    level: 'info',
    kind: 'reading',
    description: 'A host has non-ASCII characters; it is converted to its punycode (ASCII) form.'
  },
  'over-broad-wildcard': {
    level: 'warning',
    kind: 'finding',
    description:
      'A wildcard, bare or as the host of a URL (`*.com`, `https://*.co.uk`, `ftp://%2A.com`, `*.COM.`), covers a whole public suffix (any tenant of a shared host such as `*.azurewebsites.net`) or everything (`*`, `https://*.*`). It is published as the page says it; accept a reviewed one in `endpoint-catalog.yaml`.'
  },
  'port-protocol-assumed': {
    level: 'info',
    kind: 'reading',
    description: 'A port is given without a protocol (such as a bare `1433`); TCP is assumed.'
  },
  'port-invalid': {
    level: 'error',
    kind: 'reading',
    description: 'A port number is outside 1-65535.'
  },
  'port-unparsed': {
    level: 'warning',
    kind: 'reading',
    description:
      'A port cell could not be read as ports or N/A; it is kept verbatim in `portsText` and the row has no ports.'
  },
  'front-matter-invalid': {
    level: 'warning',
    kind: 'reading',
    description: 'The YAML front matter could not be read.'
  },
  'date-missing': {
    level: 'warning',
    kind: 'reading',
    description: 'The page has no readable `ms.date`, so it does not count towards the catalog version.'
  },
  'page-no-tables': {
    level: 'warning',
    kind: 'reading',
    description: 'A page has no tables at all.'
  },
  'expressroute-scope-unknown': {
    level: 'info',
    kind: 'reading',
    description:
      'An ExpressRoute exception is under a heading that names none of the known scopes (overall, SaaS, Desktop, PaaS, Mobile, gateway).'
  },
  'over-broad-address': {
    level: 'warning',
    kind: 'finding',
    description: 'An address range covers a large part of the Internet (an IPv4 prefix shorter than /8, an IPv6 prefix shorter than /16, or everything: `0.0.0.0/0`, `::/0`), or carries more than a /8 of IPv4 inside IPv6 (`::ffff:0:0/96`, the NAT64 `64:ff9b::/96`, 6to4 `2002::/16`).'
  },
  'over-broad-ports': {
    level: 'warning',
    kind: 'finding',
    description: 'A port range covers most ports (more than half of 1-65535, such as `1-65535`): every service of the destination is let through.'
  },
  'destination-covered-in-page': {
    level: 'info',
    kind: 'finding',
    description: 'A host or wildcard is already covered by a wildcard of the same page (for the same clouds): allowing the wildcard allows it too.'
  },
  'destination-template': {
    level: 'warning',
    kind: 'reading',
    description:
      'A destination is a template for many names (`*<region>-onelake.dfs.fabric.microsoft.com`, `#-courier.push.apple.com`, `https://*.crm#.dynamics.com`, `www.bing.com*`): kept as `text`, never on an allowlist; expand it by hand.'
  },
  'destination-in-prose': {
    level: 'warning',
    kind: 'reading',
    description:
      'A destination cell holds a sentence; the hosts, wildcards, URLs and addresses it names (with a suffix the Public Suffix List knows) are read from it, and the ports it gives become the row\'s.'
  },
  'table-row-heading': {
    level: 'info',
    kind: 'reading',
    description:
      'A row with only its first cell filled (`**For outbound connections**`) heads the rows below it: it becomes their `group` attribute, or their purpose where they have none.'
  },
  'table-purpose-carried': {
    level: 'info',
    kind: 'reading',
    description: 'A row with an empty purpose under a row with one reads as the same purpose, as a reader of the table does.'
  },
  'table-comment-inside': {
    level: 'info',
    kind: 'reading',
    description:
      'An HTML comment line stands inside a table; the docs site shows nothing for it, and the rows after it are read as rows of the same table.'
  },
  'list-endpoints': {
    level: 'info',
    kind: 'reading',
    description:
      'Destinations stand outside any table: a list or a paragraph of lines made of them (`- \\`https://ztd.dds.microsoft.com\\``, `*.microsoft.us<br/>` lines under **GCC Customers:**), a nested list under group items, or a sentence that asks to allow them. Each is read as an endpoint set of its section (a nested list, one per group item), labelled by a cloud label just before it.'
  },
  'requirement-from-lead': {
    level: 'info',
    kind: 'reading',
    description:
      'A row says neither Required nor Optional, and the sentence before its table does ("These endpoints are required", "lists optional URLs"): the row takes that requirement.'
  },
  'port-from-protocol': {
    level: 'info',
    kind: 'reading',
    description: 'A row has no port cell but a protocol cell (`HTTPS`, `TLSv1.2/HTTP`); its ports are the ones the protocols use (443, 80).'
  },
  'ports-aligned': {
    level: 'info',
    kind: 'reading',
    description:
      'A row writes its hosts and their ports part by part in two cells side by side: numbered (`1. host` beside `1. https/443`), in groups set apart by a blank line, or line by line. Each host is read with the ports beside it; the row keeps all of them.'
  },
  'ports-from-covered': {
    level: 'info',
    kind: 'reading',
    description:
      'A wildcard offered in place of destinations the page lists with ports (`To simplify the allow list … a wild card can be used`), with no port of its own, is read with the ports of the destinations it covers.'
  },
  'destination-in-purpose': {
    level: 'info',
    kind: 'reading',
    description:
      'A row whose destination cell names no destination writes its destinations on lines of their own in its purpose cell (`The AutoDetect service … <p> `52.125.128.0/20``): they are read as the row\'s destinations, the other lines as its purpose.'
  },
  'service-unknown': {
    level: 'info',
    kind: 'reading',
    description:
      'No product of the vocabulary matches the page\'s `ms.service`, `ms.prod` or `ms.component` values or its title: its endpoint sets are of the product `unknown` until `services:` in endpoint-catalog.yaml names one.'
  },
  'wildcard-spaced': {
    level: 'warning',
    kind: 'reading',
    description: 'A wildcard typed with a space after its dot (`*. usgovcloudapi.net`) is read as the wildcard it means (`*.usgovcloudapi.net`); the page should be fixed.'
  },
  'destination-leading-dot': {
    level: 'info',
    kind: 'reading',
    description: 'A domain written with a leading dot (`.microsoft.com`), as proxies write a domain and everything under it, is read as the wildcard `*.microsoft.com`.'
  },
  'address-range': {
    level: 'info',
    kind: 'reading',
    description: 'An address range (`203.0.113.16 - 203.0.113.31`) is read as exactly the CIDRs that cover it (`203.0.113.16/28`), never as its two ends.'
  },
  'column-by-content': {
    level: 'info',
    kind: 'reading',
    description:
      'A column is read by what its cells hold rather than by its header: a column whose cells are mostly destinations is a destination column whatever its header says (`IP`, `*.atp.azure.com DNS record`), one of port lists a port column, and a column of prose under a destination-like header (`Endpoint`) names the rows.'
  },
  'code-endpoints': {
    level: 'info',
    kind: 'reading',
    description:
      'A code block (plain, `text`, `ini`, or JSON of strings) made of destinations is read as an endpoint set of its section; a block of commands (`curl https://…`) or output is not.'
  },
  'scope-from-section': {
    level: 'info',
    kind: 'reading',
    description:
      'A row or list states no requirement, ports or clouds of its own, and its section does: a heading (`### Optional`, `## Required endpoints`), a tab (`# [Azure Government](#tab/gov)`) or a sentence (`…allow outbound traffic on port 443`, `Recommended, but not required`). The nearest statement wins: row, table, section, page.'
  },
  'destination-unread': {
    level: 'info',
    kind: 'reading',
    description:
      'Text on the page is shaped like a destination (a host under a public suffix, a wildcard, a URL, an address) but is not in the catalog: it stands in a sentence that asks nothing of the reader, in an example command, or in a link\'s text. Listed so that nothing on the page is left out without a word.'
  }
} as const satisfies Record<string, DiagnosticRule>

export type DiagnosticRuleId = keyof typeof diagnosticRules

const rank: Record<Level, number> = {info: 0, warning: 1, error: 2}

/** Whether `level` is at or above `threshold`. */
export function atLeast(level: Level, threshold: Level): boolean {
  return rank[level] >= rank[threshold]
}

/** Whether a diagnostic withholds the catalog: an error in reading the page (never a finding). */
export function isBlocking(diagnostic: {ruleId: string; severity: Level}): boolean {
  const rule = (diagnosticRules as Record<string, DiagnosticRule>)[diagnostic.ruleId]
  return diagnostic.severity === 'error' && rule?.kind !== 'finding'
}

/** Whether `ruleId` is a reading error: never accepted in endpoint-catalog.yaml, since the page was not read. */
export function readingError(ruleId: string): boolean {
  const rule = (diagnosticRules as Record<string, DiagnosticRule>)[ruleId]
  return rule?.kind === 'reading' && rule.level === 'error'
}
