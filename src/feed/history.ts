/**
 * Replaying the revisions of the docs through the build, oldest first, so a new deployment starts
 * with the whole change feed and every destination knows the version it first appeared in.
 */
import {basename, dirname} from 'node:path'
import type {Catalog} from '../../generated/catalog.js'
import {compile, compareText, type CompileOptions, type PageInput} from '../compile/catalog.js'
import {InputError} from '../errors.js'
import {release, type Published} from './release.js'

/** A page revision placed in time: which page it is, and when it was current. */
export interface DatedRevision {
  page: PageInput
  /**
   * The page it is a revision of: its directory and its kind (URL or ExpressRoute page, told apart
   * by title as the compiler does). Revisions of one page sit in one directory, as
   * `power-bi-urls/2021-09-01.md`; titles alone cannot say, as they change between revisions.
   */
  identity: string
  /** Its `ms.date`, else the `YYYY-MM-DD` in its file name. */
  date: string
  /** The `YYYY-MM-DD` in its file name, if any: orders revisions that share an `ms.date`. */
  nameDate: string | undefined
}

/**
 * Place a revision in time from its own catalog (compiled alone): its `ms.date`, or failing that
 * a date in its file name (`2021-09-01.md`); a revision with neither is an error.
 */
export function dateRevision(page: PageInput, catalog: Catalog): DatedRevision {
  const source = catalog.sources[0]!
  const nameDate = /\d{4}-\d{2}-\d{2}/.exec(basename(page.path))?.[0]
  const date = source.msDate ?? nameDate
  if (date === undefined) throw new InputError(`${page.path}: no ms.date and no date in its name; cannot place it in the history`)
  return {page, identity: `${dirname(page.path)} ${source.page}`, date, nameDate}
}

/**
 * Build every state of the docs in date order and release each onto the one before; returns the
 * last state, undefined for no revisions. Revisions of different pages with the same date are one
 * state; each content change is a version. Two revisions of one page that neither `ms.date` nor
 * the file name orders are an error: the result must not depend on the order they were given in.
 */
export function replay(revisions: DatedRevision[], options: CompileOptions = {}): Published | undefined {
  const ordered = [...revisions].sort(
    (a, b) => compareText(a.date, b.date) || compareText(a.nameDate ?? '', b.nameDate ?? '') || compareText(a.identity, b.identity)
  )
  ordered.forEach((revision, index) => {
    const next = ordered[index + 1]
    if (next && next.identity === revision.identity && next.date === revision.date && next.nameDate === revision.nameDate) {
      throw new InputError(
        `${revision.page.path} and ${next.page.path}: two revisions of one page dated ${revision.date}; ` +
          'give one of them, or date them apart (ms.date, or the date in the file name)'
      )
    }
  })

  const current = new Map<string, DatedRevision>()
  const gathering = new Set<string>()
  let published: Published | undefined
  ordered.forEach((revision, index) => {
    current.set(revision.identity, revision)
    gathering.add(revision.identity)
    // Pages of one date make one state: release once every page of that date is in.
    const next = ordered[index + 1]
    if (next !== undefined && next.date === revision.date && !gathering.has(next.identity)) return
    gathering.clear()
    const pages = [...current.values()].map((dated) => dated.page)
    published = release(compile(pages, options).catalog, published)
  })
  return published
}
