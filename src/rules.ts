/**
 * The one registry of compile diagnostics: every rule id, its level and what it means.
 * Code that finds a problem names a rule; only this table decides how serious it is.
 */

export type Level = 'error' | 'warning' | 'info'

export interface DiagnosticRule {
  level: Level
  description: string
}

export const diagnosticRules = {
  'table-delimiter-mismatch': {
    level: 'warning',
    description:
      'The delimiter row has a different number of cells than the header row. GFM renders no table; the docs site does, so the table is recovered with all its rows.'
  },
  'table-row-extra-cells': {
    level: 'warning',
    description:
      'A body row has more cells than the header. The extra cells are kept as attributes named `column N`.'
  },
  'table-row-missing-cells': {
    level: 'info',
    description: 'A body row has fewer cells than the header; the missing cells are read as empty.'
  },
  'table-row-empty': {
    level: 'info',
    description: 'A body row with only empty cells (such as a trailing `| | | |`) was skipped.'
  },
  'table-no-body': {
    level: 'warning',
    description: 'A table has a header but no body rows.'
  },
  'table-header-repeated': {
    level: 'info',
    description:
      'A body row restates the header (`| PaaS Activity | Additional destinations used |`); the rows after it are read under the new header.'
  },
  'table-not-endpoints': {
    level: 'warning',
    description:
      'A table has no destination column, so its rows are not endpoint sets. The diagnostic names the rows left out.'
  },
  'column-unknown': {
    level: 'info',
    description: 'A column the compiler does not map; its cells are kept as attributes under the header text.'
  },
  'requirement-missing': {
    level: 'warning',
    description:
      'A row says neither Required nor Optional (no `**Required:**` prefix and no Required/Optional column): its requirement is `unknown`.'
  },
  'requirement-unknown': {
    level: 'warning',
    description: 'A Required/Optional column holds something other than Required, Optional, Yes or No.'
  },
  'destination-missing': {
    level: 'warning',
    description: 'A row has no destination.'
  },
  'destination-text': {
    level: 'warning',
    description:
      'A destination is not a host, wildcard, URL, address or link; it is kept verbatim as `text`.'
  },
  'destination-duplicate': {
    level: 'info',
    description: 'A destination appears twice in one row; the second is dropped.'
  },
  'destination-trailing-dot': {
    level: 'info',
    description: 'A host ends in a dot (an absolute DNS name); the dot is dropped.'
  },
  'destination-idn': {
    level: 'info',
    description: 'A host has non-ASCII characters; it is converted to its punycode (ASCII) form.'
  },
  'over-broad-wildcard': {
    level: 'error',
    description:
      'A wildcard covers a whole public suffix (`*.com`, `*.co.uk`, `*.azurewebsites.net`: any tenant of a shared host) or everything (`*`). Accept a reviewed one in `endpoint-catalog.yaml`.'
  },
  'port-protocol-assumed': {
    level: 'info',
    description: 'A port is given without a protocol (such as a bare `1433`); TCP is assumed.'
  },
  'port-invalid': {
    level: 'error',
    description: 'A port number is outside 1-65535.'
  },
  'port-unparsed': {
    level: 'warning',
    description:
      'A port cell could not be read as ports or N/A; it is kept verbatim in `portsText` and the row has no ports.'
  },
  'front-matter-invalid': {
    level: 'warning',
    description: 'The YAML front matter could not be read.'
  },
  'date-missing': {
    level: 'warning',
    description: 'The page has no readable `ms.date`, so it does not count towards the catalog version.'
  },
  'page-no-tables': {
    level: 'warning',
    description: 'A page has no tables at all.'
  },
  'expressroute-scope-unknown': {
    level: 'info',
    description:
      'An ExpressRoute exception is under a heading that names none of the known scopes (overall, SaaS, Desktop, PaaS, Mobile, gateway).'
  }
} as const satisfies Record<string, DiagnosticRule>

export type DiagnosticRuleId = keyof typeof diagnosticRules
