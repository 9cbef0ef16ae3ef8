/**
 * Replaying the revisions of the docs through the build, oldest first, so a new deployment starts
 * with the whole change feed and every destination knows the version it first appeared in.
 */
import {basename, dirname} from 'node:path'
import type {Catalog} from '../../generated/catalog.js'
import type {SourceCommit} from '../../generated/changes.js'
import {compile, type CompileOptions, type PageInput} from '../compile/catalog.js'
import {compareText} from '../core/text.js'
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
  /** The commit it was read from (`history --git`): its date orders revisions that share an `ms.date`. */
  commit?: SourceCommit
}

/** Where a revision read from git comes from: the page it belongs to, and the commit. */
export interface RevisionOrigin {
  /** The page's lineage (its path now), standing for the directory of a file revision. */
  lineage: string
  commit: SourceCommit
}

export interface ReplayOptions extends CompileOptions {
  /** Told how revisions that nothing else dates apart were ordered (default: not told). */
  onNote?: (note: string) => void
}

/**
 * Place a revision in time from its own catalog (compiled alone): its `ms.date`, or failing that
 * a date in its file name (`2021-09-01.md`), or its commit's date; a revision with none is an error.
 */
export function dateRevision(page: PageInput, catalog: Catalog, origin?: RevisionOrigin): DatedRevision {
  const source = catalog.sources[0]!
  const nameDate = /\d{4}-\d{2}-\d{2}/.exec(basename(page.path))?.[0]
  const date = source.msDate ?? nameDate ?? origin?.commit.date.slice(0, 10)
  if (date === undefined) throw new InputError(`${page.path}: no ms.date and no date in its name; cannot place it in the history`)
  const identity = `${origin?.lineage ?? dirname(page.path)} ${source.page}`
  return {page, identity, date, nameDate, ...(origin ? {commit: origin.commit} : {})}
}

/**
 * Build every state of the docs in date order and release each onto the one before; returns the
 * last state, undefined for no revisions. Revisions of different pages with the same date are one
 * state; each content change is a version, whose sources name the commits read from git. Revisions
 * of one page that share an `ms.date` are ordered by the date in their file names, then by commit
 * date, then by path (said through `onNote`): the result never depends on the order they were given in.
 */
export function replay(revisions: DatedRevision[], options: ReplayOptions = {}): Published | undefined {
  const ordered = [...revisions].sort(
    (a, b) =>
      compareText(a.date, b.date) ||
      compareText(a.nameDate ?? '', b.nameDate ?? '') ||
      compareText(a.commit?.date ?? '', b.commit?.date ?? '') ||
      (a.commit && b.commit ? 0 : compareText(a.page.path, b.page.path)) ||
      compareText(a.identity, b.identity)
  )
  ordered.forEach((revision, index) => {
    const next = ordered[index + 1]
    // Commits of one second keep the order of their history (the sort is stable); files go by path.
    if (next && next.identity === revision.identity && next.date === revision.date && next.nameDate === revision.nameDate && !revision.commit && !next.commit) {
      options.onNote?.(`${revision.page.path} and ${next.page.path}: two revisions of one page dated ${revision.date}; replayed in path order`)
    }
  })

  const {onNote: _onNote, ...compileOptions} = options
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
    const state = [...current.values()]
    const before = published
    published = release(compile(state.map((dated) => dated.page), compileOptions).catalog, published)
    if (published.feed.versions.length > (before?.feed.versions.length ?? 0)) published = withCommits(published, state)
  })
  return published
}

/** The newest record's sources, each with the commit its page was read from (pages read from files have none). */
function withCommits(published: Published, state: DatedRevision[]): Published {
  const commits = new Map(state.flatMap((dated) => (dated.commit ? [[dated.page.path, dated.commit] as const] : [])))
  if (commits.size === 0) return published
  const [latest, ...older] = published.feed.versions
  const sources = latest!.sources.map((source) => {
    const commit = commits.get(source.path)
    return commit ? {...source, commit} : source
  })
  return {...published, feed: {...published.feed, versions: [{...latest!, sources}, ...older]}}
}
