/**
 * One build at a time per output directory: a lock (proper-lockfile: a `.build.lock` directory
 * inside the output directory, created atomically) held while the published files are read,
 * released and written. Another build waits for it; a lock left by a build that was killed is
 * taken over once it is `staleLockMs` old.
 */
import {mkdirSync} from 'node:fs'
import {join, resolve} from 'node:path'
import lockfile from 'proper-lockfile'
import {InputError} from '../errors.js'

/** A lock not refreshed for this long belongs to a build that is no longer running. */
export const staleLockMs = 30_000

/** The lock's name inside the output directory. */
export const lockName = '.build.lock'

/** How long a build waits for another to finish: long enough to outlast a stale lock. */
const waiting = {retries: 40, factor: 1.3, minTimeout: 100, maxTimeout: 2_000}

/**
 * Run `work` holding the output directory's lock (creating the directory); returns what it
 * returns. An InputError when another build holds the lock for longer than a build takes.
 */
export async function withOutputLock<T>(directory: string, cwd: string, work: () => T): Promise<T> {
  const absolute = resolve(cwd, directory)
  try {
    mkdirSync(absolute, {recursive: true})
  } catch (error) {
    throw new InputError(`${directory}: cannot be created (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  let release: () => Promise<void>
  try {
    release = await lockfile.lock(absolute, {
      lockfilePath: join(absolute, lockName),
      realpath: false,
      stale: staleLockMs,
      retries: waiting,
      // The work is synchronous and short; a lock found taken over afterwards has nothing left to protect.
      onCompromised: () => {}
    })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ELOCKED') {
      throw new InputError(
        `${directory}: another build is writing it (lock ${join(directory, lockName)}); try again when it has finished ` +
          `(a lock left by a stopped build is taken over once it is ${staleLockMs / 1000} s old)`
      )
    }
    throw new InputError(`${directory}: cannot be locked (${code ?? (error as Error).message})`)
  }
  try {
    return work()
  } finally {
    await release().catch(() => {})
  }
}
