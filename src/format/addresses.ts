/**
 * Addresses and address ranges for the formats that load them into a firewall (`ips`, `cidrs`,
 * `nftables`, `ipset`, Squid's `dst`): the family of each, its network form (`10.1.2.0/24` for a
 * catalog's `10.1.2.3/24`), and a list without ranges that another listed range holds (nft refuses
 * overlapping intervals in one set).
 */
import * as ipaddrModule from 'ipaddr.js'
import {compareText} from '../compile/catalog.js'

// A CommonJS module: Node gives an ES module its exports as `default` only, a bundler as both.
const ipaddr = (ipaddrModule as {default?: typeof ipaddrModule}).default ?? ipaddrModule

export type Family = 4 | 6

export const families: readonly Family[] = [4, 6]

export interface Range {
  family: Family
  /** `1.2.3.4` for one address, else the network `1.2.3.0/24`. */
  text: string
  start: bigint
  end: bigint
}

/** An IP address or `address/prefix` as a range; undefined when it is neither. */
export function parseRange(value: string): Range | undefined {
  try {
    const [address, bits] = value.includes('/') ? ipaddr.parseCIDR(value) : ([ipaddr.parse(value), undefined] as const)
    const family: Family = address.kind() === 'ipv4' ? 4 : 6
    const width = family === 4 ? 32 : 128
    const prefix = bits ?? width
    const start = toBigInt(address.toByteArray()) & ~((1n << BigInt(width - prefix)) - 1n)
    const end = start + (1n << BigInt(width - prefix)) - 1n
    const network = ipaddr.fromByteArray(fromBigInt(start, width / 8)).toString()
    return {family, text: prefix === width ? network : `${network}/${prefix}`, start, end}
  } catch {
    return undefined
  }
}

/** 4 or 6 for an address or range. */
export function familyOf(value: string): Family | undefined {
  return parseRange(value)?.family
}

/**
 * The ranges of one family without duplicates and without those another listed range holds
 * (`10.1.0.0/16` under `10.0.0.0/8`), sorted by address; `covered` are the ones left out.
 */
export function collapse(ranges: Range[]): {kept: Range[]; covered: Range[]} {
  const sorted = [...ranges].sort((a, b) => (a.family - b.family) || (a.start < b.start ? -1 : a.start > b.start ? 1 : a.end > b.end ? -1 : a.end < b.end ? 1 : 0))
  const kept: Range[] = []
  const covered: Range[] = []
  for (const range of sorted) {
    const last = kept.at(-1)
    if (last !== undefined && last.family === range.family && range.end <= last.end) {
      if (last.text !== range.text) covered.push(range)
      continue
    }
    kept.push(range)
  }
  return {kept, covered}
}

/** A range as one that holds a single address or more: `1.2.3.4/32`, `2001:db8::/32`. */
export function asPrefix(range: Range): string {
  return range.text.includes('/') ? range.text : `${range.text}/${range.family === 4 ? 32 : 128}`
}

/** `::ffff:0:0/96`, where IPv4 addresses are written as IPv6 ones (`::ffff:192.0.2.1`). */
const mappedStart = 0xffffn << 32n
const mappedEnd = mappedStart + 0xffffffffn

/** Whether an IPv6 range holds the whole of `::ffff:0:0/96` (and so, in IPv4-mapped form, every IPv4 address). */
export function holdsMappedIpv4(range: Range): boolean {
  return range.family === 6 && range.start <= mappedStart && range.end >= mappedEnd
}

/** An IPv6 range inside `::ffff:0:0/96` as the IPv4 range it maps (as Squid reads it); any other range as it is. */
export function unmapped(range: Range): Range {
  if (range.family !== 6 || range.start < mappedStart || range.end > mappedEnd) return range
  const start = range.start - mappedStart
  const end = range.end - mappedStart
  const bits = 32 - (end - start + 1n).toString(2).length + 1
  const network = [24n, 16n, 8n, 0n].map((shift) => String((start >> shift) & 0xffn)).join('.')
  return {family: 4, text: bits === 32 ? network : `${network}/${bits}`, start, end}
}

/**
 * A range as a consumer that takes no /0 writes it: `0.0.0.0/0` as `0.0.0.0/1` and `128.0.0.0/1`,
 * `::/0` as `::/1` and `8000::/1` (the same addresses); any other range as it is.
 */
export function withoutWhole(range: Range): string[] {
  if (!range.text.endsWith('/0')) return [range.text]
  return range.family === 4 ? ['0.0.0.0/1', '128.0.0.0/1'] : ['::/1', '8000::/1']
}

/** Sort range texts the way the lists are written (by text, code units). */
export function sortTexts(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareText)
}

function toBigInt(bytes: number[]): bigint {
  let value = 0n
  for (const byte of bytes) value = (value << 8n) | BigInt(byte)
  return value
}

function fromBigInt(value: bigint, length: number): number[] {
  const bytes: number[] = []
  for (let index = 0; index < length; index++) bytes.unshift(Number((value >> BigInt(8 * index)) & 0xffn))
  return bytes
}
