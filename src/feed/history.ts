/**
 * Replaying the revisions of the docs through the build, oldest first, so a new deployment starts
 * with the whole change feed and every destination knows the version it first appeared in.
 */
import {basename} from 'node:path'
import type {Catalog, Page} from '../../generated/catalog.js'
import {compile, compareText, type CompileOptions, type PageInput} from '../compile/catalog.js'
import {InputError} from '../errors.js'
import {release, type Published} from './release.js'

/** A page revision placed in time: which page it is, and when it was current. */
export interface DatedRevision {
  page: PageInput
  /** The page it is a revision of, as the compiler tells them apart (by title). */
  kind: Page
  /** Its `ms.date`, else the `YYYY-MM-DD` in its file name. */
  date: string
}

/**
 * Place a revision in time from its own catalog (compiled alone): its `ms.date`, or failing that
 * a date in its file name (`2021-09-01.md`); a revision with neither is an error.
 */
export function dateRevision(page: PageInput, catalog: Catalog): DatedRevision {
  const source = catalog.sources[0]!
  const date = source.msDate ?? /\d{4}-\d{2}-\d{2}/.exec(basename(page.path))?.[0]
  if (date === undefined) throw new InputError(`${page.path}: no ms.date and no date in its name; cannot place it in the history`)
  return {page, kind: source.page, date}
}

/**
 * Build every state of the docs in date order (revisions with the same date keep the order
 * given) and release each onto the one before; returns the last state, undefined for no revisions.
 * Revisions of different pages with the same date are one state; each content change is a version.
 */
export function replay(revisions: DatedRevision[], options: CompileOptions = {}): Published | undefined {
  const ordered = revisions.map((revision, index) => ({revision, index}))
  ordered.sort((a, b) => compareText(a.revision.date, b.revision.date) || a.index - b.index)

  const current = new Map<Page, DatedRevision>()
  const gathering = new Set<Page>()
  let published: Published | undefined
  ordered.forEach(({revision}, position) => {
    current.set(revision.kind, revision)
    gathering.add(revision.kind)
    const next = ordered[position + 1]?.revision
    if (next !== undefined && next.date === revision.date && !gathering.has(next.kind)) return
    gathering.clear()
    const pages = [...current.values()].map((dated) => dated.page)
    published = release(compile(pages, options).catalog, published)
  })
  return published
}
