// The programs that load the exports (Squid, pactester, nft, ipset), found on the PATH. A test whose
// program is missing fails under CI=true (.ci/run installs them); elsewhere it prints one line naming
// the program and how to install it and counts as skipped (test/run.js reads the count), so `npm test`
// passes on a fresh machine.
import {spawnSync} from 'node:child_process'

declare global {
  var endpointCatalogSkipped: string[] | undefined
}

/** The Debian packages of the consumers, as .ci/run installs them. */
export const consumerPackages = 'apt-get install -y squid libpacparser1 nftables ipset'

/** Whether `command` is on the PATH. */
export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], {encoding: 'utf8'}).status === 0
}

/**
 * True when every command is there; else fails under CI=true, or prints one line and records a skip
 * (the caller returns without asserting).
 */
export function consumersPresent(test: string, commands: string[], why = `install them with \`${consumerPackages}\``): boolean {
  const missing = commands.filter((command) => !hasCommand(command))
  if (missing.length === 0) return true
  return skip(test, `${missing.join(', ')} not found: ${why}`)
}

/** Fail under CI=true; elsewhere print `skipped: <test>: <reason>` and count a skip. */
export function skip(test: string, reason: string): false {
  if (process.env['CI'] === 'true') throw new Error(`${test}: ${reason} (CI runs every consumer)`)
  console.log(`skipped: ${test}: ${reason}`)
  globalThis.endpointCatalogSkipped = [...(globalThis.endpointCatalogSkipped ?? []), test]
  return false
}

/**
 * The arguments that run a command in a new network namespace (`unshare -n`, as root; `unshare -rn`,
 * mapped to root in a user namespace, otherwise), or undefined with the reason it cannot.
 */
export function inNetworkNamespace(): {prefix: string[]} | {reason: string} {
  const prefix = process.getuid?.() === 0 ? ['unshare', '-n'] : ['unshare', '-rn']
  const probe = spawnSync(prefix[0]!, [...prefix.slice(1), 'true'], {encoding: 'utf8'})
  if (probe.status === 0) return {prefix}
  return {reason: `\`${prefix.join(' ')} true\` fails (${(probe.stderr || probe.error?.message || '').trim()}): run the tests as root or allow user namespaces`}
}
