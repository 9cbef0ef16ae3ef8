// The change feed of the shared revisions (the committed catalogs of the URL page from 2018 to
// 2023), released one after another as `build` would.
import {release, type Published} from '../../src/index.js'
import {fixtureCatalog} from './hand-catalog.js'

export const sharedRevisions = ['urls-2018-08-10', 'urls-2018-10-22', 'urls-2020-01-29', 'urls-2021-09-01', 'urls-2023-09-29']

/** The published state after each shared revision, oldest first. */
export function sharedReleases(): Published[] {
  const states: Published[] = []
  for (const name of sharedRevisions) states.push(release(fixtureCatalog(name), states[states.length - 1]))
  return states
}
