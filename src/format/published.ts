/**
 * What `build` and `history` publish beside the catalog, rendered: changes.json, CHANGELOG.md,
 * changes.atom, m365-ids.json and catalog.json, each validated, the catalog last (the store writes
 * them in this order, so the catalog is the commit point).
 */
import type {M365Ids} from '../../generated/m365-ids.js'
import {catalogName} from '../compile/service.js'
import type {Published} from '../feed/release.js'
import {publishedFiles, type PublishedText} from '../feed/store.js'
import {checkedJson} from '../io.js'
import {formatChangelog, renderReleases} from './changelog.js'
import {assignM365Ids} from './m365.js'

export interface PublishOptions {
  /** Where the Atom feed is published, for its `rel="self"` link (default: none). */
  feedUrl?: string
}

/** Each published file's name and text, the catalog last; `recorded`: the numbers m365-ids.json holds now. */
export function publishedTexts(published: Published, recorded: M365Ids | undefined, options: PublishOptions = {}): PublishedText[] {
  const ids = assignM365Ids(recorded, published.feed, published.catalog)
  const atom = {name: catalogName(published.catalog), ...(options.feedUrl === undefined ? {} : {selfUrl: options.feedUrl})}
  return [
    [publishedFiles.feed, checkedJson('changes', published.feed)],
    [publishedFiles.changelog, formatChangelog(published.feed)],
    [publishedFiles.atom, renderReleases(published.feed.versions, published.feed, 'atom', undefined, atom).text],
    [publishedFiles.m365Ids, checkedJson('m365Ids', ids)],
    [publishedFiles.catalog, checkedJson('catalog', published.catalog)]
  ]
}
