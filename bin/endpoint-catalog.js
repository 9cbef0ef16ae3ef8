#!/usr/bin/env node
import {main} from '../dist/bundle/cli.mjs'

// A reader that stops early (`| head -1`) closes the pipe: what is left to print has no reader,
// and the command ends as it would have, without a trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error
  })
}

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  // Read as a stream: a pipe may be non-blocking, or its producer slow.
  stdin: async () => {
    const chunks = []
    for await (const chunk of process.stdin) chunks.push(chunk)
    return Buffer.concat(chunks)
  },
  env: process.env,
  cwd: process.cwd()
})
