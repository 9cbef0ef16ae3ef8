/**
 * A PAN-OS URL external dynamic list: one entry a line, no scheme and no port, a wildcard as
 * `*.example.com/` and an exact host as `example.com/` (the trailing slash PAN-OS would add, written
 * out: the entry then matches that host and its paths, never `example.com.evil.net`). The vendor
 * describes comments for IP address lists only, so a URL list gets no header line (it could be read
 * as an entry); entries longer than 255 characters are left out, as are IP addresses and ranges
 * (they belong in a list of their own type: `--format cidrs`).
 */
import type {Catalog} from '../../generated/catalog.js'
import {compareText} from '../core/text.js'
import {catalogEntries, leftOutNote, type Rendered} from './entries.js'

/** PAN-OS's limit on one URL or domain entry. */
export const edlMaxEntryLength = 255

/** The URL list of `catalog`. */
export function formatEdl(catalog: Catalog): Rendered {
  const entries = catalogEntries(catalog)
  const values = new Set<string>()
  let rewritten = 0
  let tooLong = 0
  let everything = false
  const add = (entry: string): void => {
    if (entry.length > edlMaxEntryLength) tooLong++
    else values.add(entry)
  }
  for (const host of entries.byKind.host) add(host + '/')
  for (const wildcard of entries.byKind.wildcard) {
    if (wildcard === '*') everything = true
    else add(wildcard + '/')
  }
  for (const value of entries.byKind.url) {
    const url = new URL(value)
    if (url.port !== '' || url.search !== '' || url.hash !== '') rewritten++
    add(url.hostname + (url.pathname === '' ? '/' : url.pathname))
  }
  const extra = [
    ...(everything ? ['the wildcard `*` (PAN-OS takes no entry for every host)'] : []),
    ...(tooLong > 0 ? [`${tooLong} longer than ${edlMaxEntryLength} characters`] : [])
  ]
  const notes: string[] = []
  const note = leftOutNote('edl', entries, ['host', 'wildcard', 'url'], extra)
  if (note !== undefined) notes.push(note)
  if (rewritten > 0) notes.push(`edl: rewrote ${rewritten} URL${rewritten === 1 ? '' : 's'}: port, query or fragment dropped (PAN-OS matches host and path)`)
  const sorted = [...values].sort(compareText)
  if (sorted.length === 0) notes.push('edl: no entries')
  return {text: sorted.length === 0 ? '' : sorted.join('\n') + '\n', notes}
}
