/**
 * A PAN-OS URL external dynamic list: one entry a line, no scheme and no port, a wildcard (also the
 * wildcard host of a URL) as `*.example.com/` and an exact host as `example.com/` (the trailing
 * slash PAN-OS would add, written out: the entry then matches that host and its paths, never
 * `example.com.evil.net`). PAN-OS reads a `*` or `^` only as a whole token (tokens are split at
 * `. / ? & = ; +`): an entry with one inside a token (`cdn.jsdelivr.net/npm/monaco-editor*`) would
 * not match what the page means, and is left out, named. The vendor describes comments for IP
 * address lists only, so a URL list gets no header line (it could be read as an entry); entries
 * longer than 255 characters are left out, as are addresses and ranges (they belong in a list of
 * their own type: `--format cidrs`).
 */
import type {Catalog} from '../../generated/catalog.js'
import {compareText} from '../core/text.js'
import {allowEntries, cannot, type Rendered} from './entries.js'
import {defineFormat} from './format.js'

/** PAN-OS's limit on one URL or domain entry. */
export const edlMaxEntryLength = 255

/** The characters PAN-OS splits a URL entry into tokens at. */
export const edlTokenSeparators = /[./?&=;+]/

/** Whether every `*` and `^` of a URL list entry stands alone as a token, as PAN-OS requires. */
export function edlTokensValid(entry: string): boolean {
  return entry.split(edlTokenSeparators).every((token) => !/[*^]/.test(token) || token === '*' || token === '^')
}

export const edlFormat = defineFormat({
  name: 'edl',
  summary: 'a PAN-OS URL list: `host/`, `*.suffix/`, `host/path`, no comments',
  loads: 'PAN-OS: Objects > External Dynamic Lists, Type **URL List**, Source the file\'s URL (then use it in a URL Filtering profile or a policy\'s URL category)',
  options: [],
  render: (catalog) => formatEdl(catalog)
})

/** The URL list of `catalog`. */
export function formatEdl(catalog: Catalog): Rendered {
  const {list, leftOut} = allowEntries(catalog, 'edl')
  const values = new Set<string>()
  let rewritten = 0
  const add = (kind: (typeof list)[number]['kind'], source: string, entry: string): void => {
    if (entry.length > edlMaxEntryLength) leftOut.add(kind, source, `longer than ${edlMaxEntryLength} characters, PAN-OS's limit for an entry`)
    else if (!edlTokensValid(entry)) leftOut.add(kind, source, 'a `*` or `^` inside a token: PAN-OS reads one only as a whole token between `. / ? & = ; +`')
    else values.add(entry)
  }
  for (const entry of list) {
    if (entry.shape === 'everything') leftOut.add(entry.kind, entry.value, 'every host: PAN-OS takes no entry for it')
    else if (entry.shape === 'address' || entry.shape === 'range') leftOut.add(entry.kind, entry.value, 'an address: a URL list holds names; `--format cidrs` writes addresses for an IP list')
    else if (entry.shape === 'free') leftOut.add(entry.kind, entry.value, cannot.free)
    else if (entry.kind !== 'url') add(entry.kind, entry.value, entry.target + '/')
    else {
      const url = new URL(entry.value)
      if (url.port !== '' || url.search !== '' || url.hash !== '') rewritten++
      add(entry.kind, entry.value, entry.target + (url.pathname === '' ? '/' : url.pathname))
    }
  }
  const notes = leftOut.notes()
  if (rewritten > 0) notes.push(`edl: rewrote ${rewritten} URL${rewritten === 1 ? '' : 's'}: port, query or fragment dropped (PAN-OS matches host and path)`)
  const sorted = [...values].sort(compareText)
  if (sorted.length === 0) notes.push('edl: no entries')
  return {text: sorted.length === 0 ? '' : sorted.join('\n') + '\n', notes}
}
