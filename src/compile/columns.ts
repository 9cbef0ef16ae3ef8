/**
 * Column mapping: a table's columns are known by their header text, never by position.
 */

export type Role = 'row' | 'purpose' | 'destination' | 'address' | 'port' | 'requirement' | 'attribute'

export interface Column {
  role: Role
  /** Header text as written (white space collapsed), or `column N` for an empty header. */
  name: string
  index: number
}

// Order matters: the first pattern that matches a header names its role.
const patterns: Array<[Exclude<Role, 'attribute'>, RegExp]> = [
  ['row', /^(row|#|no\.?|number)$/],
  ['requirement', /\b(required|optional|requirement)\b/],
  ['port', /\bports?\b|\bport\(s\)/],
  ['address', /\bcidr\b|\bip (address|range)|\bsubnet/],
  ['destination', /destination|\baddress\b|\burls?\b|endpoint|fqdn|domain|\bhosts?\b/],
  ['purpose', /purpose|description|activity/]
]

/** Map header texts to column roles; a second column of a single-use role becomes an attribute. */
export function mapColumns(headers: string[]): Column[] {
  const taken = new Set<Role>()
  return headers.map((header, index) => {
    const name = header.replace(/\s+/g, ' ').trim() || `column ${index + 1}`
    let role = headerRole(header)
    // Further destination columns add destinations; any other repeated role is kept as an attribute.
    if (role === 'destination' && taken.has('destination')) role = 'address'
    else if (role !== 'address' && role !== 'attribute' && taken.has(role)) role = 'attribute'
    taken.add(role)
    return {role, name, index}
  })
}

/** The role a header names, or `attribute` when it names none. */
export function headerRole(header: string): Role {
  const text = header.toLowerCase().replace(/\s+/g, ' ').trim()
  for (const [role, pattern] of patterns) {
    if (pattern.test(text)) return role
  }
  return 'attribute'
}
