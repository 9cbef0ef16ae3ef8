// Preloaded into a command (`node --import`) to stop it the hard way at a chosen point: SIGKILL
// after the Nth file system write or rename (KILL_AFTER), or in the middle of the Nth write
// (KILL_DURING: half of the data written, then killed), as a crash or power loss would.
import fs from 'node:fs'
import {syncBuiltinESMExports} from 'node:module'

const after = Number(process.env.KILL_AFTER ?? 0)
const during = Number(process.env.KILL_DURING ?? 0)
let count = 0

const kill = () => process.kill(process.pid, 'SIGKILL')
const writeFileSync = fs.writeFileSync
const renameSync = fs.renameSync

fs.writeFileSync = function (path, data, ...rest) {
  count++
  if (count === during) {
    writeFileSync.call(this, path, String(data).slice(0, Math.floor(String(data).length / 2)), ...rest)
    kill()
  }
  writeFileSync.call(this, path, data, ...rest)
  if (count === after) kill()
}
fs.renameSync = function (...args) {
  count++
  renameSync.apply(this, args)
  if (count === after) kill()
}
syncBuiltinESMExports()
