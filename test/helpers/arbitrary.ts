// fast-check arbitraries for URL pages in the shapes the real pages use.
import fc from 'fast-check'

const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/)
const tld = fc.constantFrom('com', 'net', 'org', 'io', 'microsoft.com', 'windows.net')
export const host = fc.tuple(fc.array(label, {minLength: 1, maxLength: 3}), tld).map(([labels, suffix]) => [...labels, suffix].join('.'))
const destination = fc.oneof(
  {weight: 5, arbitrary: host},
  {weight: 2, arbitrary: host.map((h) => '*.' + h)},
  {weight: 1, arbitrary: host.map((h) => '`https://' + h + '`')},
  {weight: 1, arbitrary: host.map((h) => `See [the ${h} list](https://${h}/list#section)`)},
  {weight: 1, arbitrary: fc.constantFrom('Depends on content packs used', 'N/A')}
)
const separator = fc.constantFrom(', ', ' <br> ', '<br/>', ' </br> ', '; ')
const requirement = fc.constantFrom('**Required:** ', '**Optional:** ', 'Required: ', 'Optional: ', '')
const purpose = fc.stringMatching(/^[A-Z][a-z]{2,8}( [a-z]{2,8}){0,3}$/)
const ports = fc.oneof(
  fc.constantFrom('TCP 443', 'TCP 80, 443', 'N/A', '1433', 'UDP 3478', 'TCP abc', 'TCP 99999', ''),
  fc.integer({min: 1, max: 65535}).map((port) => `TCP ${port}`)
)

export interface GeneratedRow {
  purpose: string
  requirement: string
  destinations: string[]
  separator: string
  ports: string
  row: number
  empty: boolean
}

const row = fc.record({
  purpose,
  requirement,
  destinations: fc.array(destination, {minLength: 0, maxLength: 5}),
  separator,
  ports,
  row: fc.integer({min: 1, max: 30}),
  empty: fc.integer({min: 0, max: 9}).map((n) => n === 0)
})

const table = fc.record({
  heading: purpose,
  withRow: fc.boolean(),
  /** The 2018 page's delimiter rows have more cells than the header: GFM rejects them. */
  wideDelimiter: fc.boolean(),
  rows: fc.array(row, {minLength: 0, maxLength: 6})
})

/** A whole page: front matter, sections, one table each. */
export const page = fc
  .record({
    month: fc.integer({min: 1, max: 12}),
    day: fc.integer({min: 1, max: 28}),
    year: fc.integer({min: 2017, max: 2024}),
    tables: fc.array(table, {minLength: 1, maxLength: 4})
  })
  .map(({month, day, year, tables}) => {
    const lines = ['---', 'title: Power BI URLs', `ms.date: ${month}/${day}/${year}`, '---', '', '# Power BI URLs', '']
    for (const t of tables) {
      const columns = t.withRow ? 4 : 3
      lines.push(`## ${t.heading}`, '')
      lines.push(t.withRow ? '| Row | Purpose | Destination | Port(s) |' : '| Purpose | Destination(s) | Port |')
      lines.push('|' + '---|'.repeat(t.wideDelimiter ? columns + 2 : columns))
      for (const r of t.rows) {
        const cells = r.empty
          ? Array.from({length: columns - 1}, () => ' ')
          : [...(t.withRow ? [String(r.row)] : []), r.requirement + r.purpose, r.destinations.join(r.separator), r.ports]
        lines.push('| ' + cells.join(' | ') + ' |')
      }
      lines.push('')
    }
    return lines.join('\n')
  })

/**
 * The property tests' seed: `PROPERTY_SEED` when set (to replay a run), else a fresh one each run,
 * so that every run tries new pages. The test prints it.
 */
export function propertySeed(env: NodeJS.ProcessEnv = process.env): number {
  const given = env['PROPERTY_SEED']
  if (given === undefined || given === '') return Math.floor(Math.random() * 2 ** 31)
  if (!/^-?\d+$/.test(given) || !Number.isSafeInteger(Number(given))) throw new Error(`PROPERTY_SEED=${given}: expected an integer`)
  return Number(given)
}
