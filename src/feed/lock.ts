/**
 * One build at a time per output directory: a lock (proper-lockfile: a `.build.lock` directory
 * inside the output directory, created atomically) held while the published files are read,
 * released and written. Another build waits for it, saying so; a lock left by a build that was
 * killed is taken over once it is `staleLockMs` old (a lock dated in the future counts from when
 * it is first seen). A build stopped by SIGINT or SIGTERM releases its lock before it ends. An
 * output directory where no lock can be made (no permission, not a directory) fails at once.
 */
import {lstatSync, mkdirSync, rmSync, utimesSync, type Stats} from 'node:fs'
import {join, resolve} from 'node:path'
import lockfile from 'proper-lockfile'
import {InputError} from '../errors.js'

/** A lock not refreshed for this long belongs to a build that is no longer running. */
export const staleLockMs = 30_000

/** The lock's name inside the output directory. */
export const lockName = '.build.lock'

/** How long a build waits for another to finish: long enough to outlast a stale lock. */
const waitMs = 2 * staleLockMs + 5_000

/** A lock dated this far past the clock is dated in the future (more than clocks drift apart). */
const clockSkewMs = 2_000

/** The signals that stop a build at a terminal or from a supervisor: the lock goes with it. */
const stopSignals = ['SIGINT', 'SIGTERM'] as const

export interface LockOptions {
  /** Told once when the lock is held by another build and this one waits (default: nothing). */
  onWait?: (message: string) => void
}

/**
 * Run `work` holding the output directory's lock (creating the directory); returns what it
 * returns. An InputError when the lock cannot be made, or another build holds it for longer than
 * a build takes.
 */
export async function withOutputLock<T>(directory: string, cwd: string, work: () => T, options: LockOptions = {}): Promise<T> {
  const absolute = resolve(cwd, directory)
  const lockPath = join(absolute, lockName)
  const shown = join(directory, lockName)
  try {
    mkdirSync(absolute, {recursive: true})
  } catch (error) {
    throw new InputError(`${directory}: cannot be created (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }

  // From here to the release, a stopping signal ends the wait at once, or lets the work in hand
  // finish; then the lock, once it is ours (an attempt in flight settled first), is removed and the
  // process ends by the same signal.
  const state: LockState = {stopping: false, attempt: undefined, owned: false}
  const onSignal = (signal: NodeJS.Signals): void => {
    state.stopping = true
    void (state.attempt ?? Promise.resolve())
      .catch(() => {})
      .then(() => {
        if (state.owned) rmSync(lockPath, {recursive: true, force: true})
        for (const each of stopSignals) process.removeListener(each, onSignal)
        process.kill(process.pid, signal)
      })
  }
  for (const signal of stopSignals) process.on(signal, onSignal)

  try {
    const release = await acquire(absolute, lockPath, shown, directory, options, state)
    // Stopped as the lock came: the signal's handler removes it and ends the process.
    if (state.stopping) await new Promise(() => {})
    try {
      return work()
    } finally {
      await release().catch(() => {})
      state.owned = false
    }
  } finally {
    for (const signal of stopSignals) process.removeListener(signal, onSignal)
  }
}

interface LockState {
  /** A stopping signal came. */
  stopping: boolean
  /** The attempt to take the lock in flight, if any. */
  attempt: Promise<unknown> | undefined
  /** The lock is this process's. */
  owned: boolean
}

/** Take the lock, waiting while another build holds it; what releases it. */
async function acquire(absolute: string, lockPath: string, shown: string, directory: string, options: LockOptions, state: LockState): Promise<() => Promise<void>> {
  const deadline = Date.now() + waitMs
  let told = false
  for (let round = 0; ; round++) {
    const existing = statOf(lockPath)
    if (existing !== undefined && !existing.isDirectory()) {
      throw new InputError(`${shown}: not a lock (a file is in the way); remove it and build again`)
    }
    if (existing !== undefined && existing.mtimeMs > Date.now() + clockSkewMs) {
      // A date no running build gives its lock: count its age from now, as the rule says.
      try {
        const now = new Date()
        utimesSync(lockPath, now, now)
      } catch {
        // Gone meanwhile, or not ours to touch: the next attempt tells.
      }
    }
    if (state.stopping) await new Promise(() => {})
    try {
      const attempt = lockfile.lock(absolute, {
        lockfilePath: lockPath,
        realpath: false,
        stale: staleLockMs,
        retries: 0,
        // The work is synchronous and short; a lock found taken over afterwards has nothing left to protect.
        onCompromised: () => {}
      })
      state.attempt = attempt
      const release = await attempt
      state.owned = true
      return release
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ELOCKED') throw new InputError(`${directory}: cannot be locked (${code ?? (error as Error).message}); the output directory must be a directory this user can write`)
      if (Date.now() > deadline) {
        throw new InputError(
          `${directory}: another build is writing it (lock ${shown}); try again when it has finished ` +
            `(a lock left by a stopped build is taken over once it is ${staleLockMs / 1000} s old)`
        )
      }
      if (!told && existing !== undefined) {
        options.onWait?.(`waiting for the build lock held since ${heldSince(existing)} (${shown}; a lock not refreshed for ${staleLockMs / 1000} s is taken over)`)
        told = true
      }
      await new Promise((wait) => setTimeout(wait, Math.min(100 * 1.3 ** round, 2_000)))
    }
  }
}

function statOf(path: string): Stats | undefined {
  try {
    return lstatSync(path)
  } catch {
    return undefined
  }
}

/** When the lock was taken: its birth time where the file system keeps one, else its last refresh. */
function heldSince(stats: Stats): string {
  const time = stats.birthtimeMs > 0 ? stats.birthtime : stats.mtime
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
