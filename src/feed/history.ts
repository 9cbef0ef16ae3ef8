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
   * The page it is a revision of, and its kind (URL or ExpressRoute page, told apart by title as
   * the compiler does): read from git, the page's path now (its lineage, across moves); read from
   * files, its directory and its name before the date (`pageOfFile`). Titles alone cannot say,
   * as they change between revisions.
   */
  identity: string
  /** Its `ms.date`, else the `YYYY-MM-DD` in its file name. */
  date: string
  /** The `YYYY-MM-DD` in its file name, if any: orders revisions that share an `ms.date`. */
  nameDate: string | undefined
  /** The commit it was read from (`history --git`): its date orders revisions that share an `ms.date`. */
  commit?: SourceCommit
}

/**
 * The page a revision file stands for: its directory and its name before the date
 * (`power-bi-urls/2021-09-01.md` and `power-bi-urls/2023-09-29-fix.md` are one page,
 * `wild/fabric-allowlist-2024-05-06.md` and `wild/intune-endpoints-2020-05-27.md` two).
 */
export function pageOfFile(path: string): string {
  const name = basename(path).replace(/\.md$/i, '').replace(/[-_. ]*\d{4}-\d{2}-\d{2}.*$/, '')
  return name === '' ? dirname(path) : `${dirname(path)}/${name}`
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
  /**
   * `date` (default): revisions in `ms.date` order; `commit`: in the order of their commits' dates
   * (revisions of several repositories, whose pages' dates do not say which change came first).
   */
  order?: 'date' | 'commit'
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
  const identity = `${origin?.lineage ?? pageOfFile(page.path)} ${source.page}`
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
  // When a revision happened, as the order asks: its `ms.date`, or its commit's date.
  const when = (revision: DatedRevision) => (options.order === 'commit' ? (revision.commit?.date ?? revision.date) : revision.date)
  const ordered = options.order === 'commit' ? inCommitOrder(revisions) : [...revisions].sort(
    (a, b) =>
      compareText(when(a), when(b)) ||
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

  const {onNote: _onNote, order: _order, ...compileOptions} = options
  const current = new Map<string, DatedRevision>()
  const gathering = new Set<string>()
  let published: Published | undefined
  // The path each page had in the last version: a page read from git at another path has moved.
  const released = new Map<string, string>()
  ordered.forEach((revision, index) => {
    current.set(revision.identity, revision)
    gathering.add(revision.identity)
    // Pages of one date make one state: release once every page of that date is in.
    const next = ordered[index + 1]
    if (next !== undefined && when(next) === when(revision) && !gathering.has(next.identity)) return
    gathering.clear()
    const state = [...current.values()]
    const before = published
    published = release(compile(state.map((dated) => dated.page), compileOptions).catalog, published)
    if (published.feed.versions.length > (before?.feed.versions.length ?? 0)) {
      published = withCommits(published, state, released)
      for (const dated of state) if (dated.commit) released.set(dated.identity, dated.page.path)
    }
  })
  return published
}

/**
 * Revisions of several pages (each page's revisions given oldest first, in its history's order)
 * merged by commit date: the next is always the earliest of each page's next revision, so a page's
 * own revisions keep their history's order whatever their commits' dates say.
 */
function inCommitOrder(revisions: DatedRevision[]): DatedRevision[] {
  const queues = new Map<string, DatedRevision[]>()
  for (const revision of revisions) {
    if (!queues.has(revision.identity)) queues.set(revision.identity, [])
    queues.get(revision.identity)!.push(revision)
  }
  const heads = [...queues.entries()].sort(([a], [b]) => compareText(a, b)).map(([, queue]) => queue)
  const ordered: DatedRevision[] = []
  for (;;) {
    let earliest: DatedRevision[] | undefined
    for (const queue of heads) {
      const head = queue[0]
      if (head !== undefined && (earliest === undefined || compareText(head.commit?.date ?? head.date, earliest[0]!.commit?.date ?? earliest[0]!.date) < 0)) earliest = queue
    }
    if (earliest === undefined) return ordered
    ordered.push(earliest.shift()!)
  }
}

/**
 * The newest record's sources, each with the commit its page was read from (pages read from files
 * have none) and, when the page's path is not the one it had in the version before, that path.
 */
function withCommits(published: Published, state: DatedRevision[], released: Map<string, string>): Published {
  const read = new Map(state.flatMap((dated) => (dated.commit ? [[dated.page.path, dated] as const] : [])))
  if (read.size === 0) return published
  const [latest, ...older] = published.feed.versions
  const sources = latest!.sources.map((source) => {
    const dated = read.get(source.path)
    if (dated?.commit === undefined) return source
    const before = released.get(dated.identity)
    return {...source, commit: dated.commit, ...(before !== undefined && before !== source.path ? {movedFrom: before} : {})}
  })
  return {...published, feed: {...published.feed, versions: [{...latest!, sources}, ...older]}}
}
