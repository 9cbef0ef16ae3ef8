// The Action compares one product when its `service` input names it: a pull request that changes
// the Power BI page changes nothing for Intune, and an id no page has fails the job naming those there are.
import {readFileSync} from 'node:fs'
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {pullRequestEvent, runAction, urls2020, urls2021} from './helpers/action-run.js'
import {temporaryRepository} from './helpers/git-repository.js'

const intune = readFileSync('examples/family/pages/intune-endpoints.md', 'utf8')
const service = suite('action: service')

/** A pull request that moves the Power BI URL page from 2020 to 2021 beside an unchanged Intune page. */
function repository() {
  const repository = temporaryRepository()
  const base = repository.commit({'docs-source/power-bi-urls.md': urls2020, 'docs-source/intune-endpoints.md': intune}, 'base')
  repository.git('checkout', '-q', '-b', 'change')
  const head = repository.commit({'docs-source/power-bi-urls.md': urls2021}, 'head')
  return {repository, event: pullRequestEvent({base, head})}
}

service('one product: Power BI changed, Intune did not; an unknown id fails listing the products', async () => {
  const {repository: repo, event} = repository()
  const all = await runAction({repository: repo, event, inputs: {comment: 'false'}})
  assert.is(all.code, 0, all.stdout + all.stderr)
  assert.is(all.outputs['changed'], 'true')
  const powerBi = await runAction({repository: repo, event, inputs: {comment: 'false', service: 'power-bi'}})
  assert.is(powerBi.code, 0, powerBi.stdout + powerBi.stderr)
  assert.is(powerBi.outputs['changed'], 'true')
  const unchanged = await runAction({repository: repo, event, inputs: {comment: 'false', service: 'intune'}})
  assert.is(unchanged.code, 0, unchanged.stdout + unchanged.stderr)
  assert.is(unchanged.outputs['changed'], 'false')
  const unknown = await runAction({repository: repo, event, inputs: {comment: 'false', service: 'fabric'}})
  assert.is(unknown.code, 1)
  assert.match(unknown.stdout, /service: --service fabric: expected one of intune, power-bi \(the catalog's products\)/)
})

service.run()
