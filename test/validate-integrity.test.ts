// What validate checks beyond the schemas: unique ids, a feed's versions in order and counted from
// the one after them, numbers a reader holds exactly. Each damaged file is refused, naming where.
import {readFileSync} from 'node:fs'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {run} from './helpers/in-process.js'

const integrity = suite('validate: what the schema cannot say')
const root = process.cwd()
const catalog = JSON.parse(readFileSync('generated/catalog.json', 'utf8'))
const feed = JSON.parse(readFileSync('generated/changes.json', 'utf8'))
const json = (value: unknown) => JSON.stringify(value, null, 2)

async function refused(text: string, says: RegExp): Promise<void> {
  const result = await run(['validate', '-'], root, text)
  assert.is(result.code, 1, result.stdout)
  assert.match(result.stderr, says)
}

integrity('the published files are valid', async () => {
  for (const path of ['generated/catalog.json', 'generated/changes.json', 'generated/m365-ids.json']) assert.is((await run(['validate', path], root)).code, 0, path)
})

integrity('a duplicate endpoint-set id', async () => {
  const damaged = structuredClone(catalog)
  damaged.endpointSets[3].id = damaged.endpointSets[1].id
  await refused(json(damaged), new RegExp(`-: /endpointSets/3/id  ${damaged.endpointSets[1].id} is also the id of /endpointSets/1; expected each id once`))
})

integrity('a duplicate exception id', async () => {
  const damaged = structuredClone(catalog)
  assert.ok(damaged.expressRoute.exceptions.length >= 2)
  damaged.expressRoute.exceptions[1].id = damaged.expressRoute.exceptions[0].id
  await refused(json(damaged), /-: \/expressRoute\/exceptions\/1\/id {2}er-[0-9a-f]{12} is also the id of \/expressRoute\/exceptions\/0/)
})

integrity('a feed with a duplicated, a reversed or a self-referencing version', async () => {
  assert.ok(feed.versions.length >= 2)
  const duplicated = {...feed, versions: [feed.versions[0], ...feed.versions]}
  await refused(json(duplicated), /-: \/versions\/0\/version {2}\d{10} is not newer than the version after it \(\d{10}\); expected the newest first, each once/)
  const reversed = {...feed, versions: [...feed.versions].reverse()}
  await refused(json(reversed), /-: \/versions\/0\/version {2}\d{10} is not newer than the version after it/)
  const self = structuredClone(feed)
  self.versions[0].previous = self.versions[0].version
  await refused(json(self), /-: \/versions\/0\/previous {2}is its own version \d{10}/)
  const skipped = structuredClone(feed)
  skipped.versions[0].previous = '1999010100'
  await refused(json(skipped), /-: \/versions\/0\/previous {2}is 1999010100, expected \d{10} \(the version after it\)/)
})

integrity('an m365 number of 1e308', async () => {
  const text = readFileSync('generated/m365-ids.json', 'utf8').replace(/: \d+,/, ': 1e308,')
  await refused(text, /-: \/endpointSets\/es-[0-9a-f]{12} {2}1e\+308 is past the largest number a reader holds exactly \(9007199254740991\)/)
})

integrity.run()
