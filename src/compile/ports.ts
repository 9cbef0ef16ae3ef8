/**
 * The port grammar: `TCP 443`, `TCP 80, 443`, `UDP ports 50,000-59,999`, `http: 443`,
 * `amqp: 5672/5673`, `443 and 9350-9354`, `Port 1443`, `N/A`; and the ports a protocol implies.
 */
import type {Port} from '../../generated/catalog.js'
import {notApplicable, portFiller, protocolNamedBy, wellKnownPorts} from './vocabulary.js'

/** The transports of a well-known port written without one (`port 53`: DNS, over UDP and TCP). */
const transportsOf = new Map(wellKnownPorts.map((entry) => [entry.port, entry.protocols]))

export interface PortReading {
  ports: Port[]
  /** True when some port came without a protocol and none was given by the column: read as TCP (or as its well-known transports). */
  assumed: boolean
  /** The token that is no port, when the text is not a port list. */
  unparsed?: string
  /** A number outside 1-65535, or a range that ends before it starts. */
  invalid?: string
}


/**
 * Read a port list. `protocol` is what the column or the row says when the text names none
 * (`Outbound TCP port`, a `UDP` protocol cell); without it a bare number is TCP, and `assumed`.
 */
export function readPortText(text: string, protocol?: Port['protocol'] | ReadonlyArray<Port['protocol']>): PortReading {
  const reading: PortReading = {ports: [], assumed: false}
  if (notApplicable.test(text.trim())) return reading
  // `50,000-59,999`: digit groups, not a list.
  // `80,443` is two ports: a group only where the number it makes is a port.
  const plain = text.toLowerCase().replace(/\b(\d{1,2}),(\d{3})(?![\d.,])/g, (whole, high: string, low: string) => (Number(high + low) <= 65535 ? high + low : `${high}, ${low}`))
  // `sbmp/9350-9354`, `ampq/5671`: a name written against its port is an application protocol,
  // carried over TCP unless the page says otherwise.
  let named = false
  const plainNamed = plain.replace(/\b([a-z][a-z0-9-]{1,15})(?:\/\s*|:\s*)(?=\d)/g, (whole, name: string) => {
    if (protocolNamedBy(name) || portFiller.test(name)) return whole
    named = true
    return 'tcp '
  })
  if (named) reading.assumed = true
  let current: Array<Port['protocol']> = protocol === undefined ? [] : typeof protocol === 'string' ? [protocol] : [...protocol]
  let fresh = false
  for (const token of plainNamed.split(/[\s,;/]+|(?<=\d)(?=[a-z])|(?<=[a-z]):(?=\d)/).filter(Boolean)) {
    const named = protocolNamedBy(token)
    if (named) {
      // `TCP/UDP 443`: consecutive protocol names add up; a name after numbers starts afresh.
      current = fresh ? [...current, named.protocol] : [named.protocol]
      fresh = true
      continue
    }
    if (portFiller.test(token.replace(/:$/, ''))) continue
    const range = /^(\d+)(?:[-–](\d+))?$/.exec(token)
    if (!range) return {...reading, ports: [], unparsed: token}
    fresh = false
    const from = Number(range[1])
    const to = range[2] === undefined ? undefined : Number(range[2])
    if (!validPort(from) || (to !== undefined && (!validPort(to) || to < from))) return {...reading, ports: [], invalid: token}
    if (current.length === 0) reading.assumed = true
    for (const name of current.length > 0 ? new Set(current) : (to === undefined ? transportsOf.get(from) : undefined) ?? ['tcp' as const]) {
      reading.ports.push(to === undefined || to === from ? {protocol: name, port: from} : {protocol: name, port: from, to})
    }
  }
  reading.ports = sortPorts(reading.ports)
  return reading
}

/** Whether a text is a port list and nothing else (`TCP port 443`, `UDP ports 50,000-59,999`). */
export function isPortText(text: string): boolean {
  if (!/\d/.test(text) || !/\b(tcp|udp|ports?)\b/i.test(text)) return false
  const reading = readPortText(text)
  return reading.unparsed === undefined && reading.invalid === undefined && reading.ports.length > 0
}

/** The ports a protocol cell implies (`HTTPS` → TCP 443, `TLSv1.2/HTTP` → TCP 443 and 80). */
export function impliedPorts(text: string): Port[] {
  return sortPorts(
    text
      .split(/[\s,;/]+/)
      .map((word) => protocolNamedBy(word))
      .flatMap((entry) => (entry?.port === undefined ? [] : [{protocol: entry.protocol, port: entry.port}]))
  )
}

/** The transports a protocol cell names for its row's bare ports (`UDP`, `HTTP` → TCP, `TCP & UDP` → both), if any. */
export function protocolOf(text: string): Array<Port['protocol']> | undefined {
  const found = new Set(text.split(/[\s,;/&+]+/).flatMap((word) => protocolNamedBy(word)?.protocol ?? []))
  return found.size === 0 ? undefined : [...found].sort()
}

function validPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535
}

/**
 * A destination's ports: those the page writes beside it (`*.digicert.com:80`), else its endpoint
 * set's. Every reader of ports (the diff, the exports) goes through here.
 */
export function destinationPorts(set: {ports: Port[]}, destination: {ports?: Port[]}): Port[] {
  return destination.ports ?? set.ports
}

/** Every port of an endpoint set: its own, and those written beside its destinations. */
export function setPorts(set: {ports: Port[]; destinations: Array<{ports?: Port[]}>}): Port[] {
  return set.destinations.some((destination) => destination.ports !== undefined)
    ? sortPorts([...set.ports, ...set.destinations.flatMap((destination) => destination.ports ?? [])])
    : set.ports
}

/** Ports in a stable order without duplicates. */
export function sortPorts(ports: Port[]): Port[] {
  const seen = new Map<string, Port>()
  for (const port of ports) seen.set(portKey(port), port)
  return [...seen.values()].sort(comparePorts)
}

/** Port order: protocol, then number, then range end (code-unit order: the same in every locale). */
export function comparePorts(a: Port, b: Port): number {
  return Number(a.protocol > b.protocol) - Number(a.protocol < b.protocol) || a.port - b.port || (a.to ?? a.port) - (b.to ?? b.port)
}

/** `tcp/443`, `tcp/5671-5672`: how a port is written in CSV and reports. */
export function portKey(port: Port): string {
  return `${port.protocol}/${port.port}${port.to === undefined ? '' : '-' + port.to}`
}
