// What the tests of `history` compare: the files it writes, and records without their places.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import * as assert from 'uvu/assert'
import type {ChangeFeed} from '../../generated/changes.js'
import type {Catalog} from '../../src/index.js'
import {validateAgainst} from '../../src/validate.js'

/** A JSON file of an output folder. */
export const readJson = <T>(directory: string, name: string): T => JSON.parse(readFileSync(join(directory, name), 'utf8')) as T

/** A record or catalog without what says where its pages were read from (paths, commits, moves). */
export function withoutPlaces(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPlaces)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, entry]) => key !== 'path' && key !== 'commit' && key !== 'movedFrom' && !(key === 'source' && typeof entry === 'string'))
      .map(([key, entry]) => [key, withoutPlaces(entry)])
  )
}

/**
 * Check that the history written to `fromGit` is the one written to `fromFiles` (the same
 * versions, change records and catalog, places aside), valid, every version with changes; returns both feeds.
 */
export function sameHistory(fromGit: string, fromFiles: string): {feed: ChangeFeed; fileFeed: ChangeFeed} {
  const feed = readJson<ChangeFeed>(fromGit, 'changes.json')
  const fileFeed = readJson<ChangeFeed>(fromFiles, 'changes.json')
  assert.equal(validateAgainst('changes', feed), [])
  assert.equal(withoutPlaces(feed), withoutPlaces(fileFeed))
  assert.ok(feed.versions.every((record) => record.changes.length > 0))
  assert.equal(withoutPlaces(readJson<Catalog>(fromGit, 'catalog.json')), withoutPlaces(readJson<Catalog>(fromFiles, 'catalog.json')))
  return {feed, fileFeed}
}
