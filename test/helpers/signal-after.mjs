// Preloaded into a command (`node --import`) to send it a signal (SIGNAL, default SIGINT) after the
// Nth file system write or rename (SIGNAL_AFTER), as Ctrl-C or a supervisor would mid-build.
import fs from 'node:fs'
import {syncBuiltinESMExports} from 'node:module'

const after = Number(process.env.SIGNAL_AFTER ?? 0)
const signal = process.env.SIGNAL ?? 'SIGINT'
let count = 0

const writeFileSync = fs.writeFileSync
const renameSync = fs.renameSync
fs.writeFileSync = function (...args) {
  writeFileSync.apply(this, args)
  if (++count === after) process.kill(process.pid, signal)
}
fs.renameSync = function (...args) {
  renameSync.apply(this, args)
  if (++count === after) process.kill(process.pid, signal)
}
syncBuiltinESMExports()
