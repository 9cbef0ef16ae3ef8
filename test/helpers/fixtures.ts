// Fixture folders: an expected file that is missing records itself; UPDATE=1 rewrites them all.
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import * as assert from 'uvu/assert'

/** Compare `actual` with the expected file, recording it when missing or when UPDATE=1. */
export function expectFile(path: string, actual: string): void {
  if (process.env['UPDATE'] === '1' || !existsSync(path)) {
    writeFileSync(path, actual)
    return
  }
  assert.fixture(actual, readFileSync(path, 'utf8'), path)
}
