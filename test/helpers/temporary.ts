// Temporary directories for the tests, each removed when the test process exits (a failed test
// included), so that a run leaves nothing in the system temp directory; test/run.js checks it.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

const made: string[] = []
process.on('exit', removeTemporaryDirectories)

/** Remove every directory `temporaryDirectory` made (test/run.js calls it before its check). */
export function removeTemporaryDirectories(): void {
  for (const directory of made.splice(0)) rmSync(directory, {recursive: true, force: true, maxRetries: 3})
}

/** A new empty directory in the system temp directory, named `endpoint-catalog-<purpose>-…`. */
export function temporaryDirectory(purpose = 'test'): string {
  const directory = mkdtempSync(join(tmpdir(), `endpoint-catalog-${purpose}-`))
  made.push(directory)
  return directory
}
